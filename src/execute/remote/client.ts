/**
 * A REAPI v2 client over gRPC: one channel to the server, a call per
 * method amake uses. Messages are encoded with the schema of reapi.ts;
 * every call carries the request metadata servers require and the user's
 * headers.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import {
  ActionResultMessage,
  DirectoryMessage,
  Digest,
  OperationMessage,
  ServerCapabilitiesMessage,
  StatusMessage,
  decode,
  encode,
} from './reapi';

const V2 = 'build.bazel.remote.execution.v2';

/** Where the server is and how to talk to it: the `--remote-*` options. */
export interface RemoteSettings {
  /** `grpc://HOST:PORT` or `grpcs://HOST:PORT`. */
  readonly address: string;
  readonly instanceName: string;
  /** `--remote-header=NAME=VALUE`, sent with every call. */
  readonly headers: readonly (readonly [string, string])[];
  readonly tlsCa?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

/** An error of a call, with its gRPC status code. */
export class RemoteCallError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  /** The server or the network may do better on a second try. */
  get transient(): boolean {
    return [
      grpc.status.UNAVAILABLE,
      grpc.status.DEADLINE_EXCEEDED,
      grpc.status.ABORTED,
      grpc.status.INTERNAL,
      grpc.status.RESOURCE_EXHAUSTED,
      grpc.status.UNKNOWN,
      grpc.status.CANCELLED,
    ].includes(this.code);
  }
}

function callError(error: grpc.ServiceError): RemoteCallError {
  const name = grpc.status[error.code] ?? String(error.code);
  // grpc-js ends a failed connection's details with an empty resolution
  // note, and OpenSSL's errors span lines: one line, without the note.
  const details = error.details
    .replace(/\s*Resolution note:\s*\.?\s*$/, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\s.]+$/, '');
  return new RemoteCallError(error.code, `${name}: ${details}`);
}

/** A `google.rpc.Status` that is not OK, as an error. */
export function statusError(status: StatusMessage): RemoteCallError {
  const name = grpc.status[status.code] ?? String(status.code);
  return new RemoteCallError(status.code, `${name}: ${status.message}`);
}

const identity = (bytes: Buffer): Buffer => bytes;

/** The `grpc://` address as grpc-js wants it, with the credentials. */
function channelOf(settings: RemoteSettings): {
  target: string;
  credentials: grpc.ChannelCredentials;
} {
  const match = /^(grpcs?):\/\/([^/]+)\/?$/.exec(settings.address);
  if (!match) {
    throw new Error(
      `'${settings.address}' is not a remote executor address: write grpc://HOST:PORT or grpcs://HOST:PORT`,
    );
  }
  const read = (file: string | undefined, option: string) => {
    if (file === undefined) return null;
    try {
      return readFileSync(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new Error(`cannot read ${option} '${file}' (${reason})`);
    }
  };
  if ((settings.tlsCert === undefined) !== (settings.tlsKey === undefined)) {
    throw new Error(
      'a client certificate needs both --remote-tls-cert and --remote-tls-key',
    );
  }
  if (match[1] === 'grpc' && (settings.tlsCa ?? settings.tlsCert)) {
    throw new Error(
      `the --remote-tls-* options need a grpcs:// address, not '${settings.address}'`,
    );
  }
  const credentials =
    match[1] === 'grpcs'
      ? grpc.credentials.createSsl(
          read(settings.tlsCa, '--remote-tls-ca'),
          read(settings.tlsKey, '--remote-tls-key'),
          read(settings.tlsCert, '--remote-tls-cert'),
        )
      : grpc.credentials.createInsecure();
  return { target: match[2]!, credentials };
}

export class RemoteClient {
  private readonly client: grpc.Client;
  private readonly invocation = randomUUID();
  /** The calls under way, to cancel when amake is interrupted. */
  private readonly calls = new Set<grpc.Call>();

  constructor(
    private readonly settings: RemoteSettings,
    private readonly toolVersion: string,
  ) {
    const { target, credentials } = channelOf(settings);
    this.client = new grpc.Client(target, credentials, {
      // Outputs of one call can be large; the server bounds them itself.
      'grpc.max_receive_message_length': -1,
      'grpc.max_send_message_length': -1,
    });
  }

  get instanceName(): string {
    return this.settings.instanceName;
  }

  close(): void {
    this.client.close();
  }

  /** Cancels every call under way: each fails with CANCELLED. */
  cancelAll(): void {
    for (const call of this.calls) call.cancel();
  }

  /** Keeps `call` among those under way until it ends. */
  private track<T extends grpc.Call>(call: T): T {
    this.calls.add(call);
    call.on('status', () => this.calls.delete(call));
    return call;
  }

  /** The metadata of a call made for `target` (empty: for no one job). */
  private metadata(target = ''): grpc.Metadata {
    const metadata = new grpc.Metadata();
    metadata.set(
      `${V2}.requestmetadata-bin`,
      encode('RequestMetadata', {
        tool_details: { tool_name: 'amake', tool_version: this.toolVersion },
        tool_invocation_id: this.invocation,
        target_id: target,
      }),
    );
    for (const [name, value] of this.settings.headers) {
      metadata.add(name, value);
    }
    return metadata;
  }

  private unary<T>(
    method: string,
    requestType: string,
    request: object,
    responseType: string,
    options: { deadlineSeconds?: number; target?: string } = {},
  ): Promise<T> {
    const callOptions: grpc.CallOptions = {};
    if (options.deadlineSeconds !== undefined) {
      callOptions.deadline = Date.now() + options.deadlineSeconds * 1000;
    }
    return new Promise((resolve, reject) => {
      const call = this.client.makeUnaryRequest(
        method,
        identity,
        identity,
        encode(requestType, request),
        this.metadata(options.target),
        callOptions,
        (error, response) => {
          if (error) reject(callError(error));
          else resolve(decode<T>(responseType, response!));
        },
      );
      this.track(call);
    });
  }

  getCapabilities(deadlineSeconds: number): Promise<ServerCapabilitiesMessage> {
    return this.unary(
      `/${V2}.Capabilities/GetCapabilities`,
      'GetCapabilitiesRequest',
      { instance_name: this.instanceName },
      'ServerCapabilities',
      { deadlineSeconds },
    );
  }

  async findMissingBlobs(digests: readonly Digest[]): Promise<Digest[]> {
    const response = await this.unary<{ missing_blob_digests: Digest[] }>(
      `/${V2}.ContentAddressableStorage/FindMissingBlobs`,
      'FindMissingBlobsRequest',
      { instance_name: this.instanceName, blob_digests: digests },
      'FindMissingBlobsResponse',
    );
    return response.missing_blob_digests;
  }

  async batchUpdateBlobs(
    blobs: readonly { digest: Digest; data: Uint8Array }[],
  ): Promise<void> {
    const response = await this.unary<{
      responses: { digest: Digest; status: StatusMessage | null }[];
    }>(
      `/${V2}.ContentAddressableStorage/BatchUpdateBlobs`,
      'BatchUpdateBlobsRequest',
      { instance_name: this.instanceName, requests: blobs },
      'BatchUpdateBlobsResponse',
    );
    for (const each of response.responses) {
      if (each.status && each.status.code !== 0) {
        throw statusError(each.status);
      }
    }
  }

  async batchReadBlobs(
    digests: readonly Digest[],
  ): Promise<Map<string, Uint8Array>> {
    const response = await this.unary<{
      responses: {
        digest: Digest;
        data: Uint8Array;
        status: StatusMessage | null;
      }[];
    }>(
      `/${V2}.ContentAddressableStorage/BatchReadBlobs`,
      'BatchReadBlobsRequest',
      { instance_name: this.instanceName, digests },
      'BatchReadBlobsResponse',
    );
    const blobs = new Map<string, Uint8Array>();
    for (const each of response.responses) {
      if (each.status && each.status.code !== 0) {
        throw statusError(each.status);
      }
      blobs.set(each.digest.hash, each.data);
    }
    return blobs;
  }

  /** The resource name of a blob, for ByteStream. */
  private blobResource(digest: Digest, upload: boolean): string {
    const prefix = this.instanceName ? `${this.instanceName}/` : '';
    const uploads = upload ? `uploads/${randomUUID()}/` : '';
    return `${prefix}${uploads}blobs/${digest.hash}/${digest.size_bytes}`;
  }

  /** Writes a large blob through ByteStream, in chunks. */
  writeBlob(digest: Digest, data: Uint8Array): Promise<void> {
    const chunkSize = 1 << 20;
    const resource = this.blobResource(digest, true);
    return new Promise((resolve, reject) => {
      const call = this.track(
        this.client.makeClientStreamRequest(
          '/google.bytestream.ByteStream/Write',
          identity,
          identity,
          this.metadata(),
          {},
          (error) => (error ? reject(callError(error)) : resolve()),
        ),
      );
      for (let offset = 0; offset === 0 || offset < data.length;) {
        const end = Math.min(offset + chunkSize, data.length);
        call.write(
          encode('WriteRequest', {
            resource_name: offset === 0 ? resource : '',
            write_offset: offset,
            finish_write: end === data.length,
            data: data.subarray(offset, end),
          }),
        );
        offset = end;
        if (data.length === 0) break;
      }
      call.end();
    });
  }

  /** Reads a blob through ByteStream. */
  readBlob(digest: Digest): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const call = this.track(
        this.client.makeServerStreamRequest(
          '/google.bytestream.ByteStream/Read',
          identity,
          identity,
          encode('ReadRequest', {
            resource_name: this.blobResource(digest, false),
          }),
          this.metadata(),
        ),
      );
      const chunks: Buffer[] = [];
      call.on('data', (bytes: Buffer) => {
        chunks.push(
          Buffer.from(decode<{ data: Uint8Array }>('ReadResponse', bytes).data),
        );
      });
      call.on('error', (error: grpc.ServiceError) => reject(callError(error)));
      call.on('end', () => resolve(Buffer.concat(chunks)));
    });
  }

  /** The cached result of an action, or null when there is none. */
  async getActionResult(
    actionDigest: Digest,
    target: string,
  ): Promise<ActionResultMessage | null> {
    try {
      return await this.unary<ActionResultMessage>(
        `/${V2}.ActionCache/GetActionResult`,
        'GetActionResultRequest',
        {
          instance_name: this.instanceName,
          action_digest: actionDigest,
          inline_stdout: true,
          inline_stderr: true,
        },
        'ActionResult',
        { target },
      );
    } catch (error) {
      if (
        error instanceof RemoteCallError &&
        error.code === grpc.status.NOT_FOUND
      ) {
        return null;
      }
      throw error;
    }
  }

  /**
   * Executes an action and waits for its operation to be done. The
   * server streams the operation's states; the last one holds the
   * response.
   */
  /**
   * Runs an action; with `deadlineSeconds`, the call fails with
   * DEADLINE_EXCEEDED when it has taken that long.
   */
  execute(
    actionDigest: Digest,
    skipCacheLookup: boolean,
    target: string,
    deadlineSeconds?: number,
  ): Promise<OperationMessage> {
    const options: grpc.CallOptions = {};
    if (deadlineSeconds !== undefined) {
      options.deadline = Date.now() + deadlineSeconds * 1000;
    }
    return new Promise((resolve, reject) => {
      const call = this.track(
        this.client.makeServerStreamRequest(
          `/${V2}.Execution/Execute`,
          identity,
          identity,
          encode('ExecuteRequest', {
            instance_name: this.instanceName,
            skip_cache_lookup: skipCacheLookup,
            action_digest: actionDigest,
          }),
          this.metadata(target),
          options,
        ),
      );
      let last: OperationMessage | null = null;
      call.on('data', (bytes: Buffer) => {
        last = decode<OperationMessage>('Operation', bytes);
      });
      call.on('error', (error: grpc.ServiceError) => reject(callError(error)));
      call.on('end', () => {
        const operation = last as OperationMessage | null;
        if (operation?.done) resolve(operation);
        else {
          reject(
            new RemoteCallError(
              grpc.status.UNAVAILABLE,
              'UNAVAILABLE: the execution stream ended before the action was done',
            ),
          );
        }
      });
    });
  }
}

/** The `Directory` messages of a `Tree`, by the hash of each. */
export type DirectoryIndex = Map<string, DirectoryMessage>;
