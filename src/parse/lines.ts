import { Location } from './location';

/**
 * A logical line of a makefile: one physical line, or several joined by
 * backslash-newline. The joins stay in `text`; recipe lines keep them and
 * other lines collapse them (see collapseContinuations).
 */
export interface LogicalLine {
  readonly text: string;
  readonly location: Location;
  /** How many physical lines it spans. */
  readonly lineCount: number;
}

/**
 * Reads a makefile's text one logical line at a time. A line continues when
 * it ends in an odd number of backslashes. A carriage return before a
 * newline is dropped, as GNU make does everywhere.
 */
export class LineReader {
  private position = 0;
  private lineNumber = 1;

  constructor(
    private readonly text: string,
    readonly file: string,
  ) {}

  /** The next logical line, or null at the end of the text. */
  next(): LogicalLine | null {
    if (this.position >= this.text.length) return null;
    const startLine = this.lineNumber;
    let lineCount = 0;
    let joined = '';
    for (;;) {
      const newline = this.text.indexOf('\n', this.position);
      const end = newline < 0 ? this.text.length : newline;
      let physical = this.text.slice(this.position, end);
      if (physical.endsWith('\r')) physical = physical.slice(0, -1);
      this.position = newline < 0 ? this.text.length : newline + 1;
      lineCount++;
      this.lineNumber++;
      joined += physical;
      if (!endsWithContinuation(physical)) break;
      // A continuation on the last line joins an empty one, as in GNU.
      joined += '\n';
      if (this.position >= this.text.length) break;
    }
    return {
      text: joined,
      location: { file: this.file, line: startLine },
      lineCount,
    };
  }

  /** The line number the next logical line starts on. */
  get nextLineNumber(): number {
    return this.lineNumber;
  }
}

function endsWithContinuation(line: string): boolean {
  let count = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/**
 * Joins continued lines of a non-recipe line: each backslash-newline with
 * the white space around it becomes one space (with `posix`, only the
 * white space after it goes). The backslashes ending each
 * physical line are halved, as GNU make's collapse_continuations does.
 */
export function collapseContinuations(text: string, posix = false): string {
  if (!text.includes('\n')) return text;
  // Pieces, joined once at the end: a variable continued over hundreds of
  // lines (the dependency lists of Kbuild's .cmd files) stays linear.
  const pieces: string[] = [];
  let i = 0;
  for (;;) {
    const newline = text.indexOf('\n', i);
    if (newline < 0) {
      pieces.push(text.slice(i));
      return pieces.join('');
    }
    let slashes = 0;
    while (text[newline - 1 - slashes] === '\\' && newline - 1 - slashes >= i)
      slashes++;
    pieces.push(text.slice(i, newline - slashes));
    if (slashes > 1) pieces.push('\\'.repeat(Math.floor(slashes / 2)));
    i = newline + 1;
    if (slashes % 2 === 0) {
      pieces.push('\n');
      continue;
    }
    while (text[i] === ' ' || text[i] === '\t') i++;
    // POSIX keeps the blanks before the backslash; GNU folds them in.
    if (!posix) trimTrailingBlanks(pieces);
    pieces.push(' ');
  }
}

/** Takes the blanks off the end of what `pieces` join into. */
function trimTrailingBlanks(pieces: string[]): void {
  while (pieces.length > 0) {
    const last = pieces[pieces.length - 1]!;
    let end = last.length;
    while (end > 0 && (last[end - 1] === ' ' || last[end - 1] === '\t')) end--;
    if (end > 0) {
      pieces[pieces.length - 1] = last.slice(0, end);
      return;
    }
    pieces.pop();
  }
}

/**
 * Cuts a line at its first `#` not quoted by a backslash and not inside a
 * variable reference; a `\#` becomes `#`. Backslashes before a `#` are
 * halved like those before a `%`.
 */
export function removeComment(text: string): string {
  const hash = text.indexOf('#');
  if (hash < 0) return text;
  let output = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') return output;
    if (c === '\\') {
      let j = i;
      while (text[j] === '\\') j++;
      const count = j - i;
      if (text[j] === '#') {
        output += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 0) return output;
        output += '#';
        i = j + 1;
        continue;
      }
      output += text.slice(i, j);
      i = j;
      continue;
    }
    // Inside a variable reference `#` is no comment (GNU's "nocomment").
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      const end = referenceEnd(text, i + 1);
      output += text.slice(i, end);
      i = end;
      continue;
    }
    output += c;
    i++;
  }
  return output;
}

/** The index just past the reference whose opener is at `open`. */
function referenceEnd(text: string, open: number): number {
  const opener = text[open];
  const closer = opener === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth < 0) return i + 1;
  }
  return text.length;
}
