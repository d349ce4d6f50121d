/**
 * The part of the Remote Execution API v2 that amake speaks, as protobuf
 * messages. The schema below names only the messages and fields amake
 * reads or writes; the field numbers are those of the published API, so
 * a server reads these messages as it reads any client's.
 */
import { createHash } from 'node:crypto';
import * as protobuf from 'protobufjs';

const SCHEMA = `
syntax = "proto3";

package build.bazel.remote.execution.v2;

message Digest {
  string hash = 1;
  int64 size_bytes = 2;
}

message Platform {
  message Property {
    string name = 1;
    string value = 2;
  }
  repeated Property properties = 1;
}

message Command {
  message EnvironmentVariable {
    string name = 1;
    string value = 2;
  }
  repeated string arguments = 1;
  repeated EnvironmentVariable environment_variables = 2;
  repeated string output_files = 3;
  repeated string output_directories = 4;
  Platform platform = 5;
  string working_directory = 6;
  repeated string output_paths = 7;
}

message Duration {
  int64 seconds = 1;
  int32 nanos = 2;
}

message Action {
  Digest command_digest = 1;
  Digest input_root_digest = 2;
  Duration timeout = 6;
  bool do_not_cache = 7;
  Platform platform = 10;
}

message FileNode {
  string name = 1;
  Digest digest = 2;
  bool is_executable = 4;
}

message DirectoryNode {
  string name = 1;
  Digest digest = 2;
}

message SymlinkNode {
  string name = 1;
  string target = 2;
}

message Directory {
  repeated FileNode files = 1;
  repeated DirectoryNode directories = 2;
  repeated SymlinkNode symlinks = 3;
}

message Tree {
  Directory root = 1;
  repeated Directory children = 2;
}

message OutputFile {
  string path = 1;
  Digest digest = 2;
  bool is_executable = 4;
  bytes contents = 5;
}

message OutputSymlink {
  string path = 1;
  string target = 2;
}

message OutputDirectory {
  string path = 1;
  Digest tree_digest = 3;
}

message ExecutedActionMetadata {
  string worker = 1;
}

message ActionResult {
  repeated OutputFile output_files = 2;
  repeated OutputDirectory output_directories = 3;
  int32 exit_code = 4;
  bytes stdout_raw = 5;
  Digest stdout_digest = 6;
  bytes stderr_raw = 7;
  Digest stderr_digest = 8;
  repeated OutputSymlink output_file_symlinks = 10;
  repeated OutputSymlink output_directory_symlinks = 11;
  repeated OutputSymlink output_symlinks = 12;
  ExecutedActionMetadata execution_metadata = 9;
}

message Status {
  int32 code = 1;
  string message = 2;
}

message ExecuteRequest {
  string instance_name = 1;
  bool skip_cache_lookup = 3;
  Digest action_digest = 6;
}

message ExecuteResponse {
  ActionResult result = 1;
  bool cached_result = 2;
  Status status = 3;
  string message = 5;
}

message Any {
  string type_url = 1;
  bytes value = 2;
}

message Operation {
  string name = 1;
  Any metadata = 2;
  bool done = 3;
  Status error = 4;
  Any response = 5;
}

message WaitExecutionRequest {
  string name = 1;
}

message GetActionResultRequest {
  string instance_name = 1;
  Digest action_digest = 2;
  bool inline_stdout = 3;
  bool inline_stderr = 4;
}

message FindMissingBlobsRequest {
  string instance_name = 1;
  repeated Digest blob_digests = 2;
}

message FindMissingBlobsResponse {
  repeated Digest missing_blob_digests = 2;
}

message BatchUpdateBlobsRequest {
  message Request {
    Digest digest = 1;
    bytes data = 2;
  }
  string instance_name = 1;
  repeated Request requests = 2;
}

message BatchUpdateBlobsResponse {
  message Response {
    Digest digest = 1;
    Status status = 2;
  }
  repeated Response responses = 1;
}

message BatchReadBlobsRequest {
  string instance_name = 1;
  repeated Digest digests = 2;
}

message BatchReadBlobsResponse {
  message Response {
    Digest digest = 1;
    bytes data = 2;
    Status status = 3;
  }
  repeated Response responses = 1;
}

message GetCapabilitiesRequest {
  string instance_name = 1;
}

message SemVer {
  int32 major = 1;
  int32 minor = 2;
  int32 patch = 3;
}

message CacheCapabilities {
  repeated int32 digest_functions = 1;
  int64 max_batch_total_size_bytes = 4;
}

message ExecutionCapabilities {
  int32 digest_function = 1;
  bool exec_enabled = 2;
}

message ServerCapabilities {
  CacheCapabilities cache_capabilities = 1;
  ExecutionCapabilities execution_capabilities = 2;
  SemVer deprecated_api_version = 3;
  SemVer low_api_version = 4;
  SemVer high_api_version = 5;
}

message ToolDetails {
  string tool_name = 1;
  string tool_version = 2;
}

message RequestMetadata {
  ToolDetails tool_details = 1;
  string action_id = 2;
  string tool_invocation_id = 3;
  string correlated_invocations_id = 4;
  string action_mnemonic = 5;
  string target_id = 6;
}

message ReadRequest {
  string resource_name = 1;
  int64 read_offset = 2;
  int64 read_limit = 3;
}

message ReadResponse {
  bytes data = 10;
}

message WriteRequest {
  string resource_name = 1;
  int64 write_offset = 2;
  bool finish_write = 3;
  bytes data = 10;
}

message WriteResponse {
  int64 committed_size = 1;
}
`;

const root = protobuf.parse(SCHEMA, { keepCase: true }).root;

/** A message type of the schema, by its short name. */
export function messageType(name: string): protobuf.Type {
  return root.lookupType(`build.bazel.remote.execution.v2.${name}`);
}

/** Encodes a plain object as the message `name`. */
export function encode(name: string, message: object): Buffer {
  const type = messageType(name);
  return Buffer.from(type.encode(type.fromObject(message)).finish());
}

/** Decodes the message `name` into a plain object; int64 as numbers. */
export function decode<T>(name: string, bytes: Uint8Array): T {
  const type = messageType(name);
  return type.toObject(type.decode(bytes), {
    longs: Number,
    defaults: true,
    arrays: true,
  }) as T;
}

/**
 * A `Tree`'s directories as the bytes they were sent as: the digest of a
 * child is that of its bytes, which a decode and encode could change.
 */
export function treeDirectories(bytes: Uint8Array): {
  root: Uint8Array;
  children: Uint8Array[];
} {
  const reader = protobuf.Reader.create(bytes);
  let root: Uint8Array = new Uint8Array();
  const children: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 1 && (tag & 7) === 2) root = reader.bytes();
    else if (field === 2 && (tag & 7) === 2) children.push(reader.bytes());
    else reader.skipType(tag & 7);
  }
  return { root, children };
}

export interface Digest {
  readonly hash: string;
  readonly size_bytes: number;
}

/** The SHA-256 digest of some bytes, the only digest function amake uses. */
export function digestOf(bytes: Uint8Array): Digest {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return { hash, size_bytes: bytes.length };
}

/** A digest as one word, for maps and resource names: `hash/size`. */
export function digestKey(digest: Digest): string {
  return `${digest.hash}/${digest.size_bytes}`;
}

/** REAPI's value for SHA-256 in `DigestFunction.Value`. */
export const SHA256 = 1;

export interface FileNodeMessage {
  name: string;
  digest: Digest;
  is_executable?: boolean;
}

export interface DirectoryMessage {
  files: FileNodeMessage[];
  directories: { name: string; digest: Digest }[];
  symlinks: { name: string; target: string }[];
}

export interface StatusMessage {
  code: number;
  message: string;
}

export interface ActionResultMessage {
  output_files: {
    path: string;
    digest: Digest;
    is_executable: boolean;
  }[];
  output_directories: { path: string; tree_digest: Digest | null }[];
  exit_code: number;
  stdout_raw: Uint8Array;
  stdout_digest: Digest | null;
  stderr_raw: Uint8Array;
  stderr_digest: Digest | null;
  execution_metadata: { worker: string } | null;
}

export interface ExecuteResponseMessage {
  result: ActionResultMessage | null;
  cached_result: boolean;
  status: StatusMessage | null;
  message: string;
}

export interface OperationMessage {
  name: string;
  done: boolean;
  error: StatusMessage | null;
  response: { type_url: string; value: Uint8Array } | null;
}

export interface ServerCapabilitiesMessage {
  cache_capabilities: {
    digest_functions: number[];
    max_batch_total_size_bytes: number;
  } | null;
  execution_capabilities: {
    digest_function: number;
    exec_enabled: boolean;
  } | null;
  low_api_version: { major: number; minor: number } | null;
  high_api_version: { major: number; minor: number } | null;
  deprecated_api_version: { major: number; minor: number } | null;
}
