import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Diagnostics } from '../report/reporter';
import {
  builtinSwitches,
  defineBuiltins,
  installImplicitRules,
  suffixList,
} from './builtins';
import { Evaluator } from './evaluator';
import { builtinFunctions } from './functions';
import { MakeState } from './state';

/** A state with the built-ins, after reading `makefile`. */
function read(
  makefile: string,
  switches: { noBuiltinRules?: boolean; noBuiltinVariables?: boolean } = {},
): MakeState {
  const settings = {
    warnUndefined: false,
    environmentOverrides: false,
    noBuiltinRules: switches.noBuiltinRules ?? false,
    noBuiltinVariables: switches.noBuiltinVariables ?? false,
  };
  const diagnostics = new Diagnostics(
    { out: () => undefined, err: () => undefined },
    'make',
  );
  const state = new MakeState(diagnostics, builtinFunctions, settings);
  const evaluator = new Evaluator(state);
  defineBuiltins(state, settings);
  evaluator.evaluateText(makefile, state.globalScope);
  installImplicitRules(state);
  return state;
}

/** The pattern rules as `make -p` heads them: `%.o: %.c`. */
function ruleHeads(state: MakeState): string[] {
  return state.database.patternRules.map((rule) => {
    const colon = rule.terminal ? '::' : ':';
    const prerequisites = rule.prerequisites.map((p) => ` ${p.name}`);
    return `${rule.targets.join(' ')}${colon}${prerequisites.join('')}`;
  });
}

describe('built-in catalogue', () => {
  it('has the 92 implicit rules GNU make 4.3 prints, in its order', () => {
    const heads = ruleHeads(read(''));
    assert.equal(heads.length, 92);
    assert.deepEqual(heads.slice(0, 6), [
      '%.out:',
      '%.a:',
      '%.ln:',
      '%.o:',
      '%: %.o',
      '%.c:',
    ]);
    assert.deepEqual(heads.slice(-5), [
      '%:: %,v',
      '%:: RCS/%,v',
      '%:: RCS/%',
      '%:: s.%',
      '%:: SCCS/s.%',
    ]);
    assert.equal(heads.filter((head) => head.includes('::')).length, 5);
  });

  it('marks the built-in rules as built in, without a location', () => {
    const rule = read('').database.patternRules.find(
      (r) => r.targets[0] === '%.o' && r.prerequisites[0]?.name === '%.c',
    );
    assert.equal(rule?.builtin, true);
    assert.equal(rule?.location, null);
    assert.equal(
      rule?.recipe?.lines[0]?.text,
      '$(COMPILE.c) $(OUTPUT_OPTION) $<',
    );
  });

  it('splits a built-in recipe into its lines', () => {
    const rule = read('').database.patternRules.find(
      (r) => r.targets[0] === '%.c' && r.prerequisites[0]?.name === '%.y',
    );
    assert.deepEqual(
      rule?.recipe?.lines.map((line) => line.text),
      ['$(YACC.y) $< ', ' mv -f y.tab.c $@'],
    );
  });

  it('defines the built-in variables with origin default', () => {
    const state = read('');
    const cc = state.globals.get('CC');
    assert.equal(cc?.value, 'cc');
    assert.equal(cc?.origin, 'default');
    assert.equal(cc?.flavor, 'recursive');
    assert.equal(state.value('COMPILE.c'), 'cc    -c');
  });

  it('puts the makefile rules first and drops built-ins they replace', () => {
    const heads = ruleHeads(read('%.o: %.c\n\t@mine\n%.x: %.y\n\t@x\n'));
    assert.deepEqual(heads.slice(0, 2), ['%.o: %.c', '%.x: %.y']);
    assert.equal(heads.filter((head) => head === '%.o: %.c').length, 1);
  });

  it('converts a makefile suffix rule with its own recipe', () => {
    const state = read('.c.o:\n\t@mine\n');
    const rule = state.database.patternRules.find(
      (r) => r.targets[0] === '%.o' && r.prerequisites[0]?.name === '%.c',
    );
    assert.equal(rule?.recipe?.lines[0]?.text, '@mine');
    assert.equal(rule?.builtin, false);
  });

  it('makes (%.o) rules from suffix rules for .a', () => {
    const heads = ruleHeads(read('.SUFFIXES: .x\n.x.a:\n\t@ar\n'));
    assert.ok(heads.includes('(%.o): %.x'));
    assert.ok(heads.includes('%.a: %.x'));
  });

  it('has no rules and an empty suffix list under -r', () => {
    const state = read('', { noBuiltinRules: true });
    assert.deepEqual(ruleHeads(state), []);
    assert.deepEqual(suffixList(state), []);
    assert.equal(state.value('SUFFIXES'), '');
    assert.equal(state.value('CC'), 'cc');
  });

  it('has no variables and no rules under -R', () => {
    const state = read('', { noBuiltinVariables: true });
    assert.deepEqual(ruleHeads(state), []);
    assert.equal(state.globals.get('CC'), undefined);
  });

  it('forgets the built-in suffix rules when .SUFFIXES is cleared', () => {
    assert.deepEqual(ruleHeads(read('.SUFFIXES:\n')).length, 9);
  });

  it('drops the built-in rules for -r added to MAKEFLAGS', () => {
    const state = read('MAKEFLAGS += -r\n');
    assert.deepEqual(ruleHeads(state), []);
    assert.equal(state.value('CC'), 'cc');
  });

  it('keeps suffixes a makefile added when MAKEFLAGS gains -r', () => {
    const state = read('MAKEFLAGS += -r\n.SUFFIXES: .c .o\n');
    assert.ok(ruleHeads(state).includes('%.o: %.c'));
  });

  it('undefines the built-in variables for -R added to MAKEFLAGS', () => {
    const state = read('MAKEFLAGS += -R\nCC = mine\n');
    assert.equal(state.globals.get('CXX'), undefined);
    assert.equal(state.value('CC'), 'mine');
    assert.ok(ruleHeads(state).includes('%.o: %.c'));
  });
});

describe('MAKEFLAGS switches', () => {
  it('reads -r and -R from letters and options', () => {
    assert.deepEqual(builtinSwitches('rR'), {
      noBuiltinRules: true,
      noBuiltinVariables: true,
    });
    assert.equal(builtinSwitches(' -r').noBuiltinRules, true);
    assert.equal(builtinSwitches('--no-builtin-rules').noBuiltinRules, true);
  });

  it('ignores letters of option arguments and variables', () => {
    assert.equal(builtinSwitches('-Cr').noBuiltinRules, false);
    assert.equal(builtinSwitches('k -- R=r').noBuiltinRules, false);
    assert.equal(builtinSwitches('k -- R=r').noBuiltinVariables, false);
  });
});
