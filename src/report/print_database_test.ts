import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileNode } from '../evaluate/database';
import { Evaluator } from '../evaluate/evaluator';
import { builtinFunctions } from '../evaluate/functions';
import { MakeState } from '../evaluate/state';
import { newVariable, VariableSet } from '../evaluate/variables';
import { finishDatabase } from '../graph/snap';
import {
  FileBuildReport,
  formatClock,
  formatDatabase,
  formatFixed,
} from './print_database';
import { Diagnostics } from './reporter';

const directory = mkdtempSync(join(tmpdir(), 'amake-print-database-'));
after(() => rmSync(directory, { recursive: true, force: true }));

/**
 * Reads `text` as the makefile `Makefile` (in a scratch directory, so
 * that locations name it as GNU would), without built-in rules or
 * variables, and prints the database with the build's findings `reports`.
 */
function print(
  text: string,
  reports: Record<string, Partial<FileBuildReport>> = {},
  commandLineGoals: string[] = [],
): string {
  const settings = {
    warnUndefined: false,
    environmentOverrides: false,
    noBuiltinRules: true,
    noBuiltinVariables: true,
  };
  const diagnostics = new Diagnostics(
    { out: () => undefined, err: () => undefined },
    'make',
  );
  const state = new MakeState(diagnostics, builtinFunctions, settings);
  const evaluator = new Evaluator(state);
  const file = join(directory, 'Makefile');
  writeFileSync(file, text);
  const saved = process.cwd();
  process.chdir(directory);
  try {
    evaluator.readMakefile('Makefile');
  } finally {
    process.chdir(saved);
  }
  finishDatabase(state);
  return formatDatabase({
    state,
    banner: 'amake 0.1.0\n',
    commandLineGoals,
    commandLineFiles: [],
    noBuiltinRules: true,
    report: (node: FileNode) => {
      const found = reports[node.name];
      return found ? { ...unvisited, ...found } : null;
    },
    now: () => new Date(2001, 0, 2, 3, 4, 5),
  });
}

const unvisited: FileBuildReport = {
  implicitSearched: false,
  status: null,
  time: { kind: 'unchecked' },
  stem: null,
  recipe: null,
  implicitRule: false,
  implicitPrerequisites: [],
  alsoMake: [],
  automatic: null,
  hasVariableSet: false,
  foundAs: null,
};

/** The lines from the first that starts with `first` up to a blank one. */
function paragraph(text: string, first: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(first));
  assert.ok(start >= 0, `no line starts with ${first}`);
  const end = lines.indexOf('', start);
  return lines.slice(start, end).join('\n');
}

/** The text from the line `from` up to, not including, the line `to`. */
function section(text: string, from: string, to: string): string {
  const start = text.indexOf(`\n${from}\n`);
  const end = text.indexOf(`\n${to}`, start + 1);
  assert.ok(start >= 0 && end > start, `no section ${from}`);
  return text.slice(start + 1, end);
}

describe('formatDatabase', () => {
  it('starts with the banner and the date, as comments', () => {
    const text = print('');
    assert.ok(
      text.startsWith(
        '# amake 0.1.0\n\n# Make data base, printed on Tue Jan  2 03:04:05 2001\n',
      ),
    );
    assert.ok(
      text.endsWith(
        '\n# Finished Make data base on Tue Jan  2 03:04:05 2001\n\n',
      ),
    );
  });

  it('names the origin and the place of each makefile variable', () => {
    const text = print('X = one\nY := two\noverride Z = three\n');
    const variables = section(
      text,
      '# Variables',
      '# Pattern-specific Variable Values',
    );
    assert.match(
      variables,
      /# makefile \(from 'Makefile', line 1\)\nX = one\n/,
    );
    assert.match(
      variables,
      /# makefile \(from 'Makefile', line 2\)\nY := two\n/,
    );
    assert.match(
      variables,
      /# 'override' directive \(from 'Makefile', line 3\)\nZ = three\n/,
    );
  });

  it('prints a recursive value of several lines as define and endef', () => {
    const text = print('define TWO\nfirst $(X)\nsecond\nendef\n');
    assert.match(text, /\ndefine TWO\nfirst \$\(X\)\nsecond\nendef\n/);
  });

  it('doubles the dollars of simple values only', () => {
    const text = print('S := a$$b\nR = a$$b\n');
    assert.match(text, /\nS := a\$\$b\n/);
    assert.match(text, /\nR = a\$\$b\n/);
  });

  it('shows a value of blanks alone through subst', () => {
    const text = print('BLANK = $(subst ,,  )\n');
    assert.ok(text.includes('\nBLANK = $(subst ,,  )\n'));
  });

  it('gives the load of the global variable table', () => {
    // A, B and MAKEFILE_LIST.
    const text = print('A = 1\nB = 2\n');
    assert.match(
      section(text, '# Variables', '# Pattern-specific Variable Values'),
      /# variable set hash-table stats:\n# Load=3\/1024=0%, Rehash=0, /,
    );
  });

  it('prints each pattern-specific variable as a simple one', () => {
    const text = print('%.o: A = $(X)\n%.o: B := b\n');
    assert.equal(
      section(text, '# Pattern-specific Variable Values', '# Directories'),
      '# Pattern-specific Variable Values\n\n' +
        "%.o :\n# makefile (from 'Makefile', line 1)\n# A := $$(X)\n\n" +
        "%.o :\n# makefile (from 'Makefile', line 2)\n# B := b\n\n" +
        '# 2 pattern-specific variable values',
    );
  });

  it('says when there are no implicit rules, and counts them otherwise', () => {
    assert.match(print(''), /\n# Implicit Rules\n\n# No implicit rules.\n/);
    const text = print('%.o: %.c | dir\n\tcc $<\n%:: RCS/%\n\tco $<\n');
    assert.equal(
      section(text, '# Implicit Rules', '# Files'),
      '# Implicit Rules\n\n' +
        "%.o: %.c | dir\n#  recipe to execute (from 'Makefile', line 2):\n" +
        '\tcc $<\n\n' +
        "%:: RCS/%\n#  recipe to execute (from 'Makefile', line 4):\n" +
        '\tco $<\n\n' +
        '# 2 implicit rules, 1 (50.0%) terminal.',
    );
  });

  it('lists a target with its prerequisites, flags and recipe', () => {
    const text = print('.PHONY: all\nall: a b | c\n\t@echo $@\n');
    assert.equal(
      paragraph(text, 'all:'),
      'all: a b | c\n' +
        '#  Phony target (prerequisite of .PHONY).\n' +
        '#  Implicit rule search has not been done.\n' +
        '#  File does not exist.\n' +
        '#  File has not been updated.\n' +
        "#  recipe to execute (from 'Makefile', line 3):\n" +
        '\t@echo $@',
    );
  });

  it('marks a file named only as a prerequisite as not a target', () => {
    const text = print('all: dep\n');
    assert.ok(
      text.includes('\n# Not a target:\ndep:\n#  Implicit rule search'),
    );
  });

  it('always lists .DEFAULT, as GNU enters it at startup', () => {
    const text = print('');
    assert.equal(
      paragraph(text, '.DEFAULT:'),
      '.DEFAULT:\n' +
        '#  Implicit rule search has not been done.\n' +
        '#  Modification time never checked.\n' +
        '#  File has not been updated.',
    );
  });

  it('prints target-specific variables before the target', () => {
    const text = print('t: V = 1\nt: W += 2\nt:\n\t@:\n');
    // In the slots of GNU's table for the target: W, then V.
    assert.match(
      text,
      /\n# makefile \(from 'Makefile', line 2\)\nt: W \+= 2\n# makefile \(from 'Makefile', line 1\)\nt: V = 1\nt:\n/,
    );
  });

  it('prints what the build found out about a file', () => {
    const automatic = new VariableSet();
    for (const [name, value] of Object.entries({
      '<': 'dep',
      '*': '',
      '@': 'all',
      '%': '',
      '+': 'dep',
      '^': 'dep',
      '?': 'dep',
      '|': '',
    })) {
      automatic.set(newVariable(name, value, 'simple', 'automatic'));
    }
    const text = print(
      'all: dep\n\t@echo $@\n',
      {
        all: {
          status: 'succeeded',
          time: { kind: 'missing' },
          stem: '',
          automatic,
          hasVariableSet: true,
        },
        dep: {
          implicitSearched: true,
          status: 'succeeded',
          time: { kind: 'new' },
        },
      },
      ['all'],
    );
    const all = paragraph(text, 'all:');
    assert.ok(
      all.startsWith(
        'all: dep\n#  Command line target.\n' +
          '#  Implicit rule search has not been done.\n' +
          "#  Implicit/static pattern stem: ''\n" +
          '#  File does not exist.\n#  File has been updated.\n' +
          '#  Successfully updated.\n# automatic\n# @ := all\n',
      ),
      all,
    );
    assert.match(all, /\n# variable set hash-table stats:\n# Load=8\/32=25%/);
    assert.match(
      paragraph(text, 'dep:'),
      /# {2}Last modified 2514-05-30 \d\d:53:03\.107374182\n/,
    );
  });

  it('prints each rule of a double-colon target on its own', () => {
    const text = print('t:: ; @echo one\nt:: ; @echo two\n');
    assert.match(
      text,
      /\nt::\n(#.*\n)*\t @echo one\n\nt::\n(#.*\n)*\t @echo two\n/,
    );
  });

  it('prints vpath directives and the VPATH search path', () => {
    const text = print('vpath %.c src:lib\nvpath %.h inc\nVPATH = one two/\n');
    assert.equal(
      section(text, '# VPATH Search Paths', '# strcache'),
      '# VPATH Search Paths\n\n' +
        'vpath %.c src:lib\nvpath %.h inc\n\n' +
        "# 2 'vpath' search paths.\n\n" +
        "# General ('VPATH' variable) search path:\n# one:two\n",
    );
  });

  it('says when there are no search paths', () => {
    assert.match(
      print(''),
      /\n# VPATH Search Paths\n\n# No 'vpath' search paths.\n\n# No general \('VPATH' variable\) search path.\n/,
    );
  });
});

describe('formatFixed', () => {
  it('rounds an exact tie to the even digit, as C does', () => {
    assert.equal(formatFixed(12.5, 0), '12');
    assert.equal(formatFixed(13.5, 0), '14');
    assert.equal(formatFixed(0.25, 1), '0.2');
  });

  it('rounds other values to the nearest', () => {
    assert.equal(formatFixed((5 / 92) * 100, 1), '5.4');
    assert.equal(formatFixed((110 / 1024) * 100, 0), '11');
  });
});

describe('formatClock', () => {
  it('writes a date as C ctime does, without the newline', () => {
    assert.equal(
      formatClock(new Date(2026, 11, 3, 17, 4, 9)),
      'Thu Dec  3 17:04:09 2026',
    );
  });
});
