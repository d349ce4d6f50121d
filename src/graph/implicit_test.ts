import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defineBuiltins } from '../evaluate/builtins';
import { Evaluator } from '../evaluate/evaluator';
import { builtinFunctions } from '../evaluate/functions';
import { MakeState } from '../evaluate/state';
import { Diagnostics } from '../report/reporter';
import {
  ImplicitMatch,
  findImplicitRule,
  isArchiveMember,
  prerequisiteWords,
} from './implicit';
import { jhashString } from './intermediate';
import { finishDatabase } from './snap';

/**
 * Reads `makefile` as amake would, with the built-in rules unless `-r`,
 * and searches for the rule that makes `target` while exactly the files
 * in `files` exist.
 */
function search(
  makefile: string,
  target: string,
  files: string[] = [],
  options: { noBuiltinRules?: boolean } = {},
): ImplicitMatch | null {
  const settings = {
    warnUndefined: false,
    environmentOverrides: false,
    noBuiltinRules: options.noBuiltinRules ?? true,
    noBuiltinVariables: false,
  };
  const diagnostics = new Diagnostics(
    { out: () => undefined, err: () => undefined },
    'make',
  );
  const state = new MakeState(diagnostics, builtinFunctions, settings);
  const evaluator = new Evaluator(state);
  defineBuiltins(state, settings);
  evaluator.evaluateText(makefile, state.globalScope);
  finishDatabase(state);
  const existing = new Set(files);
  return findImplicitRule(state, state.database.enter(target), {
    exists: (name) => existing.has(name),
    inVpath: () => false,
  });
}

const names = (match: ImplicitMatch | null) =>
  match?.prerequisites.map((p) => p.name) ?? null;

describe('implicit rule search', () => {
  it('uses a rule whose prerequisite exists', () => {
    const match = search('%.o: %.c\n\t@cc $<\n', 'a.o', ['a.c']);
    assert.deepEqual(names(match), ['a.c']);
    assert.equal(match?.stem, 'a');
  });

  it('finds nothing when no prerequisite exists or can be made', () => {
    assert.equal(search('%.o: %.c\n\t@cc $<\n', 'a.o'), null);
  });

  it('prefers the shortest stem over the order of definition', () => {
    const makefile = '%.o: %.c\n\t@one\nlib%.o: lib%.c\n\t@two\n';
    const match = search(makefile, 'libx.o', ['libx.c']);
    assert.equal(match?.stem, 'x');
    assert.equal(match?.recipe?.lines[0]?.text, '@two');
  });

  it('takes the first rule defined among equal stems', () => {
    const makefile = '%.o: %.c\n\t@first\n%.o: %.s\n\t@second\n';
    const match = search(makefile, 'a.o', ['a.c', 'a.s']);
    assert.equal(match?.recipe?.lines[0]?.text, '@first');
  });

  it('keeps the directory out of the stem of a pattern without slash', () => {
    const match = search('%.o: src/%.c\n\t@cc\n', 'obj/x.o', ['obj/src/x.c']);
    assert.deepEqual(names(match), ['obj/src/x.c']);
    assert.equal(match?.stem, 'obj/x');
  });

  it('matches the whole name with a pattern that has a slash', () => {
    const match = search('obj/%.o: src/%.c\n\t@cc\n', 'obj/x.o', ['src/x.c']);
    assert.deepEqual(names(match), ['src/x.c']);
    assert.equal(match?.stem, 'x');
  });

  it('allows an empty stem only after a directory', () => {
    assert.equal(search('%.x:\n\t@x\n', '.x'), null);
    assert.equal(search('%.x:\n\t@x\n', 'd/.x')?.stem, 'd/');
  });

  it('takes a name the makefile mentions as one that ought to exist', () => {
    const match = search('other: a.c\n%.o: %.c\n\t@cc\n', 'a.o');
    assert.deepEqual(names(match), ['a.c']);
  });

  it('chains through an intermediate file', () => {
    const makefile = '%.c: %.y\n\t@yacc\n%.o: %.c\n\t@cc\n';
    const match = search(makefile, 'a.o', ['a.y']);
    assert.deepEqual(names(match), ['a.c']);
    assert.equal(match?.intermediates.length, 1);
    assert.equal(match?.intermediates[0]?.name, 'a.c');
    assert.deepEqual(names(match!.intermediates[0]!.match), ['a.y']);
  });

  it('prefers existing prerequisites to a chain, whatever the order', () => {
    const makefile = '%.o: %.c\n\t@cc\n%.c: %.y\n\t@yacc\n%.o: %.s\n\t@as\n';
    const match = search(makefile, 'a.o', ['a.y', 'a.s']);
    assert.deepEqual(names(match), ['a.s']);
  });

  it('never uses a rule twice in one chain', () => {
    assert.equal(search('%.a: %\n\t@cp\n', 'x.a.a', ['x']), null);
  });

  it('skips a rule with prerequisites and no recipe', () => {
    const makefile = '%.o: %.c\n\t@cc\n%.o: %.c\n';
    assert.equal(search(makefile, 'a.o', ['a.c']), null);
  });

  it('lets a makefile rule without recipe cancel a built-in one', () => {
    const options = { noBuiltinRules: false };
    const match = search('', 'a.o', ['a.c'], options);
    assert.equal(match?.rule.builtin, true);
    assert.equal(search('%.o: %.c\n', 'a.o', ['a.c'], options), null);
  });

  it('gives way with a match-anything rule to a specific pattern', () => {
    const makefile = '%: %.in\n\t@any\n%.out: %.zzz\n\t@specific\n';
    assert.equal(search(makefile, 'x.out', ['x.out.in']), null);
    assert.deepEqual(names(search(makefile, 'x', ['x.in'])), ['x.in']);
  });

  it('does not use a match-anything rule for a known suffix', () => {
    const makefile = '.SUFFIXES: .c\n%:\n\t@any\n';
    assert.equal(search(makefile, 'x.c'), null);
    assert.notEqual(search(makefile, 'x'), null);
  });

  it('uses a terminal rule only with existing prerequisites', () => {
    const makefile = '%:: %.src\n\t@co\n%.src: %.gen\n\t@gen\n';
    assert.equal(search(makefile, 'x', ['x.src.gen']), null);
    const match = search(makefile, 'x', ['x.src']);
    assert.deepEqual(match?.terminalPrerequisites, ['x.src']);
  });

  it('lets a terminal rule make an intermediate file', () => {
    const makefile = '%:: %.src\n\t@co\n%.o: %.q\n\t@cc\n';
    const match = search(makefile, 'x.o', ['x.q.src']);
    assert.equal(match?.intermediates[0]?.name, 'x.q');
  });

  it('makes no intermediate with a non-terminal match-anything rule', () => {
    const makefile = '%: %.src\n\t@co\n%.o: %.q\n\t@cc\n';
    assert.equal(search(makefile, 'x.o', ['x.q.src']), null);
  });

  it('keeps order-only prerequisites order-only', () => {
    const match = search('%.o: %.c | %.d\n\t@cc\n', 'a.o', ['a.c', 'a.d']);
    assert.deepEqual(match?.prerequisites, [
      { name: 'a.c', orderOnly: false },
      { name: 'a.d', orderOnly: true },
    ]);
  });

  it('names the other targets of a multi-target rule', () => {
    const match = search('%.h %.c: %.y\n\t@yacc\n', 'd/p.c', ['d/p.y']);
    assert.deepEqual(match?.alsoMake, ['d/p.h']);
  });

  it('expands prerequisites a second time with the stem', () => {
    const makefile =
      '.SECONDEXPANSION:\n%.o: %.c $$(addprefix foo/,%.h) $$*.k\n\t@cc\n';
    const match = search(makefile, 'd/x.o', ['d/x.c', 'd/foo/x.h', 'd/x.k']);
    assert.deepEqual(names(match), ['d/x.c', 'd/foo/x.h', 'd/x.k']);
  });

  it('marks a file whose pattern is precious', () => {
    const match = search('.PRECIOUS: %.o\n%.o: %.c\n\t@cc\n', 'a.o', ['a.c']);
    assert.equal(match?.precious, true);
  });

  it('tries an archive member as (member)', () => {
    const match = search('(%): %\n\t@ar\n', 'lib.a(x.o)', ['x.o']);
    assert.deepEqual(names(match), ['x.o']);
    assert.equal(match?.stem, 'x.o');
  });
});

describe('prerequisite words for second expansion', () => {
  it('keeps a variable reference with blanks as one word', () => {
    assert.deepEqual(prerequisiteWords('a $(addprefix x/, b c) | d'), [
      'a',
      '$(addprefix x/, b c)',
      '|',
      'd',
    ]);
  });
});

describe('archive member names', () => {
  it('recognises lib(member) but not (member) or lib()', () => {
    assert.equal(isArchiveMember('lib.a(x.o)'), true);
    assert.equal(isArchiveMember('(x.o)'), false);
    assert.equal(isArchiveMember('lib.a()'), false);
  });
});

describe('GNU file table order', () => {
  it('hashes names as GNU make 4.3 does', () => {
    // Slots that GNU's `rm` line order shows for a table of 1024.
    assert.equal(jhashString('x.b') & 1023, 853);
    assert.equal(jhashString('y.b') & 1023, 486);
    assert.equal(jhashString('longername.c') & 1023, 139);
  });
});
