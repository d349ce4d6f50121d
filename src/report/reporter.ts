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
  /** Output that amake does not write itself (a job's) is about to start. */
  startOutput?(): void;
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

  /** Someone else (the make that restarted this one) made it already. */
  markAnnounced(): void {
    this.pending = null;
    this.announced = true;
  }

  startOutput(): void {
    if (this.pending === null) return;
    const text = this.pending;
    this.pending = null;
    this.announced = true;
    this.inner.out(text);
  }

  out(text: string): void {
    this.startOutput();
    this.inner.out(text);
  }

  err(text: string): void {
    this.startOutput();
    this.inner.err(text);
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

/** Writes straight to the process's standard streams, synchronously. */
export class ConsoleReporter implements Reporter {
  out(text: string): void {
    writeAll(1, text);
  }
  err(text: string): void {
    writeAll(2, text);
  }
}

import { writeSync } from 'node:fs';

function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text);
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw error;
    }
  }
}
