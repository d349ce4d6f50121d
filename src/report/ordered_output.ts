import { AsyncLocalStorage } from 'node:async_hooks';
import { HeldOutput } from './held_output';
import { Reporter, writeBytes, writeOutput } from './reporter';

/**
 * Output in serial order while jobs run in parallel.
 *
 * The traversal of the goals is a tree: a file's messages and its recipe's
 * output come after those of its prerequisites, in the order `make -j1`
 * visits them. Each visit writes into a Segment, a place in that tree. A
 * cursor walks the tree in order and prints what it passes; it stops at
 * the first segment that is still open and has nothing more to print. So
 * the output of the job the cursor is in streams out as it comes, and what
 * a serially later job writes is held only until everything before it has
 * been printed.
 */

/** Which standard stream a piece of output belongs to. */
export type Stream = 'out' | 'err';

/** Where the ordered output is finally written. */
export interface OutputSink {
  write(stream: Stream, data: string | Uint8Array): void;
}

interface Piece {
  readonly stream: Stream;
  /** What to print, or what prints it, when the cursor gets there. */
  readonly data: string | Uint8Array | (() => string);
}

/** A place in the serial order that output can be written to. */
export class Segment {
  /** Output and child segments, in order; printed ones are dropped. */
  private parts: (Piece | Segment)[] = [];
  /** The index of the first part the cursor has not passed. */
  private next = 0;
  private closed = false;
  /** The cursor has printed all of it and moved on. */
  private passed = false;

  /** Its children so far: the next one's place among them. */
  private children = 0;

  constructor(
    private readonly output: OrderedOutput,
    /** The segment it is in, and its place there, for `precedes`. */
    private readonly parent: Segment | null = null,
    private readonly place = 0,
  ) {}

  /** Whether this segment comes before `other` in the serial order. */
  precedes(other: Segment): boolean {
    const mine = this.path();
    const theirs = other.path();
    for (let i = 0; i < mine.length && i < theirs.length; i++) {
      if (mine[i] !== theirs[i]) return mine[i]! < theirs[i]!;
    }
    // One holds the other: a visit's own job comes after the visits of
    // its prerequisites, which it holds.
    return mine.length > theirs.length;
  }

  /** The places of it and its ancestors, from the root down. */
  private path(): number[] {
    if (!this.parent) return [];
    const places = [this.place];
    for (let s = this.parent; s.parent; s = s.parent) places.push(s.place);
    return places.reverse();
  }

  write(stream: Stream, data: string | Uint8Array): void {
    if (data.length === 0) return;
    // Late output, after the cursor passed this place, is not lost.
    if (this.passed) {
      this.output.writeNow(stream, data);
      return;
    }
    this.parts.push({ stream, data });
    this.output.drain();
  }

  /**
   * Text decided only when the cursor gets here: what is true then, after
   * everything serially earlier has been printed.
   */
  writeLater(stream: Stream, produce: () => string): void {
    if (this.passed) {
      this.output.writeNow(stream, produce());
      return;
    }
    this.parts.push({ stream, data: produce });
    this.output.drain();
  }

  /** A new segment after everything written here so far. */
  child(): Segment {
    const segment = new Segment(this.output, this, this.children++);
    this.parts.push(segment);
    return segment;
  }

  /** Nothing more will be written here: the cursor may move past it. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.output.drain();
  }

  /** Closes this segment and every one inside it: the run is over. */
  closeAll(): void {
    for (const part of this.parts) {
      if (part instanceof Segment) part.closeAll();
    }
    this.closed = true;
  }

  /**
   * Prints what the cursor can reach in this segment; true when the
   * segment is done with.
   */
  drainInto(sink: OutputSink, stack: Segment[]): boolean {
    while (this.next < this.parts.length) {
      const part = this.parts[this.next]!;
      if (part instanceof Segment) {
        stack.push(part);
        return false;
      }
      this.parts[this.next++] = EMPTY;
      const data = typeof part.data === 'function' ? part.data() : part.data;
      if (data.length > 0) sink.write(part.stream, data);
    }
    if (!this.closed) return false;
    this.parts = [];
    this.passed = true;
    return true;
  }

  /** The cursor left the child segment at `next`: step past it. */
  stepPastChild(): void {
    this.parts[this.next++] = EMPTY;
  }
}

const EMPTY: Piece = { stream: 'out', data: '' };

/** The tree of segments and its cursor. */
export class OrderedOutput {
  readonly root: Segment;
  /** The segments the cursor is in, outermost first. */
  private readonly stack: Segment[];
  private draining = false;

  constructor(private readonly sink: OutputSink) {
    this.root = new Segment(this);
    this.stack = [this.root];
  }

  /** Prints everything held, whatever is still open: the run is over. */
  finish(): void {
    this.root.closeAll();
    this.drain();
  }

  writeNow(stream: Stream, data: string | Uint8Array): void {
    this.sink.write(stream, data);
  }

  /** Prints everything that is next in order and already written. */
  drain(): void {
    // A sink that writes through amake's reporter may come back here.
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.stack.length > 0) {
        const top = this.stack[this.stack.length - 1]!;
        const depth = this.stack.length;
        const done = top.drainInto(this.sink, this.stack);
        if (this.stack.length > depth) continue; // entered a child
        if (!done) return;
        this.stack.pop();
        this.stack[this.stack.length - 1]?.stepPastChild();
      }
    } finally {
      this.draining = false;
    }
  }
}

/**
 * A Reporter that writes into the segment of the visit being worked on:
 * the one `within` set for the asynchronous code that runs in it, or the
 * root. What it writes comes out, through `inner`, in serial order.
 */
export class OrderedReporter implements Reporter {
  readonly output: OrderedOutput;
  private readonly current = new AsyncLocalStorage<Segment>();
  /** Until a parallel build starts, output passes straight through. */
  private active = false;
  /** Output held while the makefiles are read, under `-Oline`, `-Otarget`. */
  private held: HeldOutput | null = null;

  constructor(private readonly inner: Reporter) {
    this.output = new OrderedOutput({
      write: (stream, data) => writeOutput(inner, stream, data),
    });
  }

  /** From now on, output is put in serial order. */
  activate(): void {
    this.active = true;
  }

  /**
   * From now until `release`, output is held, to go out in one piece:
   * GNU's `-Oline` and `-Otarget` so print what is said while the
   * makefiles are read, `$(info)` and `$(shell)` errors among it.
   */
  hold(): void {
    this.held ??= new HeldOutput();
  }

  /** Output is held, until `release`. */
  get holding(): boolean {
    return this.held !== null;
  }

  /** Prints what was held, between `lines` if given. */
  release(lines?: { readonly entering: string; readonly leaving: string }) {
    const held = this.held;
    this.held = null;
    held?.writeTo(this.inner, lines);
  }

  /** Prints everything held: the run is over. */
  finish(): void {
    this.output.finish();
    this.inner.flush?.();
  }

  /** The segment output goes to now. */
  segment(): Segment {
    return this.current.getStore() ?? this.output.root;
  }

  /** Runs `body` with its output, and that of what it starts, in `segment`. */
  within<T>(segment: Segment, body: () => T): T {
    return this.current.run(segment, body);
  }

  out(text: string): void {
    if (this.held) this.held.out(text);
    else if (this.active) this.segment().write('out', text);
    else this.inner.out(text);
  }

  err(text: string): void {
    if (this.held) this.held.err(text);
    else if (this.active) this.segment().write('err', text);
    else this.inner.err(text);
  }

  bytes(stream: 'out' | 'err', data: Uint8Array): void {
    if (this.held) this.held.bytes(stream, data);
    else if (this.active) this.segment().write(stream, data);
    else writeBytes(this.inner, stream, data);
  }

  startOutput(): void {
    if (this.held) return;
    if (this.active) this.startOutputIn(this.segment());
    else this.inner.startOutput?.();
  }

  /** A Reporter that writes into `segment`, wherever it is called from. */
  reporterFor(segment: Segment): Reporter {
    return {
      out: (text) => segment.write('out', text),
      err: (text) => segment.write('err', text),
      bytes: (stream, data) => segment.write(stream, data),
      startOutput: () => this.startOutputIn(segment),
    };
  }

  /**
   * A process starts that may write: when the cursor gets there, amake
   * says what it says before output (`Entering directory`).
   */
  private startOutputIn(segment: Segment): void {
    segment.writeLater('out', () => {
      this.inner.startOutput?.();
      return '';
    });
  }

  flush(): void {
    this.inner.flush?.();
  }
}
