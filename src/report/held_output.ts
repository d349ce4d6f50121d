/**
 * Output held back, to be printed in one piece: GNU's `-O`, for a job's
 * output and for what is said while the makefiles are read.
 */
import { Reporter, writeOutput } from './reporter';

export class HeldOutput implements Reporter {
  private pieces: { stream: 'out' | 'err'; data: string | Uint8Array }[] = [];

  out(text: string): void {
    this.pieces.push({ stream: 'out', data: text });
  }

  err(text: string): void {
    this.pieces.push({ stream: 'err', data: text });
  }

  bytes(stream: 'out' | 'err', data: Uint8Array): void {
    this.pieces.push({ stream, data });
  }

  /** Prints what is held, between `lines` if given, and forgets it. */
  writeTo(
    reporter: Reporter,
    lines?: { readonly entering: string; readonly leaving: string },
  ): void {
    const pieces = this.pieces;
    if (pieces.length === 0) return;
    this.pieces = [];
    if (lines) reporter.out(lines.entering);
    for (const { stream, data } of pieces) writeOutput(reporter, stream, data);
    if (lines) reporter.out(lines.leaving);
    // Other makes write to the same streams: nothing waits in a buffer.
    reporter.flush?.();
  }
}
