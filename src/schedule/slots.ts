import { loadavg } from 'node:os';
import { Jobserver } from './jobserver';

/** How often a make held back by `-l` looks at the load again, in ms. */
const LOAD_RECHECK_MS = 100;

/**
 * Decides when a job may start: at most `limit` at once (`-j`), each job
 * beyond the first holding a jobserver token when there is a jobserver,
 * and no new job while the load average is at `-l` or above, unless none
 * is running. Jobs are let in in the order they asked, which is the order
 * the traversal reached them: serially earlier jobs go first.
 */
export class JobSlots {
  private running = 0;
  /** Tokens held for the running jobs beyond the first one, and spares. */
  private readonly tokens: number[] = [];
  private readonly waiting: (() => void)[] = [];
  private taking = false;
  private loadTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly jobserver: Jobserver | null,
    private readonly maxLoad: number | null,
  ) {}

  /** Resolves when one more job may start. */
  acquire(): Promise<void> {
    if (this.waiting.length === 0 && this.mayStart()) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.admit();
    });
  }

  /** A job ended: its slot, and token, go to the next or back. */
  release(): void {
    this.running--;
    this.admit();
    this.returnSpareTokens();
  }

  /** Gives back every token held: for the end of the build. */
  close(): void {
    this.closed = true;
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.returnSpareTokens();
  }

  private mayStart(): boolean {
    if (this.closed) return false;
    if (this.running === 0) return true;
    if (this.running >= this.limit) return false;
    if (this.jobserver && this.tokens.length < this.running) return false;
    if (this.maxLoad !== null && loadavg()[0]! >= this.maxLoad) {
      this.recheckLoadLater();
      return false;
    }
    return true;
  }

  private admit(): void {
    while (this.waiting.length > 0 && this.mayStart()) {
      this.running++;
      this.waiting.shift()!();
    }
    if (this.waiting.length > 0) this.takeToken();
  }

  /** Reads one token from the jobserver when a waiting job needs one. */
  private takeToken(): void {
    if (!this.jobserver || this.taking || this.closed) return;
    if (this.running === 0 || this.running >= this.limit) return;
    if (this.tokens.length >= this.running) return;
    this.taking = true;
    this.jobserver.take().then(
      (token) => {
        this.taking = false;
        this.tokens.push(token);
        this.admit();
        this.returnSpareTokens();
      },
      () => {
        // A pipe that broke: carry on with the jobs that may run anyway.
        this.taking = false;
      },
    );
  }

  /** Tokens beyond what the running jobs need go back to the pipe. */
  private returnSpareTokens(): void {
    if (!this.jobserver) return;
    const needed = this.closed ? 0 : Math.max(0, this.running - 1);
    while (this.tokens.length > needed) {
      this.jobserver.give(this.tokens.pop()!);
    }
  }

  private recheckLoadLater(): void {
    if (this.loadTimer) return;
    this.loadTimer = setTimeout(() => {
      this.loadTimer = null;
      this.admit();
    }, LOAD_RECHECK_MS);
  }
}
