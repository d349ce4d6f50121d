import { Reporter } from './reporter';

/** What the build tells of its jobs, for a progress display. */
export interface BuildProgress {
  /** A job will run: it counts in the total from now. */
  jobQueued(target: string): void;
  jobStarted(target: string): void;
  jobFinished(target: string, failure: FailedJob | null): void;
}

/** A job that failed, for the block printed about it. */
export interface FailedJob {
  readonly command: string;
  readonly where: string;
  /** Everything the job wrote, when amake read it. */
  readonly output: string;
}

/**
 * A ninja-style line on a terminal, `[done/total] target`, redrawn in
 * place while jobs run. Everything else written to the terminal goes
 * through it: it takes the line away, writes, and draws it again. A job
 * that fails gets a block of its own: its command and all its output.
 */
export class StatusLine implements Reporter, BuildProgress {
  /** Until it is turned on, it writes through and draws nothing. */
  enabled = false;
  private queued = 0;
  private finished = 0;
  private readonly running: string[] = [];
  private shown = false;

  constructor(
    private readonly inner: Reporter,
    private readonly write: (text: string) => void,
    private readonly columns: () => number,
  ) {}

  jobQueued(): void {
    this.queued++;
  }

  jobStarted(target: string): void {
    this.running.push(target);
    this.draw();
  }

  jobFinished(target: string, failure: FailedJob | null): void {
    this.finished++;
    const index = this.running.indexOf(target);
    if (index >= 0) this.running.splice(index, 1);
    if (failure && this.enabled) {
      this.clear();
      const output = failure.output.replace(/\n?$/, '\n');
      this.write(
        `\x1b[1;31mFAILED:\x1b[0m ${target} (${failure.where})\n` +
          `${failure.command}\n` +
          (failure.output === '' ? '' : output),
      );
    }
    this.draw();
  }

  /** Takes the line away for good: the build is over. */
  end(): void {
    this.clear();
  }

  out(text: string): void {
    this.around(() => this.inner.out(text));
  }

  err(text: string): void {
    this.around(() => this.inner.err(text));
  }

  bytes(stream: 'out' | 'err', data: Uint8Array): void {
    this.around(() => {
      if (this.inner.bytes) this.inner.bytes(stream, data);
      else this.inner[stream](Buffer.from(data).toString());
    });
  }

  startOutput(): void {
    this.around(() => this.inner.startOutput?.());
  }

  flush(): void {
    this.inner.flush?.();
  }

  private around(write: () => void): void {
    // With no line to draw again, what is written may stay held back
    // with the rest: a write per line costs much on a large build.
    if (!this.enabled) {
      write();
      return;
    }
    this.clear();
    write();
    this.inner.flush?.();
    this.draw();
  }

  private draw(): void {
    if (!this.enabled) return;
    const target = this.running[this.running.length - 1];
    if (target === undefined) {
      this.clear();
      return;
    }
    const total = Math.max(this.queued, this.finished + this.running.length);
    const text = `[${this.finished}/${total}] ${target}`;
    const width = Math.max(this.columns() - 1, 10);
    this.write(`\r${text.slice(0, width)}\x1b[K`);
    this.shown = true;
  }

  private clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}
