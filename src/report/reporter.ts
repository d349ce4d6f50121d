import { Location, formatLocation } from '../parse/location';

/**
 * Where the core sends what a user must see while a makefile is read and
 * built. Core code never prints; it calls a Reporter, and the command line
 * chooses the implementation.
 */
export interface Reporter {
  /** Normal output, as `$(info)` and command echoing write it (stdout). */
  out(text: string): void;
  /** Diagnostics (stderr). */
  err(text: string): void;
  /** What a job wrote, as it wrote it: bytes that need not be text. */
  bytes?(stream: 'out' | 'err', data: Uint8Array): void;
  /** Output that amake does not write itself (a job's) is about to start. */
  startOutput?(): void;
  /**
   * Writes out what is held back: another process that shares the streams
   * (`$(shell)`, a restarted amake) is about to start, or amake exits.
   */
  flush?(): void;
}

/**
 * Holds back `make: Entering directory` until something is output, as GNU
 * make does, so that a make with nothing to say says nothing.
 */
export class AnnouncingReporter implements Reporter {
  private pending: string | null = null;
  /** The announcement has been made. */
  announced = false;

  constructor(private readonly inner: Reporter) {}

  /** Sets the text to print before the first output. */
  announce(text: string): void {
    this.pending = text;
  }

  /** No announcement after all: output is enclosed piece by piece. */
  withdraw(): void {
    this.pending = null;
  }

  /** Someone else (the make that restarted this one) made it already. */
  markAnnounced(): void {
    this.pending = null;
    this.announced = true;
  }

  startOutput(): void {
    this.makeAnnouncement();
    this.flush();
  }

  flush(): void {
    this.inner.flush?.();
  }

  out(text: string): void {
    this.makeAnnouncement();
    this.inner.out(text);
  }

  err(text: string): void {
    this.makeAnnouncement();
    this.inner.err(text);
  }

  bytes(stream: 'out' | 'err', data: Uint8Array): void {
    this.makeAnnouncement();
    writeBytes(this.inner, stream, data);
  }

  private makeAnnouncement(): void {
    if (this.pending === null) return;
    const text = this.pending;
    this.pending = null;
    this.announced = true;
    this.inner.out(text);
  }
}

/**
 * Formats diagnostics in GNU make's words. `program` is the name the program
 * was invoked by, with `[LEVEL]` added in sub-makes, as in `make[1]`.
 */
export class Diagnostics {
  constructor(
    readonly reporter: Reporter,
    readonly program: string,
  ) {}

  /** `Makefile:3: text` or `make: text` on stderr. */
  warning(location: Location | null, text: string): void {
    this.reporter.err(`${this.prefix(location)}: ${text}\n`);
  }

  /** `Makefile:3: *** text.` or `make: *** text.` on stderr. */
  error(location: Location | null, text: string): void {
    this.reporter.err(`${this.prefix(location)}: *** ${text}\n`);
  }

  /** The fatal form: `Makefile:3: *** text.  Stop.` */
  fatal(location: Location | null, text: string): void {
    this.reporter.err(`${this.prefix(location)}: *** ${text}.  Stop.\n`);
  }

  prefix(location: Location | null): string {
    return location ? formatLocation(location) : this.program;
  }
}

/**
 * Writes to the process's standard streams, synchronously. Unless it is a
 * terminal, standard output is held back and written in large pieces: a
 * write per line costs more than reading a large makefile does. It is
 * written before anything goes to standard error, before another process
 * writes to the streams and at exit, so the order of all output stays.
 */
export class ConsoleReporter implements Reporter {
  private held: string[] = [];
  private heldLength = 0;
  private readonly holds = !isatty(1);

  out(text: string): void {
    if (!this.holds) {
      writeAll(1, text);
      return;
    }
    this.held.push(text);
    this.heldLength += text.length;
    if (this.heldLength >= 1 << 16) this.flush();
  }

  err(text: string): void {
    this.flush();
    writeAll(2, text);
  }

  startOutput(): void {
    this.flush();
  }

  bytes(stream: 'out' | 'err', data: Uint8Array): void {
    this.flush();
    writeAll(stream === 'out' ? 1 : 2, data);
  }

  flush(): void {
    if (this.held.length === 0) return;
    const text = this.held.join('');
    this.held = [];
    this.heldLength = 0;
    writeAll(1, text);
  }
}

import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** Writes text or bytes to a reporter's standard output or error. */
export function writeOutput(
  reporter: Reporter,
  stream: 'out' | 'err',
  data: string | Uint8Array,
): void {
  if (typeof data !== 'string') writeBytes(reporter, stream, data);
  else if (stream === 'out') reporter.out(data);
  else reporter.err(data);
}

/** Writes bytes through a reporter, as text if it takes no bytes. */
export function writeBytes(
  reporter: Reporter,
  stream: 'out' | 'err',
  data: Uint8Array,
): void {
  if (reporter.bytes) {
    reporter.bytes(stream, data);
  } else if (stream === 'out') {
    reporter.out(Buffer.from(data).toString());
  } else {
    reporter.err(Buffer.from(data).toString());
  }
}

/**
 * The standard streams amake could not write to (a full disk, a closed
 * pipe). What would have gone there is dropped; at exit amake says so,
 * as GNU make does: `make: write error: stdout`.
 */
export const failedStreams = new Set<1 | 2>();

function writeAll(fd: 1 | 2, text: string | Uint8Array): void {
  if (failedStreams.has(fd)) return;
  const buffer = typeof text === 'string' ? Buffer.from(text) : text;
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      failedStreams.add(fd);
      // No one reads any more (`amake | head`): GNU make dies of SIGPIPE
      // there, silently, and so does amake, with the status it would have.
      if (code === 'EPIPE') process.exit(128 + 13);
      return;
    }
  }
}
