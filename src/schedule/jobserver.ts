import { spawnSync } from 'node:child_process';
import {
  constants,
  fstatSync,
  openSync,
  readSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * GNU make's jobserver: a pipe holding one byte, a token, per job that may
 * run beyond the one every make may always run. A make takes a token
 * before it starts another job and puts it back when the job ends, so all
 * the makes of a recursive build together never run more jobs than `-j`.
 *
 * The make at the top creates the pipe and puts N-1 tokens in it. Sub-makes
 * find it through MAKEFLAGS: GNU make 4.3 names two inherited descriptors,
 * `--jobserver-auth=R,W`; GNU make 4.4 may name a FIFO instead,
 * `--jobserver-auth=fifo:PATH`. amake understands both, and serves the first
 * form by default, which every GNU make since 4.2 understands; with
 * `--jobserver-style=fifo` it serves a FIFO as GNU make 4.4 does.
 */
export interface Jobserver {
  /**
   * Takes a token if the pipe holds one, without waiting: the byte taken,
   * to be put back later, or null. Node.js cannot wait for a descriptor to
   * be readable, and a read blocked on its thread pool would keep amake
   * from exiting: the caller looks again later.
   */
  take(): number | null;
  /** Puts a token back. */
  give(token: number): void;
  /** The value of `--jobserver-auth` for sub-makes. */
  readonly auth: string;
  /**
   * Descriptors a recursive command inherits as its 3 and 4, for the
   * `R,W` form; empty for the FIFO form.
   */
  readonly childFds: readonly number[];
  /** Releases the pipe; a server removes its FIFO. */
  close(): void;
}

/** The token GNU make puts in the pipe. */
const TOKEN = '+'.charCodeAt(0);

/**
 * A jobserver carried over a FIFO: Node.js cannot create an anonymous pipe,
 * but a FIFO opened for reading and writing is one, and its descriptors
 * can be handed to sub-makes as the pipe's.
 */
class FifoJobserver implements Jobserver {
  private readonly buffer = Buffer.alloc(1);

  constructor(
    /** amake's own, not blocking: other makes' reads block as usual. */
    private readonly fd: number,
    private readonly writeFd: number,
    readonly auth: string,
    readonly childFds: readonly number[],
    private readonly fifoPath: string | null,
  ) {}

  take(): number | null {
    try {
      const count = readSync(this.fd, this.buffer, 0, 1, null);
      if (count === 1) return this.buffer[0]!;
      throw new Error('the jobserver pipe was closed');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EINTR') return null;
      throw error;
    }
  }

  give(token: number): void {
    writeSync(this.writeFd, Buffer.of(token));
  }

  close(): void {
    if (this.fifoPath === null) return;
    try {
      unlinkSync(this.fifoPath);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Creates the jobserver of a top-level make running `jobs` jobs at most.
 * `style` is `pipe` (descriptors, GNU 4.3) or `fifo` (a path, GNU 4.4).
 */
export function createJobserver(
  jobs: number,
  style: 'pipe' | 'fifo',
): Jobserver {
  const fifoPath = path.join(
    tmpdir(),
    `amake-jobserver-${process.pid}-${Date.now()}`,
  );
  const made = spawnSync('mkfifo', ['-m', '600', fifoPath]);
  if (made.status !== 0) {
    throw new Error(`cannot create the jobserver FIFO ${fifoPath}`);
  }
  // Opening a FIFO for reading and writing does not wait for a peer.
  const fd = openSync(fifoPath, constants.O_RDWR);
  const readFd = openSync(fifoPath, constants.O_RDONLY | constants.O_NONBLOCK);
  if (jobs > 1) writeSync(fd, Buffer.alloc(jobs - 1, TOKEN));
  if (style === 'fifo') {
    return new FifoJobserver(readFd, fd, `fifo:${fifoPath}`, [], fifoPath);
  }
  // The descriptors stay good without the name.
  unlinkSync(fifoPath);
  return new FifoJobserver(readFd, fd, '3,4', [fd, fd], null);
}

/** Why a parent's jobserver cannot be used. */
export class JobserverUnavailable extends Error {}

/**
 * Joins the jobserver a parent make named in `--jobserver-auth`. Throws
 * JobserverUnavailable when the descriptors are not open, as when the
 * parent did not mark the command as recursive.
 */
export function joinJobserver(auth: string): Jobserver {
  if (auth.startsWith('fifo:')) {
    const fifoPath = auth.slice('fifo:'.length);
    try {
      const fd = openSync(fifoPath, constants.O_RDWR);
      const readFd = openSync(
        fifoPath,
        constants.O_RDONLY | constants.O_NONBLOCK,
      );
      return new FifoJobserver(readFd, fd, auth, [], null);
    } catch {
      throw new JobserverUnavailable(`cannot open ${fifoPath}`);
    }
  }
  const match = /^(-?\d+),(-?\d+)$/.exec(auth);
  if (!match) {
    throw new Error(
      `internal error: invalid --jobserver-auth string '${auth}'`,
    );
  }
  const readFd = Number(match[1]);
  const writeFd = Number(match[2]);
  if (!isPipe(readFd) || !isPipe(writeFd)) {
    throw new JobserverUnavailable(`descriptors ${auth} are not open`);
  }
  // A description of its own, so that how amake reads the pipe changes
  // nothing for the other makes that share it.
  let fd: number;
  try {
    fd = openSync(
      `/proc/self/fd/${readFd}`,
      constants.O_RDONLY | constants.O_NONBLOCK,
    );
  } catch {
    throw new JobserverUnavailable(`cannot reopen descriptor ${readFd}`);
  }
  return new FifoJobserver(fd, writeFd, '3,4', [readFd, writeFd], null);
}

function isPipe(fd: number): boolean {
  if (fd < 0) return false;
  try {
    return fstatSync(fd).isFIFO();
  } catch {
    return false;
  }
}
