import { Location } from '../parse/location';
import { MakeError } from '../report/errors';
import { Diagnostics } from '../report/reporter';

/** One open `if...` of a makefile. */
interface Conditional {
  /** 'taking': this branch is read; 'waiting': a later branch may be;
   * 'done': a branch was taken, the rest are skipped. */
  state: 'taking' | 'waiting' | 'done';
  seenElse: boolean;
  location: Location;
}

export type ConditionalKeyword =
  'ifdef' | 'ifndef' | 'ifeq' | 'ifneq' | 'else' | 'endif';

const keywords = new Set(['ifdef', 'ifndef', 'ifeq', 'ifneq', 'else', 'endif']);

export function isConditionalKeyword(word: string): boolean {
  return keywords.has(word);
}

/**
 * Tests a condition: the text after `ifdef` and friends. `expand` expands
 * makefile text; `isDefined` tells whether a variable has a non-empty raw
 * value. Returns null when the syntax is invalid.
 */
export type ConditionTester = (
  keyword: 'ifdef' | 'ifndef' | 'ifeq' | 'ifneq',
  argument: string,
) => { holds: boolean; extraText: boolean } | null;

/**
 * The stack of open conditionals of one makefile (or one `$(eval)`), with
 * GNU make's rules: whether lines are being skipped, `else if` chains, and
 * the errors for unbalanced directives.
 */
export class ConditionalStack {
  private readonly stack: Conditional[] = [];

  constructor(private readonly diagnostics: Diagnostics) {}

  /** True while lines are being skipped. */
  get ignoring(): boolean {
    return this.stack.some((conditional) => conditional.state !== 'taking');
  }

  get depth(): number {
    return this.stack.length;
  }

  /**
   * Handles a conditional directive. `rest` is the text after the keyword
   * with leading white space removed.
   */
  handle(
    keyword: ConditionalKeyword,
    rest: string,
    location: Location,
    test: ConditionTester,
  ): void {
    if (keyword === 'endif') {
      if (rest !== '') this.extraText(keyword, location);
      if (this.stack.length === 0) {
        throw new MakeError("extraneous 'endif'", location);
      }
      this.stack.pop();
      return;
    }
    if (keyword === 'else') {
      this.handleElse(rest, location, test);
      return;
    }
    this.open(keyword, rest, location, test);
  }

  /** At the end of a makefile: every `if` must have been closed. */
  finish(location: Location): void {
    if (this.stack.length > 0) {
      throw new MakeError("missing 'endif'", location);
    }
  }

  private open(
    keyword: 'ifdef' | 'ifndef' | 'ifeq' | 'ifneq',
    rest: string,
    location: Location,
    test: ConditionTester,
  ): void {
    // Inside a skipped branch, conditions are not even expanded.
    if (this.ignoring) {
      this.stack.push({ state: 'done', seenElse: false, location });
      return;
    }
    const result = test(keyword, rest);
    if (!result) throw new MakeError('invalid syntax in conditional', location);
    if (result.extraText) this.extraText(keyword, location);
    this.stack.push({
      state: result.holds ? 'taking' : 'waiting',
      seenElse: false,
      location,
    });
  }

  private handleElse(
    rest: string,
    location: Location,
    test: ConditionTester,
  ): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new MakeError("extraneous 'else'", location);
    if (top.seenElse) {
      throw new MakeError("only one 'else' per conditional", location);
    }
    const outerIgnoring = this.stack
      .slice(0, -1)
      .some((conditional) => conditional.state !== 'taking');
    const previous = top.state;
    top.state = previous === 'waiting' ? 'taking' : 'done';
    if (rest === '') {
      top.seenElse = true;
      return;
    }

    // `else ifeq ...`: the chained condition decides, if this branch could
    // still be taken.
    const word = /^\S+/.exec(rest)![0];
    const chained = rest.slice(word.length).replace(/^[ \t]+/, '');
    if (word === 'else' || word === 'endif' || !isConditionalKeyword(word)) {
      this.extraText('else', location);
      return;
    }
    if (top.state !== 'taking' || outerIgnoring) {
      top.state = 'done';
      return;
    }
    const result = test(word as 'ifdef', chained);
    if (!result) {
      this.extraText('else', location);
      return;
    }
    if (result.extraText) this.extraText(word, location);
    top.state = result.holds ? 'taking' : 'waiting';
  }

  private extraText(keyword: string, location: Location): void {
    this.diagnostics.warning(
      location,
      `extraneous text after '${keyword}' directive`,
    );
  }
}
