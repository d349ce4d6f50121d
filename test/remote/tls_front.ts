// A TLS front for a plaintext gRPC server: it accepts TLS (HTTP/2 by
// ALPN) with a certificate made here by openssl, and passes the bytes on.
// Bazel's reference worker serves TLS only through netty-tcnative, which
// Debian does not ship for it, so amake's grpcs:// is tried through this.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';

/** A self-signed certificate and its key, as files. */
export interface Identity {
  readonly cert: string;
  readonly key: string;
}

/** Makes a self-signed certificate for `name`, valid for 127.0.0.1 too. */
export function makeIdentity(dir: string, name: string): Identity {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=DNS:${name},IP:127.0.0.1`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

export interface TlsFront {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens on a free loopback port with `server`'s identity and forwards
 * each connection to `backendPort`. With `clients`, a connection must
 * present that certificate (mutual TLS).
 */
export async function startTlsFront(
  backendPort: number,
  server: Identity,
  clients?: Identity,
): Promise<TlsFront> {
  const sockets = new Set<net.Socket>();
  const front = tls.createServer(
    {
      cert: fs.readFileSync(server.cert),
      key: fs.readFileSync(server.key),
      ALPNProtocols: ['h2'],
      ...(clients
        ? {
            ca: fs.readFileSync(clients.cert),
            requestCert: true,
            rejectUnauthorized: true,
          }
        : {}),
    },
    (client) => {
      const backend = net.connect(backendPort, '127.0.0.1');
      for (const socket of [client, backend]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          backend.destroy();
        });
      }
      client.pipe(backend);
      backend.pipe(client);
    },
  );
  // A handshake refused is the client's to report, not a failure here.
  front.on('tlsClientError', () => {});
  await new Promise<void>((resolve) =>
    front.listen(0, '127.0.0.1', () => resolve()),
  );
  return {
    port: (front.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        front.close(() => resolve());
      }),
  };
}

/** A scratch directory for certificates. */
export function certificateDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'amake-tls-'));
}
