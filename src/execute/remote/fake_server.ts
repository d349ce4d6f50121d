/**
 * Pieces of the small gRPC servers the remote unit tests start in their
 * own process, to see what amake's client sends.
 */
import * as grpc from '@grpc/grpc-js';

const identity = (bytes: Buffer): Buffer => bytes;

/** A method of raw messages at `path`, one answer or a stream of them. */
export function rawMethod(
  path: string,
  responseStream = false,
): grpc.MethodDefinition<Buffer, Buffer> {
  return {
    path,
    requestStream: false,
    responseStream,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  };
}

/** Starts `server` on a free loopback port; the port. */
export function listenOnLoopback(server: grpc.Server): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      grpc.ServerCredentials.createInsecure(),
      (error, port) => (error ? reject(error) : resolve(port)),
    ),
  );
}
