import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  Options,
  UsageError,
  defaultOptions,
  formatMakeflags,
  parseArguments,
  parseMakeflags,
} from './options';

function parse(...args: string[]): Options {
  const options = defaultOptions();
  parseArguments(args, options);
  return options;
}

function usageError(...args: string[]): string {
  try {
    parse(...args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

/** What `$(MAKEFLAGS)` is in a recipe of GNU make 4.3 run with `args`. */
function makeflagsFor(args: string[], jobserverAuth: string | null = null) {
  return formatMakeflags(parse(...args), jobserverAuth);
}

describe('parseArguments', () => {
  it('sets flags from grouped single letters', () => {
    const options = parse('-ks');
    assert.equal(options.keepGoing, true);
    assert.equal(options.silent, true);
  });

  it('separates variable assignments from goals', () => {
    const options = parse('FOO=bar', 'all', 'X+=1', 'clean');
    assert.deepEqual(options.variables, ['FOO=bar', 'X+=1']);
    assert.deepEqual(options.goals, ['all', 'clean']);
  });

  it('reads a required argument attached or in the next word', () => {
    const options = parse('-Cone', '-C', 'two', '--directory=three');
    assert.deepEqual(options.directories, ['one', 'two', 'three']);
  });

  it('reads every long name of an option', () => {
    const options = parse('--file=a', '--makefile', 'b', '-f', 'c');
    assert.deepEqual(options.makefiles, ['a', 'b', 'c']);
  });

  it('accepts an unambiguous prefix of a long option', () => {
    assert.equal(parse('--keep').keepGoing, true);
  });

  it('reads -j with a number, with a separate number and alone', () => {
    assert.equal(parse('-j4').jobs, 4);
    assert.equal(parse('-j', '3').jobs, 3);
    assert.equal(parse('-j').jobs, 0);
    assert.equal(parse('--jobs=2').jobs, 2);
  });

  it('does not take a goal after -j as its number', () => {
    const options = parse('-j', 'all');
    assert.equal(options.jobs, 0);
    assert.deepEqual(options.goals, ['all']);
  });

  it('treats every word after -- as a goal or an assignment', () => {
    const options = parse('--', '-k', 'x=1');
    assert.equal(options.keepGoing, false);
    assert.deepEqual(options.goals, ['-k']);
    assert.deepEqual(options.variables, ['x=1']);
  });

  it('lets --no-print-directory turn off -w', () => {
    assert.equal(parse('-w', '--no-print-directory').printDirectory, false);
    assert.equal(parse('-w').printDirectory, true);
    assert.equal(parse().printDirectory, null);
  });

  it('rejects an unknown long option in GNU words', () => {
    assert.equal(usageError('--foo'), "unrecognized option '--foo'");
  });

  it('rejects an unknown letter in GNU words', () => {
    assert.equal(usageError('-Z'), "invalid option -- 'Z'");
    assert.equal(usageError('-kZ'), "invalid option -- 'Z'");
  });

  it('rejects a missing argument of a letter in GNU words', () => {
    assert.equal(usageError('-C'), "option requires an argument -- 'C'");
  });

  it('rejects a missing argument of a long option in GNU words', () => {
    assert.equal(usageError('--file'), "option '--file' requires an argument");
  });

  it('rejects an argument to a long flag in GNU words', () => {
    assert.equal(
      usageError('--help=x'),
      "option '--help' doesn't allow an argument",
    );
  });

  it('rejects an ambiguous long option listing the possibilities as GNU does, its own after them', () => {
    assert.equal(
      usageError('--no'),
      "option '--no' is ambiguous; possibilities: '--no-builtin-rules'" +
        " '--no-builtin-variables' '--no-keep-going'" +
        " '--no-print-directory' '--no-silent' '--no-status'",
    );
    assert.equal(
      usageError('--j'),
      "option '--j' is ambiguous; possibilities: '--just-print' '--jobs'" +
        " '--jobserver-auth' '--jobserver-fds' '--jobserver-style'" +
        " '--job-timeout'",
    );
    assert.equal(
      usageError('--q'),
      "option '--q' is ambiguous; possibilities: '--question' '--quiet'",
    );
  });
});

describe('parseMakeflags', () => {
  it('reads a leading group of letters without a dash', () => {
    const options = defaultOptions();
    parseMakeflags('ks -- FOO=bar', options);
    assert.equal(options.keepGoing, true);
    assert.equal(options.silent, true);
    assert.deepEqual(options.variables, ['FOO=bar']);
  });

  it('reads options with values and long options', () => {
    const options = defaultOptions();
    parseMakeflags('s -I/tmp -j4 --no-print-directory', options);
    assert.equal(options.silent, true);
    assert.deepEqual(options.includeDirectories, ['/tmp']);
    assert.equal(options.jobs, 4);
    assert.equal(options.printDirectory, false);
  });

  it('reads a value that starts with a long option', () => {
    const options = defaultOptions();
    parseMakeflags(' --no-print-directory', options);
    assert.equal(options.printDirectory, false);
  });

  it('unescapes blanks in variable assignments after --', () => {
    const options = defaultOptions();
    parseMakeflags('k -- Y=1\\ 2 X=a', options);
    assert.deepEqual(options.variables, ['Y=1 2', 'X=a']);
  });

  it('reads an empty value as no options', () => {
    const options = defaultOptions();
    parseMakeflags('', options);
    assert.deepEqual(options, defaultOptions());
  });

  it('reads back what formatMakeflags writes', () => {
    const written = makeflagsFor(['-k', '-s', '-I', '/tmp', 'A=1', 'B=x y']);
    const options = defaultOptions();
    parseMakeflags(written, options);
    assert.equal(options.keepGoing, true);
    assert.equal(options.silent, true);
    assert.deepEqual(options.includeDirectories, ['/tmp']);
    assert.deepEqual(options.variables, ['B=x y', 'A=1']);
  });
});

describe('formatMakeflags', () => {
  it('is empty without options', () => {
    assert.equal(makeflagsFor([]), '');
  });

  it('writes letters, then -- and the variables, as GNU make does', () => {
    assert.equal(makeflagsFor(['-k', '-s', 'FOO=bar']), 'ks -- FOO=bar');
  });

  it('writes include directories and long options after the letters', () => {
    assert.equal(
      makeflagsFor(['-s', '-I', '/tmp', '--no-print-directory']),
      's -I/tmp --no-print-directory',
    );
  });

  it('starts with a space when there are no letters', () => {
    assert.equal(
      makeflagsFor(['--no-print-directory']),
      ' --no-print-directory',
    );
  });

  it('starts with a space before -- when there are only variables', () => {
    assert.equal(makeflagsFor(['FOO=bar']), ' -- FOO=bar');
  });

  it('orders letters as GNU make does', () => {
    assert.equal(
      makeflagsFor(['-s', '-B', '-i', '-L', '-r', '-R', '-e', '-k']),
      'BeikLrRs',
    );
    assert.equal(makeflagsFor(['-s', '-w', '-e']), 'esw');
  });

  it('writes the jobs, the jobserver and variables last defined first', () => {
    assert.equal(
      makeflagsFor(['-s', '-j4', 'A=1', 'B=x y'], '3,4'),
      's -j4 --jobserver-auth=3,4 -- B=x\\ y A=1',
    );
    assert.equal(makeflagsFor(['-s', '-j']), 's -j');
  });

  it('reads -Otarget as -O with the type target, as GNU make does', () => {
    assert.equal(
      makeflagsFor(['-s', '-Otarget', '--trace']),
      's -Otarget --trace',
    );
  });

  it('writes -l, -O, --trace, --debug and --warn-undefined-variables', () => {
    assert.equal(makeflagsFor(['-s', '-l', '2']), 's -l2');
    assert.equal(
      makeflagsFor(['-s', '--output-sync=target', '--trace']),
      's -Otarget --trace',
    );
    assert.equal(makeflagsFor(['-s', '--debug=b']), 's --debug=b');
    assert.equal(
      makeflagsFor(['-s', '--warn-undefined-variables']),
      's --warn-undefined-variables',
    );
  });

  it('writes -d as the letter d as GNU make does', () => {
    assert.equal(makeflagsFor(['-s', '-d']), 'ds');
  });

  it('leaves backslashes in variable values as they are, as GNU make does', () => {
    assert.equal(
      makeflagsFor(['-k', 'X=a\\b', 'Y=1 2']),
      'k -- Y=1\\ 2 X=a\\b',
    );
  });
});
