import { strict as assert } from 'node:assert';
import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  compareByteOrder,
  expandFileName,
  expandTilde,
  glob,
  hasGlobCharacters,
  wildcard,
  wildcardWords,
} from './glob';

/**
 * The tree the tests glob in, made in a fresh directory that becomes the
 * current one, as GNU make's relative patterns are.
 */
const files = [
  'B.c',
  'a.c',
  'b.c',
  '_x.c',
  '.h.c',
  'sp ace.c',
  'q?.c',
  'st*r.c',
  '[ab].c',
  '~file',
  'sub/x.c',
  'sub/y.c',
  'sub/.hidden',
  'sub/deep/z.c',
  'Sub2/x.c',
];

let home = '';
let previousDirectory = '';
let previousHome: string | undefined;

before(() => {
  previousDirectory = process.cwd();
  previousHome = process.env.HOME;
  home = realpathSync(mkdtempSync(join(tmpdir(), 'amake-glob-')));
  process.chdir(home);
  for (const name of files) {
    mkdirSync(join(home, name, '..'), { recursive: true });
    writeFileSync(join(home, name), '');
  }
  symlinkSync('nowhere', 'dangling.c');
  symlinkSync('sub', 'linkdir');
  process.env.HOME = home;
});

after(() => {
  process.chdir(previousDirectory);
  if (previousHome === undefined) delete process.env.HOME;
  else process.env.HOME = previousHome;
  rmSync(home, { recursive: true });
});

/** `$(wildcard)` of the text, joined as the function joins it. */
function expand(text: string): string {
  return wildcard(text).join(' ');
}

describe('glob', () => {
  it('matches names in byte order, hidden files left out', () => {
    assert.equal(
      expand('*.c'),
      'B.c [ab].c _x.c a.c b.c dangling.c q?.c sp ace.c st*r.c',
    );
  });
  it('matches hidden files, . and .. only with a literal leading dot', () => {
    assert.equal(expand('.*.c'), '.h.c');
    assert.equal(expand('sub/.*'), 'sub/. sub/.. sub/.hidden');
    assert.equal(expand('?h.c [.]h.c'), '');
  });
  it('globs directory components', () => {
    assert.equal(expand('*/x.c'), 'Sub2/x.c linkdir/x.c sub/x.c');
    assert.equal(expand('*/*/*.c'), 'linkdir/deep/z.c sub/deep/z.c');
    assert.equal(expand('./sub/../[ab].c'), './sub/../a.c ./sub/../b.c');
  });
  it('keeps repeated slashes as written', () => {
    assert.equal(expand('sub//*.c'), 'sub//x.c sub//y.c');
    assert.equal(expand('su*//x.c'), 'sub//x.c');
  });
  it('treats a quoted slash as a separator', () => {
    assert.equal(expand('s*\\/x.c'), 'sub/x.c');
  });
  it('returns a word without wildcards only if it exists', () => {
    assert.equal(expand('b.c a.c nonexistent.c b.c'), 'b.c a.c b.c');
    assert.equal(expand('dangling.c'), 'dangling.c');
    assert.equal(expand('a\\.c'), 'a.c');
  });
  it('sorts each pattern, not the whole list', () => {
    assert.equal(expand('b.c [ab].c'), 'b.c a.c b.c');
  });
  it('honours backslash quoting of wildcards', () => {
    assert.equal(expand('q\\?.c st\\*r.c \\[ab].c'), 'q?.c st*r.c [ab].c');
    assert.equal(expand('\\*'), '');
  });
  it('understands bracket expressions', () => {
    assert.equal(expand('[!ab].c'), 'B.c');
    assert.equal(expand('[^ab].c'), 'B.c');
    assert.equal(expand('[a-b].c'), 'a.c b.c');
    assert.equal(expand('[b-a].c'), '');
    assert.equal(expand('[]ab].c'), 'a.c b.c');
    assert.equal(expand('[[]ab].c'), '[ab].c');
    assert.equal(expand('[[:upper:]].c'), 'B.c');
    assert.equal(expand('[[:alpha:]_]x.c'), '_x.c');
  });
  it('takes an unclosed bracket literally', () => {
    assert.equal(expand('*.[c ['), '');
  });
  it('matches only directories before a trailing slash, and marks them', () => {
    assert.equal(expand('*/'), 'Sub2/ linkdir/ sub/');
    assert.equal(expand('*.c/'), '');
    assert.equal(expand('s*/d*/'), 'sub/deep/');
    assert.equal(expand('sub//'), 'sub/');
    assert.equal(expand('./ / //'), './ / /');
  });
  it('drops the slash after a literal name that is not a directory', () => {
    assert.equal(expand('a.c/ a.c// dangling.c/'), 'a.c a.c dangling.c');
    assert.equal(expand('*/x.c/'), 'Sub2/x.c linkdir/x.c sub/x.c');
  });
  it('finds nothing under a name that is not a directory', () => {
    assert.equal(expand('a.c/* nonexistent/*.c nonexistent/'), '');
  });
  it('expands a tilde to the home directory', () => {
    assert.equal(expand('~'), home);
    assert.equal(expand('~/a.c'), `${home}/a.c`);
    assert.equal(expand('~/*.c').split(' ')[0], `${home}/B.c`);
  });
  it('expands ~user from the password file', () => {
    assert.equal(expandTilde('~root/x'), '/root/x');
    assert.equal(expandTilde('~no-such-user/x'), '~no-such-user/x');
  });
  it('leaves a tilde that names no user to match literally', () => {
    assert.equal(expand('~file \\~file'), '~file ~file');
  });
  it('returns absolute matches for absolute patterns', () => {
    assert.equal(
      expand(`${home}/s*`),
      `${home}/sp ace.c ${home}/st*r.c ${home}/sub`,
    );
  });
});

describe('wildcardWords', () => {
  it('splits at spaces and tabs but not at newlines', () => {
    assert.deepEqual(wildcardWords(' a\tb  c\nd '), ['a', 'b', 'c\nd']);
  });
  it('keeps a backslash-quoted blank in the word', () => {
    assert.deepEqual(wildcardWords('sp\\ ace.c x'), ['sp ace.c', 'x']);
    assert.equal(expand('sp\\ ace.c'), 'sp ace.c');
  });
  it('halves backslashes before a blank', () => {
    assert.deepEqual(wildcardWords('a\\\\ b'), ['a\\', 'b']);
    assert.deepEqual(wildcardWords('a\\\\\\ b'), ['a\\ b']);
    assert.deepEqual(wildcardWords('a\\b'), ['a\\b']);
  });
});

describe('globbing rule names', () => {
  it('hasGlobCharacters spots wildcards, quoted or not, and tildes', () => {
    assert.equal(hasGlobCharacters('a.c'), false);
    assert.equal(hasGlobCharacters('*.c'), true);
    assert.equal(hasGlobCharacters('q\\?.c'), true);
    assert.equal(hasGlobCharacters('~/x'), true);
  });
  it('glob returns the matches of a quoted wildcard without quoting', () => {
    assert.deepEqual(glob('q\\?.c'), ['q?.c']);
    assert.deepEqual(glob('nofile\\?.c'), []);
  });
  it('expandFileName keeps a name that matches nothing', () => {
    assert.deepEqual(expandFileName('nomatch*.x'), ['nomatch*.x']);
    assert.deepEqual(expandFileName('nofile\\?.c'), ['nofile\\?.c']);
    assert.deepEqual(expandFileName('[ab].c'), ['a.c', 'b.c']);
  });
  it('expandFileName expands the tilde even without a match', () => {
    assert.deepEqual(expandFileName('~/plain'), [`${home}/plain`]);
  });
});

describe('compareByteOrder', () => {
  it('orders as strcmp on bytes', () => {
    const names = [
      'b',
      'B',
      '_',
      'a',
      'ab',
      '~',
      '\u00e9',
      '\u{1F600}',
      '\uFFFD',
    ];
    assert.deepEqual(names.sort(compareByteOrder), [
      'B',
      '_',
      'a',
      'ab',
      'b',
      '~',
      '\u00e9',
      '\uFFFD',
      '\u{1F600}',
    ]);
  });
});
