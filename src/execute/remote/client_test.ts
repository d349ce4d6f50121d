// RemoteClient against a small gRPC server in this process, which records
// what each call carried: the request metadata servers require, the
// user's headers and the instance name, in messages and resource names.

import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { listenOnLoopback, rawMethod } from './fake_server';
import { RemoteCallError, RemoteClient } from './client';
import { decode, digestOf, encode } from './reapi';

const V2 = 'build.bazel.remote.execution.v2';
interface Seen {
  readonly method: string;
  readonly metadata: grpc.Metadata;
  readonly request: Buffer;
}

describe('RemoteClient', () => {
  const seen: Seen[] = [];
  const blob = Buffer.from('the content of a blob');
  const server = new grpc.Server();
  let client: RemoteClient;

  before(async () => {
    const record = (name: string, call: grpc.ServerUnaryCall<Buffer, Buffer>) =>
      seen.push({
        method: name,
        metadata: call.metadata,
        request: call.request,
      });
    server.addService(
      {
        GetCapabilities: rawMethod(`/${V2}.Capabilities/GetCapabilities`),
        GetActionResult: rawMethod(`/${V2}.ActionCache/GetActionResult`),
      },
      {
        GetCapabilities: (
          call: grpc.ServerUnaryCall<Buffer, Buffer>,
          callback: grpc.sendUnaryData<Buffer>,
        ) => {
          record('GetCapabilities', call);
          callback(
            null,
            encode('ServerCapabilities', {
              execution_capabilities: { exec_enabled: true },
            }),
          );
        },
        GetActionResult: (
          call: grpc.ServerUnaryCall<Buffer, Buffer>,
          callback: grpc.sendUnaryData<Buffer>,
        ) => {
          record('GetActionResult', call);
          callback({ code: grpc.status.NOT_FOUND, details: 'no such action' });
        },
      },
    );
    server.addService(
      { Read: rawMethod('/google.bytestream.ByteStream/Read', true) },
      {
        Read: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
          seen.push({
            method: 'Read',
            metadata: call.metadata,
            request: call.request,
          });
          call.write(encode('ReadResponse', { data: blob.subarray(0, 5) }));
          call.write(encode('ReadResponse', { data: blob.subarray(5) }));
          call.end();
        },
      },
    );
    const port = await listenOnLoopback(server);
    client = new RemoteClient(
      {
        address: `grpc://127.0.0.1:${port}`,
        instanceName: 'main/linux',
        headers: [
          ['authorization', 'Bearer sesame'],
          ['x-team', 'build'],
        ],
      },
      '1.2.3',
    );
  });

  after(() => {
    client.close();
    server.forceShutdown();
  });

  const last = () => seen[seen.length - 1]!;

  it('sends the request metadata, the headers and the instance name', async () => {
    const capabilities = await client.getCapabilities(10);
    assert.equal(capabilities.execution_capabilities?.exec_enabled, true);
    const call = last();
    assert.equal(call.method, 'GetCapabilities');
    assert.deepEqual(call.metadata.get('authorization'), ['Bearer sesame']);
    assert.deepEqual(call.metadata.get('x-team'), ['build']);
    const [bytes] = call.metadata.get(`${V2}.requestmetadata-bin`);
    const metadata = decode<{
      tool_details: { tool_name: string; tool_version: string };
      tool_invocation_id: string;
    }>('RequestMetadata', bytes as Buffer);
    assert.deepEqual(metadata.tool_details, {
      tool_name: 'amake',
      tool_version: '1.2.3',
    });
    assert.match(metadata.tool_invocation_id, /^[0-9a-f-]{36}$/);
    const request = decode<{ instance_name: string }>(
      'GetCapabilitiesRequest',
      call.request,
    );
    assert.equal(request.instance_name, 'main/linux');
  });

  it('names the job a call is for, and takes NOT_FOUND as no result', async () => {
    const action = digestOf(Buffer.from('an action'));
    assert.equal(await client.getActionResult(action, 'out/app.o'), null);
    const call = last();
    const [bytes] = call.metadata.get(`${V2}.requestmetadata-bin`);
    const metadata = decode<{ target_id: string }>(
      'RequestMetadata',
      bytes as Buffer,
    );
    assert.equal(metadata.target_id, 'out/app.o');
    const request = decode<{
      instance_name: string;
      action_digest: { hash: string };
    }>('GetActionResultRequest', call.request);
    assert.equal(request.instance_name, 'main/linux');
    assert.equal(request.action_digest.hash, action.hash);
  });

  it('reads a blob in pieces under the instance name', async () => {
    const digest = digestOf(blob);
    assert.deepEqual(await client.readBlob(digest), blob);
    const request = decode<{ resource_name: string }>(
      'ReadRequest',
      last().request,
    );
    assert.equal(
      request.resource_name,
      `main/linux/blobs/${digest.hash}/${digest.size_bytes}`,
    );
  });

  it('fails a call the server does not serve with its status', async () => {
    await assert.rejects(
      client.findMissingBlobs([digestOf(blob)]),
      (error: unknown) =>
        error instanceof RemoteCallError &&
        error.code === grpc.status.UNIMPLEMENTED &&
        /^UNIMPLEMENTED: /.test(error.message),
    );
  });
});
