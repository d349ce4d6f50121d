// The remote executor against a small REAPI server in this process, which
// keeps the blobs it is sent and records the action it is asked to run
// (then fails it): what the Command asks of the server depends on the
// API version the server reports, and carries the platform and the time
// limit. The real server (Bazel's reference worker, API 2.0) is in
// test/remote.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { listenOnLoopback, rawMethod } from './fake_server';
import { LocalExecutor } from '../local';
import { Job, JobListener } from '../job';
import { RemoteExecutor } from './executor';
import { Digest, decode, encode } from './reapi';

const V2 = 'build.bazel.remote.execution.v2';
interface CommandMessage {
  arguments: string[];
  output_files: string[];
  output_directories: string[];
  output_paths: string[];
  platform: { properties: { name: string; value: string }[] } | null;
}

/** A server of API 2.`minor` that keeps blobs and fails every action. */
async function startServer(minor: number): Promise<{
  address: string;
  commands: CommandMessage[];
  stop: () => void;
}> {
  const blobs = new Map<string, Buffer>();
  const commands: CommandMessage[] = [];
  const server = new grpc.Server();
  type Unary = (
    call: grpc.ServerUnaryCall<Buffer, Buffer>,
    callback: grpc.sendUnaryData<Buffer>,
  ) => void;
  const unary = (reply: (request: Buffer) => Buffer): Unary => {
    return (call, callback) => callback(null, reply(call.request));
  };
  server.addService(
    {
      GetCapabilities: rawMethod(`/${V2}.Capabilities/GetCapabilities`),
      GetActionResult: rawMethod(`/${V2}.ActionCache/GetActionResult`),
      FindMissingBlobs: rawMethod(
        `/${V2}.ContentAddressableStorage/FindMissingBlobs`,
      ),
      BatchUpdateBlobs: rawMethod(
        `/${V2}.ContentAddressableStorage/BatchUpdateBlobs`,
      ),
      Execute: rawMethod(`/${V2}.Execution/Execute`, true),
    },
    {
      GetCapabilities: unary(() =>
        encode('ServerCapabilities', {
          cache_capabilities: { digest_functions: [1] },
          execution_capabilities: { digest_function: 1, exec_enabled: true },
          low_api_version: { major: 2, minor: 0 },
          high_api_version: { major: 2, minor },
        }),
      ),
      GetActionResult: ((_call, callback) =>
        callback({ code: grpc.status.NOT_FOUND, details: 'none' })) as Unary,
      FindMissingBlobs: unary((request) => {
        const { blob_digests } = decode<{ blob_digests: Digest[] }>(
          'FindMissingBlobsRequest',
          request,
        );
        const missing = blob_digests.filter((d) => !blobs.has(d.hash));
        return encode('FindMissingBlobsResponse', {
          missing_blob_digests: missing,
        });
      }),
      BatchUpdateBlobs: unary((request) => {
        const { requests } = decode<{
          requests: { digest: Digest; data: Uint8Array }[];
        }>('BatchUpdateBlobsRequest', request);
        for (const each of requests) {
          blobs.set(each.digest.hash, Buffer.from(each.data));
        }
        return encode('BatchUpdateBlobsResponse', {
          responses: requests.map((each) => ({ digest: each.digest })),
        });
      }),
      Execute: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
        const { action_digest } = decode<{ action_digest: Digest }>(
          'ExecuteRequest',
          call.request,
        );
        const action = decode<{ command_digest: Digest }>(
          'Action',
          blobs.get(action_digest.hash)!,
        );
        commands.push(
          decode<CommandMessage>(
            'Command',
            blobs.get(action.command_digest.hash)!,
          ),
        );
        call.emit('error', {
          code: grpc.status.FAILED_PRECONDITION,
          details: 'recorded, not run',
        });
      },
    },
  );
  const port = await listenOnLoopback(server);
  return {
    address: `grpc://127.0.0.1:${port}`,
    commands,
    stop: () => server.forceShutdown(),
  };
}

const quiet: JobListener = {
  commandStarting: () => {},
  commandCouldNotStart: () => {},
  commandFailedIgnored: () => {},
};

describe('the Command the remote executor sends', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'amake-executor-'));
  writeFileSync(join(workspace, 'Makefile'), 'out: ; touch $@\n');
  after(() => rmSync(workspace, { recursive: true, force: true }));

  const job: Job = {
    target: 'out',
    commands: [
      {
        text: 'touch out',
        silent: false,
        ignoreErrors: false,
        run: true,
        where: 'Makefile:1',
      },
    ],
    shell: '/bin/sh',
    shellFlags: ['-c'],
    environment: {},
    directory: workspace,
    serial: 1,
    timeoutSeconds: 30,
  };

  async function commandFor(minor: number): Promise<CommandMessage> {
    const server = await startServer(minor);
    const executor = await RemoteExecutor.connect(
      {
        address: server.address,
        instanceName: '',
        headers: [],
        platform: [
          ['OSFamily', 'Linux'],
          ['container-image', 'docker://debian:12'],
        ],
        remoteJobs: null,
        noCache: false,
        fallback: false,
        inputs: [],
        environment: [],
        hostEnvironment: {},
      },
      new LocalExecutor(),
      workspace,
      'test',
    );
    try {
      const result = await executor.run(job, quiet);
      assert.equal(result.outcome.kind, 'failed');
    } finally {
      executor.close();
      server.stop();
    }
    assert.equal(server.commands.length, 1);
    return server.commands[0]!;
  }

  it('declares output files and directories to a server of API 2.0', async () => {
    const command = await commandFor(0);
    assert.deepEqual(command.output_files, ['.amake-out/bundle']);
    assert.deepEqual(command.output_directories, ['.amake-out/tree']);
    assert.deepEqual(command.output_paths, []);
  });

  it('declares output paths to a server of API 2.1', async () => {
    const command = await commandFor(1);
    assert.deepEqual(command.output_paths, [
      '.amake-out/bundle',
      '.amake-out/tree',
    ]);
    assert.deepEqual(command.output_files, []);
    assert.deepEqual(command.output_directories, []);
  });

  it('carries the platform, in order, and the time limit to the runner', async () => {
    const command = await commandFor(0);
    assert.deepEqual(command.platform?.properties, [
      { name: 'OSFamily', value: 'Linux' },
      { name: 'container-image', value: 'docker://debian:12' },
    ]);
    assert.deepEqual(command.arguments, [
      '.amake-runner/runner',
      '.amake-runner/job',
      '30',
    ]);
  });
});
