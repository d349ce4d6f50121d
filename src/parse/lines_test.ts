import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  LineReader,
  LogicalLine,
  collapseContinuations,
  removeComment,
} from './lines';

function readAll(text: string): LogicalLine[] {
  const reader = new LineReader(text, 'Makefile');
  const lines: LogicalLine[] = [];
  for (let line = reader.next(); line; line = reader.next()) lines.push(line);
  return lines;
}

describe('LineReader', () => {
  it('reads one logical line per physical line without continuations', () => {
    assert.deepEqual(readAll('a\nb\n'), [
      { text: 'a', location: { file: 'Makefile', line: 1 }, lineCount: 1 },
      { text: 'b', location: { file: 'Makefile', line: 2 }, lineCount: 1 },
    ]);
  });

  it('returns null at the end of the text', () => {
    const reader = new LineReader('', 'Makefile');
    assert.equal(reader.next(), null);
  });

  it('reads a last line that has no newline', () => {
    assert.deepEqual(
      readAll('a\nb').map((line) => line.text),
      ['a', 'b'],
    );
  });

  it('keeps empty lines as empty logical lines', () => {
    assert.deepEqual(
      readAll('a\n\nb\n').map((line) => [line.text, line.location.line]),
      [
        ['a', 1],
        ['', 2],
        ['b', 3],
      ],
    );
  });

  it('joins a line ending in one backslash to the next and keeps the join', () => {
    assert.deepEqual(readAll('a := x \\\n   y\nb\n'), [
      {
        text: 'a := x \\\n   y',
        location: { file: 'Makefile', line: 1 },
        lineCount: 2,
      },
      { text: 'b', location: { file: 'Makefile', line: 3 }, lineCount: 1 },
    ]);
  });

  it('does not join a line ending in two backslashes', () => {
    assert.deepEqual(
      readAll('b := x\\\\\nc\n').map((line) => line.text),
      ['b := x\\\\', 'c'],
    );
  });

  it('joins a line ending in three backslashes', () => {
    const lines = readAll('c := x\\\\\\\n  y\n');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.text, 'c := x\\\\\\\n  y');
    assert.equal(lines[0]!.lineCount, 2);
  });

  it('joins several continued lines and counts all of them', () => {
    const lines = readAll('a \\\nb \\\nc\nd\n');
    assert.equal(lines[0]!.text, 'a \\\nb \\\nc');
    assert.equal(lines[0]!.lineCount, 3);
    assert.deepEqual(lines[1]!.location, { file: 'Makefile', line: 4 });
  });

  it('drops the carriage return of CRLF line ends, also before continuations', () => {
    assert.deepEqual(readAll('a := 1 \\\r\n  2\r\nb\r\n'), [
      {
        text: 'a := 1 \\\n  2',
        location: { file: 'Makefile', line: 1 },
        lineCount: 2,
      },
      { text: 'b', location: { file: 'Makefile', line: 3 }, lineCount: 1 },
    ]);
  });

  it('joins a continuation at the end of the text to an empty line', () => {
    // GNU make reads `X = end \` on the last line as `end ` plus nothing.
    assert.deepEqual(readAll('a \\\n'), [
      { text: 'a \\\n', location: { file: 'Makefile', line: 1 }, lineCount: 1 },
    ]);
  });

  it('reports the line number the next logical line starts on', () => {
    const reader = new LineReader('a \\\nb\nc\n', 'x.mk');
    assert.equal(reader.nextLineNumber, 1);
    reader.next();
    assert.equal(reader.nextLineNumber, 3);
    reader.next();
    assert.equal(reader.nextLineNumber, 4);
    assert.equal(reader.file, 'x.mk');
  });
});

describe('collapseContinuations', () => {
  it('returns a line without newlines unchanged', () => {
    assert.equal(collapseContinuations('a := x  \\\\'), 'a := x  \\\\');
  });

  it('turns a backslash-newline and the blanks around it into one space', () => {
    assert.equal(collapseContinuations('a := x \\\n   y'), 'a := x y');
  });

  it('adds a space where no blanks surround the backslash-newline', () => {
    assert.equal(collapseContinuations('x\\\ny'), 'x y');
  });

  it('halves the backslashes before an odd run ending a continued line', () => {
    assert.equal(collapseContinuations('c := x\\\\\\\n  y'), 'c := x\\ y');
  });

  it('collapses every continuation of a line', () => {
    assert.equal(collapseContinuations('a \\\n\tb \\\n  c'), 'a b c');
  });
});

describe('removeComment', () => {
  it('returns text without a hash unchanged', () => {
    assert.equal(removeComment('a := b\\c'), 'a := b\\c');
  });

  it('cuts at the first hash and keeps the blanks before it', () => {
    assert.equal(removeComment('a := b # c'), 'a := b ');
  });

  it('turns a backslash-quoted hash into a hash and cuts at the next one', () => {
    assert.equal(removeComment('p \\# q # r'), 'p # q ');
  });

  it('cuts after halving an even run of backslashes before a hash', () => {
    assert.equal(removeComment('p \\\\# q'), 'p \\');
  });

  it('keeps a hash after an odd run of backslashes and halves them', () => {
    assert.equal(removeComment('p \\\\\\# q'), 'p \\# q');
  });

  it('keeps backslashes not followed by a hash', () => {
    assert.equal(removeComment('a\\\\b\\#c'), 'a\\\\b#c');
  });

  it('removes the whole line when it starts with a hash', () => {
    assert.equal(removeComment('# comment'), '');
  });
});
