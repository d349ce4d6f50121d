import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { Location } from '../parse/location';
import { MakeError } from '../report/errors';
import { Diagnostics } from '../report/reporter';
import { ConditionTester, ConditionalStack } from './conditionals';
import { parseComparison } from './evaluator';

describe('parseComparison', () => {
  it('reads the parenthesised form', () => {
    assert.deepEqual(parseComparison('(a,b)'), {
      left: 'a',
      right: 'b',
      extraText: false,
    });
  });

  it('drops blanks after the comma and before it', () => {
    assert.deepEqual(parseComparison('(a , b)'), {
      left: 'a',
      right: 'b',
      extraText: false,
    });
  });

  it('keeps blanks after the opening and before the closing paren', () => {
    assert.deepEqual(parseComparison('( a , a )'), {
      left: ' a',
      right: 'a ',
      extraText: false,
    });
  });

  it('matches nested parens and skips commas inside them', () => {
    assert.deepEqual(parseComparison('($(f a,b),(c))'), {
      left: '$(f a,b)',
      right: '(c)',
      extraText: false,
    });
  });

  it('reads double-quoted operands', () => {
    assert.deepEqual(parseComparison('"a b" "c"'), {
      left: 'a b',
      right: 'c',
      extraText: false,
    });
  });

  it('reads single-quoted operands', () => {
    assert.deepEqual(parseComparison("'a' 'b'"), {
      left: 'a',
      right: 'b',
      extraText: false,
    });
  });

  it('reads mixed quotes with or without a blank between them', () => {
    assert.deepEqual(parseComparison('"a" \'b\''), {
      left: 'a',
      right: 'b',
      extraText: false,
    });
    assert.deepEqual(parseComparison('\'a\'"b"'), {
      left: 'a',
      right: 'b',
      extraText: false,
    });
  });

  it('keeps the other kind of quote inside a quoted operand', () => {
    assert.deepEqual(parseComparison('"it\'s" \'say "x"\''), {
      left: "it's",
      right: 'say "x"',
      extraText: false,
    });
  });

  it('notes extra text after the comparison', () => {
    assert.deepEqual(parseComparison('(a,a) junk'), {
      left: 'a',
      right: 'a',
      extraText: true,
    });
    assert.deepEqual(parseComparison('"a"  "a" junk'), {
      left: 'a',
      right: 'a',
      extraText: true,
    });
  });

  it('does not count trailing blanks as extra text', () => {
    assert.equal(parseComparison('(a,b)  ')!.extraText, false);
  });

  it('returns null for invalid syntax', () => {
    for (const text of [
      '',
      'a a',
      '"a"',
      '"a" a',
      '"a',
      '"a" "b',
      '(a a)',
      '(a,a',
      'a,a)',
    ]) {
      assert.equal(parseComparison(text), null, text);
    }
  });
});

function newStack(): { stack: ConditionalStack; warnings: string[] } {
  const warnings: string[] = [];
  const diagnostics = new Diagnostics(
    { out: () => {}, err: (text) => warnings.push(text) },
    'amake',
  );
  return { stack: new ConditionalStack(diagnostics), warnings };
}

const at = (line: number): Location => ({ file: 'Makefile', line });
const holds: ConditionTester = () => ({ holds: true, extraText: false });
const fails: ConditionTester = () => ({ holds: false, extraText: false });

function thrown(action: () => void): MakeError {
  try {
    action();
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    return error;
  }
  throw new Error('no MakeError was thrown');
}

describe('ConditionalStack', () => {
  it('reports an endif without an if', () => {
    const { stack } = newStack();
    const error = thrown(() => stack.handle('endif', '', at(1), holds));
    assert.equal(error.message, "extraneous 'endif'");
    assert.deepEqual(error.location, at(1));
  });

  it('reports an else without an if', () => {
    const { stack } = newStack();
    assert.equal(
      thrown(() => stack.handle('else', '', at(2), holds)).message,
      "extraneous 'else'",
    );
  });

  it('reports a second else in one conditional', () => {
    const { stack } = newStack();
    stack.handle('ifeq', '(a,a)', at(1), holds);
    stack.handle('else', '', at(2), holds);
    const error = thrown(() => stack.handle('else', '', at(3), holds));
    assert.equal(error.message, "only one 'else' per conditional");
    assert.deepEqual(error.location, at(3));
  });

  it('reports a conditional left open at the end of the makefile', () => {
    const { stack } = newStack();
    stack.handle('ifeq', '(a,a)', at(1), holds);
    const error = thrown(() => stack.finish(at(2)));
    assert.equal(error.message, "missing 'endif'");
    assert.deepEqual(error.location, at(2));
  });

  it('reports invalid syntax when the test cannot read the condition', () => {
    const { stack } = newStack();
    assert.equal(
      thrown(() => stack.handle('ifeq', '"a"', at(1), () => null)).message,
      'invalid syntax in conditional',
    );
  });

  it('finishes quietly when every conditional was closed', () => {
    const { stack, warnings } = newStack();
    stack.handle('ifdef', 'X', at(1), fails);
    assert.equal(stack.ignoring, true);
    stack.handle('else', '', at(2), fails);
    assert.equal(stack.ignoring, false);
    stack.handle('endif', '', at(3), fails);
    stack.finish(at(4));
    assert.equal(stack.depth, 0);
    assert.deepEqual(warnings, []);
  });

  it('warns about extra text after endif', () => {
    const { stack, warnings } = newStack();
    stack.handle('ifdef', 'X', at(1), holds);
    stack.handle('endif', 'junk', at(2), holds);
    assert.deepEqual(warnings, [
      "Makefile:2: extraneous text after 'endif' directive\n",
    ]);
  });
});
