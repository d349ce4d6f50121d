import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MakeError } from '../report/errors';
import { Diagnostics } from '../report/reporter';
import { Expander, ExpansionHost, ShellResult } from './expand';
import {
  absolutePath,
  builtinFunctions,
  foldShellOutput,
  patsubst,
  systemErrorText,
} from './functions';
import {
  Flavor,
  Origin,
  VariableScope,
  VariableSet,
  newVariable,
} from './variables';

/**
 * A stand-in for the evaluator: collects output, runs commands with
 * /bin/sh and understands `name := value` and `name = value` for $(eval).
 */
class FakeHost implements ExpansionHost {
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly diagnostics = new Diagnostics(
    { out: (text) => this.out.push(text), err: (text) => this.err.push(text) },
    'make',
  );
  readonly functions = builtinFunctions;
  warnUndefined = false;
  readonly globals = new VariableSet();
  readonly scope = new VariableScope(this.globals, null);
  readonly expander = new Expander(this);
  readonly commands: string[] = [];

  evaluate(text: string, scope: VariableScope): void {
    for (const line of text.split('\n')) {
      const match = /^\s*(\S+)\s*(:?=)\s*(.*)$/.exec(line);
      if (!match) continue;
      const [, name, operator, value] = match;
      const simple = operator === ':=';
      const expanded = simple ? this.expander.expand(value!, scope) : value!;
      this.define(name!, expanded, simple ? 'simple' : 'recursive');
    }
  }

  shell(command: string): ShellResult {
    this.commands.push(command);
    const result = spawnSync('/bin/sh', ['-c', command]);
    return {
      output: result.stdout.toString('latin1'),
      status: result.status ?? 128 + 9,
    };
  }

  setGlobal(name: string, value: string): void {
    this.define(name, value, 'simple', 'override');
  }

  define(
    name: string,
    value: string,
    flavor: Flavor = 'recursive',
    origin: Origin = 'file',
  ): void {
    this.globals.set(newVariable(name, value, flavor, origin));
  }

  expand(text: string): string {
    return this.expander.expand(text, this.scope);
  }
}

function expand(text: string): string {
  return new FakeHost().expand(text);
}

/** The message of the MakeError that expanding the text throws. */
function errorOf(text: string, host = new FakeHost()): string {
  return thrownBy(() => host.expand(text)).message;
}

/** The MakeError that `action` throws. */
function thrownBy(action: () => void): MakeError {
  try {
    action();
  } catch (error) {
    if (error instanceof MakeError) return error;
    throw error;
  }
  assert.fail('no MakeError thrown');
}

describe('subst', () => {
  it('replaces every occurrence', () => {
    assert.equal(expand('$(subst a,,banana)'), 'bnn');
  });
  it('appends the replacement when the search text is empty', () => {
    assert.equal(expand('$(subst ,X,abc)'), 'abcX');
    assert.equal(expand('$(subst ,X,)'), 'X');
  });
  it('keeps spaces in its arguments except before the first', () => {
    assert.equal(expand('$(subst  a , b ,x a y)'), 'x  b y');
  });
});

describe('patsubst', () => {
  it('replaces the stem into the replacement and rejoins words', () => {
    assert.equal(expand('$(patsubst %.c,%.o,  a.c   b.c  )'), 'a.o b.o');
  });
  it('replaces only the first percent of the replacement', () => {
    assert.equal(expand('$(patsubst %,%%x,a)'), 'a%x');
  });
  it('replaces whole words in place when the pattern has no percent', () => {
    assert.equal(expand('$(patsubst a,b,  xa a  ax  )'), '  xa b  ax  ');
    assert.equal(expand('$(patsubst aa,X,aaa aa)'), 'aaa X');
    assert.equal(patsubst('a\ra a\fa', 'a', 'b'), 'b\rb b\fb');
  });
  it('drops words replaced by an empty replacement without percent', () => {
    assert.equal(expand('$(patsubst %,,a b c)'), '');
    assert.equal(expand('$(patsubst b%,,a b c)'), 'a c');
  });
  it('keeps the place of an empty stem put into a replacement', () => {
    assert.equal(expand('$(patsubst a%,%,a b)'), ' b');
    assert.equal(expand('$(patsubst b%,%,a b c)'), 'a  c');
    assert.equal(expand('$(patsubst a%,%,b a)'), 'b ');
  });
  it('matches an empty pattern only at an empty last word', () => {
    assert.equal(patsubst('a  b', '', 'X'), 'a  b');
    assert.equal(patsubst('', '', 'X'), 'X');
    assert.equal(patsubst('a ', '', 'X'), 'a X');
  });
  it('honours backslash-quoted percents', () => {
    assert.equal(expand('$(patsubst a\\%b,X,a%b a\\%b)'), 'X a\\%b');
    assert.equal(expand('$(patsubst a\\\\%b,<%>,a\\xb)'), '<x>');
  });
});

describe('strip', () => {
  it('collapses every kind of white space', () => {
    assert.equal(expand('$(strip  a \t\r b\n\fc\v )'), 'a b c');
  });
});

describe('findstring', () => {
  it('returns the text it finds, or nothing', () => {
    assert.equal(expand('$(findstring a b,xa by)'), 'a b');
    assert.equal(expand('$(findstring x,abc)'), '');
    assert.equal(expand('$(findstring ,abc)'), '');
  });
});

describe('filter and filter-out', () => {
  it('keeps the words that match any pattern, duplicates too', () => {
    assert.equal(expand('$(filter %.c a,  a.c  b  a  a)'), 'a.c a a');
  });
  it('removes the words that match', () => {
    assert.equal(expand('$(filter-out %.c, a.c  b   c )'), 'b c');
    assert.equal(expand('$(filter-out ,a b)'), 'a b');
  });
  it('compares patterns without percent literally', () => {
    assert.equal(expand('$(filter a\\%b,a%b)'), 'a%b');
    assert.equal(expand('$(filter \\\\,\\)'), '');
    assert.equal(expand('$(filter \\\\%,\\x)'), '\\x');
  });
});

describe('sort', () => {
  it('sorts in byte order and removes duplicates', () => {
    assert.equal(expand('$(sort b a B _ ~ a\tb)'), 'B _ a b ~');
  });
  it('orders characters beyond the BMP after the rest', () => {
    assert.equal(expand('$(sort \u{1F600} \uFFFD)'), '\uFFFD \u{1F600}');
  });
});

describe('word', () => {
  it('picks the nth word', () => {
    assert.equal(expand('$(word 2, a  b  c)'), 'b');
    assert.equal(expand('$(word 4,a b)'), '');
    assert.equal(expand('$(word \t02 ,a b c)'), 'b');
  });
  it('rejects a first argument that is not a number', () => {
    assert.equal(
      errorOf('$(word x ,a)'),
      "non-numeric first argument to 'word' function: 'x '",
    );
    assert.equal(
      errorOf('$(word -1,a)'),
      "non-numeric first argument to 'word' function: '-1'",
    );
    assert.equal(
      errorOf('$(word ,a)'),
      "non-numeric first argument to 'word' function: ''",
    );
  });
  it('rejects zero', () => {
    assert.equal(
      errorOf('$(word 0,a)'),
      "first argument to 'word' function must be greater than 0",
    );
  });
  it('wraps huge numbers as a C int does', () => {
    assert.equal(expand('$(word 4294967297,a b)'), 'a');
    assert.equal(expand('$(word 2147483648,a)'), '');
    assert.equal(expand('$(word 99999999999999999999,a)'), '');
    assert.match(errorOf('$(word 4294967296,a)'), /greater than 0/);
  });
});

describe('wordlist', () => {
  it('returns the words from start to end', () => {
    assert.equal(expand('$(wordlist 2,3,a b c d)'), 'b c');
    assert.equal(expand('$(wordlist 1,9,a  b c)'), 'a b c');
    assert.equal(expand('$(wordlist 3,2,a b c)'), '');
    assert.equal(expand('$(wordlist 2,0,a b c)'), '');
  });
  it('reports non-numeric arguments with their text', () => {
    assert.equal(
      errorOf('$(wordlist x,1,a)'),
      "non-numeric first argument to 'wordlist' function: 'x'",
    );
    assert.equal(
      errorOf('$(wordlist 1, y ,a)'),
      "non-numeric second argument to 'wordlist' function: ' y '",
    );
    assert.equal(
      errorOf('$(wordlist 0,x,a)'),
      "non-numeric second argument to 'wordlist' function: 'x'",
    );
  });
  it('reports a start below one by its value', () => {
    assert.equal(
      errorOf('$(wordlist 00,1,a)'),
      "invalid first argument to 'wordlist' function: '0'",
    );
  });
});

describe('words, firstword and lastword', () => {
  it('count and pick words split at any white space', () => {
    assert.equal(expand('$(words a\rb\fc\vd)'), '4');
    assert.equal(expand('$(words  )'), '0');
    assert.equal(expand('$(firstword   a b)'), 'a');
    assert.equal(expand('$(lastword a b  )'), 'b');
    assert.equal(expand('$(lastword  )'), '');
  });
});

describe('dir and notdir', () => {
  it('split each word at its last slash', () => {
    assert.equal(expand('$(dir a/b c /d ./e a/b/ /)'), 'a/ ./ / ./ a/b/ /');
    assert.equal(expand('$(notdir a/b c /x)'), 'b c x');
  });
  it('keep the place of an empty notdir', () => {
    assert.equal(expand('$(notdir a/ b/ c)'), '  c');
  });
});

describe('suffix and basename', () => {
  it('look only at the dot of the last path component', () => {
    assert.equal(expand('$(suffix a.c b c.d/e f.g.h .x a/.y)'), '.c .h .x .y');
    assert.equal(
      expand('$(basename a.c b c.d/e f.g.h .x a/.y a.b/)'),
      'a b c.d/e f.g  a/ a.b/',
    );
  });
});

describe('addsuffix, addprefix and join', () => {
  it('add to each word', () => {
    assert.equal(expand('$(addsuffix .c,a  b)'), 'a.c b.c');
    assert.equal(expand('$(addprefix x/, a  b )'), 'x/a x/b');
    assert.equal(expand('$(addprefix ,,)'), ',');
  });
  it('join words pairwise and keep the extra ones', () => {
    assert.equal(expand('$(join a b c,1 2)'), 'a1 b2 c');
    assert.equal(expand('$(join a,1 2 3)'), 'a1 2 3');
    assert.equal(expand('$(join ,)'), '');
  });
});

describe('abspath and realpath', () => {
  it('abspath resolves dots and slashes by text alone', () => {
    const cwd = process.cwd();
    assert.equal(
      expand('$(abspath a b/../c ./d/./e //x/y/ /../a /a/b/..)'),
      `${cwd}/a ${cwd}/c ${cwd}/d/e /x/y /a /a`,
    );
    assert.equal(absolutePath('/'), '/');
    assert.equal(absolutePath('//'), '/');
  });
  it('realpath resolves links and drops names that do not exist', () => {
    const directory = mkdtempSync(join(tmpdir(), 'amake-realpath-'));
    try {
      writeFileSync(join(directory, 'file'), '');
      symlinkSync('file', join(directory, 'link'));
      symlinkSync('nowhere', join(directory, 'dangling'));
      const real = expand(`$(realpath ${directory}/link)`);
      assert.match(real, /\/file$/);
      assert.equal(
        expand(`$(realpath ${directory}/dangling ${directory}/no)`),
        '',
      );
      assert.equal(expand(`$(realpath ${directory}/file/)`), '');
    } finally {
      rmSync(directory, { recursive: true });
    }
  });
});

describe('if, or and and', () => {
  it('if strips the condition before expanding it, not after', () => {
    const host = new FakeHost();
    host.define('space', ' ', 'simple');
    assert.equal(host.expand('$(if $(space),y,n)'), 'y');
    assert.equal(host.expand('$(if  ,y,n)'), 'n');
  });
  it('if expands only the branch it takes, unstripped', () => {
    const host = new FakeHost();
    assert.equal(host.expand('$(if a, b , $(info no))'), ' b ');
    assert.equal(host.expand('$(if ,y)'), '');
    assert.equal(host.expand('$(if a,b,c,d)'), 'b');
    assert.equal(host.expand('$(if ,b,c,d)'), 'c,d');
    assert.deepEqual(host.out, []);
  });
  it('or returns the first non-empty expansion', () => {
    const host = new FakeHost();
    host.define('space', ' ', 'simple');
    assert.equal(host.expand('$(or ,  , x ,$(info no))'), 'x');
    assert.equal(host.expand('$(or $(space),x)'), ' ');
    assert.equal(host.expand('$(or ,)'), '');
    assert.deepEqual(host.out, []);
  });
  it('and returns the last expansion unless one is empty', () => {
    const host = new FakeHost();
    assert.equal(host.expand('$(and a, b ,c )'), 'c');
    assert.equal(host.expand('$(and a,,$(info no))'), '');
    assert.deepEqual(host.out, []);
  });
  it('need their minimum number of arguments', () => {
    assert.equal(
      errorOf('$(if a)'),
      "insufficient number of arguments (1) to function 'if'",
    );
  });
});

describe('intcmp', () => {
  it('chooses among less, equal and greater parts', () => {
    assert.equal(expand('$(intcmp -10,-10)'), '-10');
    assert.equal(expand('$(intcmp -10,0)'), '');
    assert.equal(expand('$(intcmp -10,0,lt)'), 'lt');
    assert.equal(expand('$(intcmp 0,-10,lt)'), '');
    assert.equal(expand('$(intcmp 888,-10,lt,ge)'), 'ge');
    assert.equal(expand('$(intcmp 0,0,lt,ge)'), 'ge');
    assert.equal(expand('$(intcmp 888,-10,lt,eq,)'), '');
    assert.equal(expand('$(intcmp 888,0,lt,eq,gt)'), 'gt');
    assert.equal(expand('$(intcmp 888,888,lt,eq,gt)'), 'eq');
    assert.equal(expand('$(intcmp -889,-888,lt,eq,gt)'), 'lt');
  });
  it('handles numbers of any size and writes equal ones plainly', () => {
    const huge = '8857889956778499040639527525992734031025567913257255490371';
    assert.equal(expand(`$(intcmp -${huge},${huge},lt,eq,gt)`), 'lt');
    assert.equal(expand('$(intcmp -0, +0 )'), '0');
    assert.equal(expand('$(intcmp 007,7)'), '7');
  });
  it('expands only the part it returns', () => {
    const host = new FakeHost();
    host.expand('$(intcmp 1,2,,$(info eq),$(info gt))');
    assert.deepEqual(host.out, []);
  });
  it('rejects operands that are not integers', () => {
    assert.equal(
      errorOf('$(intcmp 12a,1,foo)'),
      "non-numeric first argument to 'intcmp' function: '12a'",
    );
    assert.equal(
      errorOf('$(intcmp 0,,foo)'),
      "non-numeric second argument to 'intcmp' function: ''",
    );
  });
});

describe('foreach', () => {
  it('binds a simple automatic variable in an inner scope', () => {
    const host = new FakeHost();
    host.define('x', 'outer');
    host.define('r', '[$(x)]');
    assert.equal(
      host.expand('$(foreach x,a b,$(origin x)/$(flavor x)/$(r))'),
      'automatic/simple/[a] automatic/simple/[b]',
    );
    assert.equal(host.expand('$(x) $(origin x)'), 'outer file');
  });
  it('keeps the place of empty results', () => {
    assert.equal(expand('$(foreach x,a b c,)'), '  ');
    assert.equal(expand('$(foreach x, ,y)'), '');
  });
  it('uses the first word of its first argument as the name', () => {
    assert.equal(expand('$(foreach x y,a b,<$(x)|$(y)>)'), '<a|> <b|>');
    assert.equal(expand('$(foreach ,a b,<$()>)'), '<a> <b>');
  });
  it('nests, the inner binding hiding the outer', () => {
    assert.equal(expand('$(foreach x,a b,$(foreach x,1 2,$x)$x)'), '1 2a 1 2b');
  });
});

describe('let', () => {
  it('binds words to names, the last name taking the rest', () => {
    const host = new FakeHost();
    host.define('a', 'bad');
    host.define('b', 'news');
    assert.equal(host.expand('$(let a b,1 2,$a $b)'), '1 2');
    assert.equal(host.expand('$(let a,1 2,$a)'), '1 2');
    assert.equal(host.expand('$(let a b,1,$a $b)'), '1 ');
    assert.equal(host.expand('$a $b'), 'bad news');
  });
  it('keeps white space inside and after the rest', () => {
    const host = new FakeHost();
    assert.equal(host.expand('$(let a b,   1   2   ,+$a+$b+)'), '+1+2   +');
    assert.equal(host.expand('$(let a,   1  2   ,+$a+)'), '+1  2   +');
    assert.equal(host.expand('$(let a b,  1   ,+$a+$b+)'), '+1++');
  });
  it('allows no names and still expands list and body', () => {
    const host = new FakeHost();
    assert.equal(host.expand('$(let    ,$(info blank),abc)'), 'abc');
    assert.deepEqual(host.out, ['blank\n']);
  });
  it('makes its variables automatic and simple', () => {
    assert.equal(
      expand('$(let a,1,$(origin a) $(flavor a))'),
      'automatic simple',
    );
  });
  it('works in recursive functions', () => {
    const host = new FakeHost();
    host.define(
      'reverse',
      '$(let first rest,$1,$(if $(rest),$(call reverse,$(rest)) )$(first))',
    );
    assert.equal(
      host.expand('$(call reverse, moe   miny  meeny eeny )'),
      'eeny meeny miny moe',
    );
  });
});

describe('call', () => {
  it('binds $(0) to the name and $(1)... to the arguments', () => {
    const host = new FakeHost();
    host.define('f', '<$(0)|$(1)|$(2)|$(origin 1)|$(flavor 1)|$(origin 3)>');
    assert.equal(
      host.expand('$(call f,a,b)'),
      '<f|a|b|automatic|simple|undefined>',
    );
    assert.equal(
      host.expand('$(call f , a , b )'),
      '<f| a | b |automatic|simple|undefined>',
    );
  });
  it('hides the arguments of an outer call from a nested one', () => {
    const host = new FakeHost();
    host.define('f', '<$(0)|$(1)|$(2)|$(3)|$(origin 3)>');
    host.define('g', '$(call f,x)');
    host.define('h', '$(call f,p,q,r) / $(call g,y,z)');
    assert.equal(
      host.expand('$(call h,A,B,C,D)'),
      '<f|p|q|r|automatic> / <f|x|||automatic>',
    );
  });
  it('allows recursion', () => {
    const host = new FakeHost();
    host.define(
      'rev',
      '$(if $(1),$(call rev,$(wordlist 2,$(words $(1)),$(1)))' +
        ' $(firstword $(1)))',
    );
    assert.equal(host.expand('$(call rev,a b c)'), ' c b a');
  });
  it('does not expand a simple variable again', () => {
    const host = new FakeHost();
    host.define('s', '$(1)-', 'simple');
    assert.equal(host.expand('$(call s,Q)'), '$(1)-');
  });
  it('returns nothing for an undefined or empty name and warns', () => {
    const host = new FakeHost();
    host.warnUndefined = true;
    assert.equal(host.expand('$(call nothing,a)'), '');
    assert.equal(host.expand('$(call ,a)'), '');
    assert.deepEqual(host.err, [
      "make: warning: undefined variable 'nothing'\n",
    ]);
  });
  it('runs built-in functions with the arguments as they are', () => {
    const host = new FakeHost();
    assert.equal(host.expand('$(call subst,a,b,aaa)'), 'bbb');
    assert.equal(host.expand('$(call if,,x,y)'), 'y');
    assert.equal(host.expand('$(call foreach,v,a b,[$$v])'), '[a] [b]');
    assert.equal(host.expand('$(call word,1,a b,c)'), 'a');
    assert.equal(host.expand('$(call call,subst,a,b,aba)'), 'bbb');
    assert.equal(host.expand('$(call error)'), '');
    host.expand('$(call info,a,b,c)');
    assert.deepEqual(host.out, ['a, b, c\n']);
  });
  it('checks the argument count of a built-in function', () => {
    assert.equal(
      errorOf('$(call subst,a)'),
      "insufficient number of arguments (1) to function 'subst'",
    );
    assert.equal(
      errorOf('$(call word)'),
      "insufficient number of arguments (0) to function 'word'",
    );
  });
});

describe('value, origin and flavor', () => {
  it('value returns the unexpanded value and does not strip the name', () => {
    const host = new FakeHost();
    host.define('foo', '$(bar) x');
    assert.equal(host.expand('$(value foo)'), '$(bar) x');
    assert.equal(host.expand('$(value foo )'), '');
    assert.equal(host.expand('$(value nothing)'), '');
  });
  it('origin names where a variable came from', () => {
    const host = new FakeHost();
    const origins: Origin[] = [
      'default',
      'environment',
      'environment override',
      'file',
      'command line',
      'override',
      'automatic',
    ];
    for (const origin of origins) {
      host.define('v', '', 'recursive', origin);
      assert.equal(host.expand('$(origin v)'), origin);
    }
    assert.equal(host.expand('$(origin nothing)'), 'undefined');
    assert.equal(host.expand('$(origin v )'), 'undefined');
  });
  it('flavor tells recursive from simple', () => {
    const host = new FakeHost();
    host.define('r', 'x');
    host.define('s', 'x', 'simple');
    assert.equal(host.expand('$(flavor r) $(flavor s)'), 'recursive simple');
    assert.equal(host.expand('$(flavor nothing)'), 'undefined');
  });
});

describe('eval', () => {
  it('hands the text to the host and expands to nothing', () => {
    const host = new FakeHost();
    assert.equal(host.expand('$(eval x := 1)'), '');
    assert.equal(host.expand('$(x)'), '1');
  });
});

describe('shell', () => {
  it('turns newlines into spaces and removes trailing ones', () => {
    const host = new FakeHost();
    assert.equal(host.expand("$(shell printf 'a\\nb\\n\\n')"), 'a b');
    assert.equal(host.expand('$(.SHELLSTATUS)'), '0');
  });
  it('sets .SHELLSTATUS to the exit status', () => {
    const host = new FakeHost();
    assert.equal(host.expand('$(shell exit 3)'), '');
    assert.equal(
      host.expand('$(.SHELLSTATUS) $(origin .SHELLSTATUS)'),
      '3 override',
    );
  });
  it('runs nothing for a blank command', () => {
    const host = new FakeHost();
    host.define('space', ' \n ', 'simple');
    assert.equal(host.expand('$(shell $(space))'), '');
    assert.deepEqual(host.commands, []);
    assert.equal(host.expand('$(origin .SHELLSTATUS)'), 'undefined');
  });
  it('folds output as GNU make does', () => {
    assert.equal(foldShellOutput('a\r\nb\r\n'), 'a b');
    assert.equal(foldShellOutput('a\rb\r'), 'a\rb\r');
    assert.equal(foldShellOutput('a\r\r\n'), 'a\r');
    assert.equal(foldShellOutput('a  \n '), 'a    ');
    assert.equal(foldShellOutput('\n\na'), '  a');
    assert.equal(foldShellOutput('ab\0cd\n'), 'ab');
  });
  it('removes only one trailing newline for !=', () => {
    assert.equal(foldShellOutput('a\n\n', false), 'a ');
    assert.equal(foldShellOutput('a\n', false), 'a');
  });
});

describe('file', () => {
  let directory = '';
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'amake-file-'));
  });
  after(() => {
    rmSync(directory, { recursive: true });
  });

  it('writes the text and a newline', () => {
    const name = join(directory, 'a');
    assert.equal(expand(`$(file >${name},abc)`), '');
    assert.equal(readFileSync(name, 'latin1'), 'abc\n');
  });
  it('adds no newline after text that ends in one', () => {
    const host = new FakeHost();
    host.define('NL', '\n', 'simple');
    const name = join(directory, 'b');
    host.expand(`$(file >${name},abc$(NL))`);
    assert.equal(readFileSync(name, 'latin1'), 'abc\n');
  });
  it('writes a lone newline for empty text and nothing without text', () => {
    const name = join(directory, 'c');
    expand(`$(file >${name},)`);
    assert.equal(readFileSync(name, 'latin1'), '\n');
    expand(`$(file >${name})`);
    assert.equal(readFileSync(name, 'latin1'), '');
  });
  it('appends, keeps commas in the text, skips blanks before the name', () => {
    const name = join(directory, 'd');
    expand(`$(file >  ${name},a,b)`);
    expand(`$(file >>${name},c)`);
    assert.equal(readFileSync(name, 'latin1'), 'a,b\nc\n');
  });
  it('reads a file less one final newline', () => {
    const name = join(directory, 'e');
    writeFileSync(name, 'a\n\n');
    assert.equal(expand(`$(file < ${name})`), 'a\n');
    assert.equal(expand(`$(file <${directory}/missing)`), '');
  });
  it('keeps trailing blanks in the name', () => {
    const name = join(directory, 'f');
    expand(`$(file >${name} ,x)`);
    assert.equal(readFileSync(name + ' ', 'latin1'), 'x\n');
  });
  it('reports bad operations, missing names and extra arguments', () => {
    assert.equal(errorOf('$(file >)'), 'file: missing filename');
    assert.equal(errorOf('$(file <,a)'), 'file: missing filename');
    assert.equal(errorOf('$(file x)'), 'file: invalid file operation: x');
    assert.equal(
      errorOf('$(call file,  >x,a)'),
      'file: invalid file operation:   >x',
    );
    assert.equal(errorOf('$(file <x,text)'), 'file: too many arguments');
  });
  it('reports files it cannot open or read as strerror does', () => {
    assert.equal(
      errorOf('$(file >/nonexistent/dir/x,a)'),
      'open: /nonexistent/dir/x: No such file or directory',
    );
    assert.equal(
      errorOf(`$(file <${directory})`),
      `read: ${directory}: Is a directory`,
    );
    assert.equal(
      errorOf(`$(file >${directory},a)`),
      `open: ${directory}: Is a directory`,
    );
  });
});

describe('info, warning and error', () => {
  it('info writes the text and a newline to standard output', () => {
    const host = new FakeHost();
    host.expand('$(info a, b )');
    host.expand('$(info )');
    assert.deepEqual(host.out, ['a, b \n', '\n']);
  });
  it('warning writes the text after the location', () => {
    const host = new FakeHost();
    host.expander.location = { file: 'Makefile', line: 3 };
    host.expand('$(warning  w1, x )');
    assert.deepEqual(host.err, ['Makefile:3: w1, x \n']);
  });
  it('error throws the text with the location', () => {
    const host = new FakeHost();
    host.expander.location = { file: 'Makefile', line: 6 };
    const error = thrownBy(() => host.expand('$(error  a , b )'));
    assert.equal(error.message, 'a , b ');
    assert.deepEqual(error.location, { file: 'Makefile', line: 6 });
  });
});

describe('wildcard', () => {
  let directory = '';
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'amake-wildcard-'));
    mkdirSync(join(directory, 'sub'));
    for (const name of ['b.c', 'a.c', 'B.c', 'sp ace.c', 'sub/x.c']) {
      writeFileSync(join(directory, name), '');
    }
  });
  after(() => {
    rmSync(directory, { recursive: true });
  });

  it('sorts each pattern but keeps the order of the patterns', () => {
    assert.equal(
      expand(`$(wildcard ${directory}/*.c ${directory}/a.c)`),
      [`B.c`, `a.c`, `b.c`, `sp ace.c`, `a.c`]
        .map((name) => `${directory}/${name}`)
        .join(' '),
    );
  });
  it('takes a backslash-quoted space into the word', () => {
    assert.equal(
      expand(`$(wildcard ${directory}/sp\\ ace.c)`),
      `${directory}/sp ace.c`,
    );
  });
});

describe('systemErrorText', () => {
  it('turns Node errors into strerror texts', () => {
    const error = Object.assign(new Error('ELOOP: too many, open'), {
      code: 'ELOOP',
    });
    assert.equal(systemErrorText(error), 'Too many levels of symbolic links');
    const other = Object.assign(new Error('EXDEV: cross-device link, x'), {
      code: 'EXDEV',
    });
    assert.equal(systemErrorText(other), 'Cross-device link');
  });
});
