import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { MakeError } from '../report/errors';
import { Diagnostics, Reporter } from '../report/reporter';
import { builtinFunctions } from './functions';
import { MakeState } from './state';

class FakeReporter implements Reporter {
  readonly output: string[] = [];
  readonly errors: string[] = [];
  out(text: string): void {
    this.output.push(text);
  }
  err(text: string): void {
    this.errors.push(text);
  }
}

function newState(warnUndefined = false): {
  state: MakeState;
  reporter: FakeReporter;
} {
  const reporter = new FakeReporter();
  const state = new MakeState(
    new Diagnostics(reporter, 'amake'),
    builtinFunctions,
    {
      warnUndefined,
      environmentOverrides: false,
      noBuiltinRules: false,
      noBuiltinVariables: false,
    },
  );
  return { state, reporter };
}

function expand(state: MakeState, text: string): string {
  return state.expander.expand(text, state.globalScope);
}

function expansionError(state: MakeState, text: string): MakeError {
  try {
    expand(state, text);
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    return error;
  }
  throw new Error(`expanding ${JSON.stringify(text)} did not throw`);
}

describe('Expander', () => {
  it('returns text without a dollar unchanged', () => {
    const { state } = newState();
    assert.equal(expand(state, 'plain text'), 'plain text');
  });

  it('expands $$ to one dollar', () => {
    const { state } = newState();
    assert.equal(expand(state, 'a$$b$$$$'), 'a$b$$');
  });

  it('expands a one-letter reference $x', () => {
    const { state } = newState();
    state.define('a', '2', 'recursive', 'file', null);
    assert.equal(expand(state, '[$a][$ab]'), '[2][2b]');
  });

  it('expands $(x) and ${x} alike', () => {
    const { state } = newState();
    state.define('name', 'value', 'recursive', 'file', null);
    assert.equal(expand(state, '$(name) ${name}'), 'value value');
  });

  it('expands an undefined variable to nothing', () => {
    const { state } = newState();
    assert.equal(expand(state, '[$(nothing)][$(x y)][$(v )]'), '[][][]');
  });

  it('keeps a dollar at the end of the text', () => {
    const { state } = newState();
    assert.equal(expand(state, 'a$'), 'a');
  });

  it('expands a computed name', () => {
    const { state } = newState();
    state.define('v', 'ok', 'recursive', 'file', null);
    state.define('n', 'v', 'recursive', 'file', null);
    assert.equal(expand(state, '[$($(n))][${$(n)}][$(${n})]'), '[ok][ok][ok]');
  });

  it('expands substitution references with and without a percent', () => {
    const { state } = newState();
    state.define('a', 'x.c y.c', 'simple', 'file', null);
    assert.equal(
      expand(
        state,
        '[$(a:.c=.o)][${a:%.c=%.h}][$(a:x=z)][$(a:%=p%)][$(a:.c=)]',
      ),
      '[x.o y.o][x.h y.h][x.c y.c][px.c py.c][x y]',
    );
  });

  it('expands a substitution reference of an undefined variable to nothing', () => {
    const { state } = newState();
    assert.equal(expand(state, '[$(none:a=b)]'), '[]');
  });

  it('expands a substitution reference whose pattern is computed', () => {
    const { state } = newState();
    state.define('a', 'x.c y.c', 'simple', 'file', null);
    state.define('p', '.c', 'simple', 'file', null);
    assert.equal(expand(state, '$(a:$(p)=.o)'), 'x.o y.o');
  });

  it('expands a recursive variable when used and a simple one as stored', () => {
    const { state } = newState();
    state.define('a', '1', 'recursive', 'file', null);
    state.define('b', '$(a)', 'recursive', 'file', null);
    state.define('c', expand(state, '$(a)'), 'simple', 'file', null);
    state.define('d', '$(a)', 'simple', 'file', null);
    state.define('a', '2', 'recursive', 'file', null);
    assert.equal(expand(state, '[$(b)][$(c)][$(d)]'), '[2][1][$(a)]');
  });

  it('calls built-in functions', () => {
    const { state } = newState();
    state.define('x', 'a b a', 'simple', 'file', null);
    assert.equal(expand(state, '$(subst a,c,$(x))'), 'c b c');
    assert.equal(expand(state, '${subst a,c,${x}}'), 'c b c');
  });

  it('reports a recursive variable that references itself', () => {
    const { state } = newState();
    const location = { file: 'Makefile', line: 1 };
    state.define('A', '$(A)', 'recursive', 'file', location);
    const error = expansionError(state, 'x $(A)');
    assert.equal(
      error.message,
      "Recursive variable 'A' references itself (eventually)",
    );
    assert.deepEqual(error.location, location);
  });

  it('reports an indirect self-reference with the name of the variable first seen again', () => {
    const { state } = newState();
    state.define('A', '$(B)', 'recursive', 'file', null);
    state.define('B', '$(A)', 'recursive', 'file', null);
    assert.equal(
      expansionError(state, '$(A)').message,
      "Recursive variable 'A' references itself (eventually)",
    );
  });

  it('lets a variable be expanded again after a self-reference error', () => {
    const { state } = newState();
    state.define('A', '$(A)', 'recursive', 'file', null);
    expansionError(state, '$(A)');
    state.define('A', 'fine', 'recursive', 'file', null);
    assert.equal(expand(state, '$(A)'), 'fine');
  });

  it('reports an unterminated variable reference', () => {
    const { state } = newState();
    state.expander.location = { file: 'mx', line: 1 };
    const error = expansionError(state, '$(A');
    assert.equal(error.message, 'unterminated variable reference');
    assert.deepEqual(error.location, { file: 'mx', line: 1 });
    assert.equal(
      expansionError(state, '${A').message,
      'unterminated variable reference',
    );
  });

  it('reports an unterminated function call', () => {
    const { state } = newState();
    assert.equal(
      expansionError(state, '$(subst a,b').message,
      "unterminated call to function 'subst': missing ')'",
    );
    assert.equal(
      expansionError(state, '${subst a,b').message,
      "unterminated call to function 'subst': missing '}'",
    );
  });

  it('reports too few arguments to a function', () => {
    const { state } = newState();
    assert.equal(
      expansionError(state, '$(subst a)').message,
      "insufficient number of arguments (1) to function 'subst'",
    );
  });

  it('warns about undefined variables only when asked to', () => {
    const quiet = newState(false);
    expand(quiet.state, '$(nothing)');
    assert.deepEqual(quiet.reporter.errors, []);
    const loud = newState(true);
    loud.state.expander.location = { file: 'Makefile', line: 4 };
    expand(loud.state, '$(nothing)');
    assert.deepEqual(loud.reporter.errors, [
      "Makefile:4: warning: undefined variable 'nothing'\n",
    ]);
  });
});
