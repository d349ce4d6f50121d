import { loadavg } from 'node:os';
import { Jobserver } from './jobserver';

/** The longest wait between two looks at an empty jobserver pipe, in ms. */
const MAX_POLL_MS = 16;

/** How often a make held back by `-l` looks at the load again, in ms. */
const LOAD_RECHECK_MS = 100;

/**
 * Decides when a job may start: at most `limit` at once (`-j`), each job
 * beyond the first holding a jobserver token when there is a jobserver,
 * and no new job while the load average is at `-l` or above, unless none
 * is running. Jobs that give their place in the serial order are let in
 * by it, serially earlier first, as GNU make's walk would start them;
 * others in the order they asked.
 */
export class JobSlots {
  private running = 0;
  /** Tokens held for the running jobs beyond the first one, and spares. */
  private readonly tokens: number[] = [];
  private readonly waiting: Waiting[] = [];
  /** Jobs that asked with free slots wait to be let in together. */
  private admitSoon: NodeJS.Immediate | null = null;
  /** A job that must run alone (`#pragma runlocal`) is running. */
  private alone = false;
  private pollTimer: NodeJS.Timeout | null = null;
  /** How long to wait before looking at an empty pipe again, in ms. */
  private pollDelay = 1;
  private loadTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly jobserver: Jobserver | null,
    private readonly maxLoad: number | null,
  ) {}

  /**
   * Resolves when one more job may start. A job `alone` starts once every
   * job before it has ended, and no other starts until it has.
   */
  acquire(alone = false, place?: Place): Promise<void> {
    if (place === undefined) {
      if (this.waiting.length === 0 && this.mayStart(alone)) {
        this.begin(alone);
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        this.waiting.push({ start: resolve, alone });
        this.admit();
      });
    }
    // Jobs that know their place in the serial order are let in by it.
    // Those that ask while slots are free wait for the others the same
    // turn of the event loop makes ready, as GNU make's walk would have
    // started the serially first of them.
    return new Promise((resolve) => {
      insertInOrder(this.waiting, { start: resolve, alone, place });
      if (this.admitSoon) return;
      if (this.waiting.length === 1 && this.mayStart(alone)) {
        this.admitSoon ??= setImmediate(() => {
          this.admitSoon = null;
          this.admit();
        });
      } else {
        this.admit();
      }
    });
  }

  /** A job ended: its slot, and token, go to the next or back. */
  release(): void {
    this.running--;
    this.alone = false;
    this.pollDelay = 1;
    this.admit();
    this.returnSpareTokens();
  }

  /** Gives back every token held: for the end of the build. */
  close(): void {
    this.closed = true;
    if (this.admitSoon) clearImmediate(this.admitSoon);
    if (this.loadTimer) clearTimeout(this.loadTimer);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.returnSpareTokens();
  }

  private begin(alone: boolean): void {
    this.running++;
    this.alone = alone;
  }

  private mayStart(alone: boolean): boolean {
    if (this.closed || this.alone) return false;
    if (this.running === 0) return true;
    if (alone) return false;
    if (this.running >= this.limit) return false;
    if (this.jobserver && this.tokens.length < this.running) return false;
    if (this.maxLoad !== null && loadavg()[0]! >= this.maxLoad) {
      this.recheckLoadLater();
      return false;
    }
    return true;
  }

  private admit(): void {
    for (;;) {
      while (this.waiting.length > 0 && this.mayStart(this.waiting[0]!.alone)) {
        const next = this.waiting.shift()!;
        this.begin(next.alone);
        next.start();
      }
      if (!this.needsToken()) break;
      const token = this.takeToken();
      if (token === null) break;
      this.tokens.push(token);
    }
    if (this.needsToken()) {
      this.lookAgainLater();
    } else if (this.pollTimer) {
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
      this.pollDelay = 1;
    }
  }

  /** A waiting job could start if the jobserver gave a token. */
  private needsToken(): boolean {
    if (!this.jobserver || this.closed || this.waiting.length === 0) {
      return false;
    }
    if (this.alone || this.waiting[0]!.alone) return false;
    return this.running > 0 && this.running < this.limit;
  }

  private takeToken(): number | null {
    try {
      return this.jobserver!.take();
    } catch {
      // A pipe that broke: carry on with the jobs that may run anyway.
      return null;
    }
  }

  /**
   * The pipe is empty: other makes hold the tokens. Look again soon, then
   * less often; a job of this make that ends frees a slot at once anyway.
   */
  private lookAgainLater(): void {
    if (this.pollTimer) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.pollDelay = Math.min(this.pollDelay * 2, MAX_POLL_MS);
      this.admit();
    }, this.pollDelay);
    this.pollTimer.unref();
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

/** A position in the serial order: a job's output segment. */
export interface Place {
  precedes(other: Place): boolean;
}

interface Waiting {
  start: () => void;
  alone: boolean;
  place?: Place;
}

/**
 * Puts `job` after every waiting job it does not precede: most come in
 * serial order, and go last at once.
 */
function insertInOrder(waiting: Waiting[], job: Waiting): void {
  let index = waiting.length;
  while (index > 0) {
    const before = waiting[index - 1]!.place;
    if (!before || !job.place!.precedes(before)) break;
    index--;
  }
  waiting.splice(index, 0, job);
}
