import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  noModifiers,
  parseAssignment,
  parseModifiedAssignment,
} from './assignment';

describe('parseAssignment', () => {
  it('recognises a recursive assignment', () => {
    assert.deepEqual(parseAssignment('a = b c'), {
      name: 'a',
      operator: '=',
      value: 'b c',
    });
  });

  it('recognises a simple assignment with :=', () => {
    assert.deepEqual(parseAssignment('a := b'), {
      name: 'a',
      operator: ':=',
      value: 'b',
    });
  });

  it('recognises a POSIX simple assignment with ::=', () => {
    assert.deepEqual(parseAssignment('a ::= b'), {
      name: 'a',
      operator: '::=',
      value: 'b',
    });
  });

  it('recognises a conditional assignment with ?=', () => {
    assert.deepEqual(parseAssignment('a ?= b'), {
      name: 'a',
      operator: '?=',
      value: 'b',
    });
  });

  it('recognises an append with +=', () => {
    assert.deepEqual(parseAssignment('a += b'), {
      name: 'a',
      operator: '+=',
      value: 'b',
    });
  });

  it('recognises a shell assignment with !=', () => {
    assert.deepEqual(parseAssignment('a != echo hi'), {
      name: 'a',
      operator: '!=',
      value: 'echo hi',
    });
  });

  it('recognises operators written without blanks around them', () => {
    assert.deepEqual(parseAssignment('a+=b'), {
      name: 'a',
      operator: '+=',
      value: 'b',
    });
    assert.deepEqual(parseAssignment('a::=b'), {
      name: 'a',
      operator: '::=',
      value: 'b',
    });
  });

  it('trims the name and keeps the trailing blanks of the value', () => {
    assert.deepEqual(parseAssignment('  \tname\t =   v  '), {
      name: 'name',
      operator: '=',
      value: 'v  ',
    });
  });

  it('gives an empty value when nothing follows the operator', () => {
    assert.deepEqual(parseAssignment('a :='), {
      name: 'a',
      operator: ':=',
      value: '',
    });
  });

  it('does not treat a b = c as an assignment', () => {
    assert.equal(parseAssignment('a b = c'), null);
  });

  it('skips an = inside a substitution reference in the name', () => {
    assert.deepEqual(parseAssignment('$(x:a=b) = c'), {
      name: '$(x:a=b)',
      operator: '=',
      value: 'c',
    });
  });

  it('skips a : inside a braced reference in the name', () => {
    assert.deepEqual(parseAssignment('${x:a=b}:=c'), {
      name: '${x:a=b}',
      operator: ':=',
      value: 'c',
    });
  });

  it('does not treat a rule line as an assignment', () => {
    assert.equal(parseAssignment('foo: bar'), null);
  });

  it('does not treat a rule line with a target-specific assignment as one', () => {
    assert.equal(parseAssignment('foo: a = b'), null);
  });

  it('does not treat a double-colon rule line as an assignment', () => {
    assert.equal(parseAssignment('foo:: bar'), null);
  });

  it('returns null for a line without an operator', () => {
    assert.equal(parseAssignment('just words'), null);
  });

  it('returns null when a comment comes before any operator', () => {
    assert.equal(parseAssignment('a # = b'), null);
  });

  it('keeps a hash in the value', () => {
    assert.deepEqual(parseAssignment('a = b # c'), {
      name: 'a',
      operator: '=',
      value: 'b # c',
    });
  });
});

describe('parseModifiedAssignment', () => {
  it('returns a plain assignment with no modifiers set', () => {
    const modifiers = noModifiers();
    assert.deepEqual(parseModifiedAssignment('a = b', false, modifiers), {
      rest: 'a = b',
      assignment: { name: 'a', operator: '=', value: 'b' },
    });
    assert.deepEqual(modifiers, noModifiers());
  });

  it('reads export before an assignment', () => {
    const modifiers = noModifiers();
    assert.deepEqual(
      parseModifiedAssignment('export a := b', false, modifiers),
      {
        rest: 'a := b',
        assignment: { name: 'a', operator: ':=', value: 'b' },
      },
    );
    assert.deepEqual(modifiers, { ...noModifiers(), export: true });
  });

  it('reads several modifiers in any order', () => {
    const modifiers = noModifiers();
    const result = parseModifiedAssignment(
      'override private export a += b',
      true,
      modifiers,
    );
    assert.deepEqual(result, {
      rest: 'a += b',
      assignment: { name: 'a', operator: '+=', value: 'b' },
    });
    assert.deepEqual(modifiers, {
      ...noModifiers(),
      override: true,
      private: true,
      export: true,
    });
  });

  it('leaves unexport before an assignment to the unexport directive', () => {
    // GNU make 4.3 unexports the words `a`, `=` and `b` here.
    const modifiers = noModifiers();
    assert.equal(
      parseModifiedAssignment('unexport a = b', false, modifiers),
      null,
    );
  });

  it('treats a variable named export as the name being assigned', () => {
    const modifiers = noModifiers();
    assert.deepEqual(parseModifiedAssignment('export = b', false, modifiers), {
      rest: 'export = b',
      assignment: { name: 'export', operator: '=', value: 'b' },
    });
    assert.deepEqual(modifiers, noModifiers());
  });

  it('returns the rest of a define line without reading an assignment', () => {
    const modifiers = noModifiers();
    assert.deepEqual(
      parseModifiedAssignment('override define  name :=', false, modifiers),
      { rest: 'name :=', assignment: null },
    );
    assert.deepEqual(modifiers, {
      ...noModifiers(),
      override: true,
      define: true,
    });
  });

  it('returns the rest of an undefine line', () => {
    const modifiers = noModifiers();
    assert.deepEqual(
      parseModifiedAssignment('undefine foo', false, modifiers),
      {
        rest: 'foo',
        assignment: null,
      },
    );
    assert.equal(modifiers.undefine, true);
  });

  it('rejects define in a target context', () => {
    assert.equal(
      parseModifiedAssignment('define x', true, noModifiers()),
      null,
    );
  });

  it('returns null for export with nothing after it', () => {
    assert.equal(parseModifiedAssignment('export', false, noModifiers()), null);
  });

  it('returns null for export followed by names only', () => {
    assert.equal(
      parseModifiedAssignment('export a b', false, noModifiers()),
      null,
    );
  });

  it('returns null for a blank line', () => {
    assert.equal(parseModifiedAssignment('   ', false, noModifiers()), null);
  });

  it('returns null for a rule line', () => {
    assert.equal(parseModifiedAssignment('all: x', false, noModifiers()), null);
  });
});
