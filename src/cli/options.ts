/**
 * The command line of GNU make 4.3: every option `make --help` lists, read
 * from argv and from MAKEFLAGS, and written back into MAKEFLAGS for
 * sub-makes the way GNU make writes it.
 */

export interface Options {
  alwaysMake: boolean;
  directories: string[];
  debug: string[];
  environmentOverrides: boolean;
  evals: string[];
  makefiles: string[];
  help: boolean;
  ignoreErrors: boolean;
  includeDirectories: string[];
  /** null: no -j; 0: -j without a number. */
  jobs: number | null;
  keepGoing: boolean;
  loadAverage: number | null;
  checkSymlinkTimes: boolean;
  justPrint: boolean;
  oldFiles: string[];
  outputSync: string | null;
  printDatabase: boolean;
  question: boolean;
  noBuiltinRules: boolean;
  noBuiltinVariables: boolean;
  silent: boolean;
  touch: boolean;
  trace: boolean;
  version: boolean;
  printDirectory: boolean | null;
  newFiles: string[];
  warnUndefined: boolean;
  /** `--jobserver-auth=R,W` (or `fifo:PATH`) from a parent make. */
  jobserverAuth: string | null;
  /** `--jobserver-style=fifo` or `pipe`: how a top make serves tokens. */
  jobserverStyle: string | null;
  /** amake's own: no status line. */
  noStatus: boolean;
  /** `--job-timeout=SECONDS`: the longest a job may run, if set. */
  jobTimeout: number | null;
  /** amake's own: the `--remote-*` options of remote execution. */
  remote: RemoteOptionValues;
  /** Variable assignments on the command line, in order. */
  variables: string[];
  goals: string[];
}

/** What the `--remote-*` options say, as given. */
export interface RemoteOptionValues {
  /** `--remote-executor=grpc://HOST:PORT`; null: jobs run here. */
  executor: string | null;
  instanceName: string;
  headers: [string, string][];
  tlsCa: string | null;
  tlsCert: string | null;
  tlsKey: string | null;
  platform: [string, string][];
  jobs: number | null;
  noCache: boolean;
  fallback: boolean;
  /** `--remote-input=DIR`: directories besides the workspace. */
  inputs: string[];
  /** `--remote-env=NAME`: variables of amake's environment to send. */
  environment: string[];
  /** The words that said all this, for sub-makes. */
  words: string[];
}

export function defaultOptions(): Options {
  return {
    alwaysMake: false,
    directories: [],
    debug: [],
    environmentOverrides: false,
    evals: [],
    makefiles: [],
    help: false,
    ignoreErrors: false,
    includeDirectories: [],
    jobs: null,
    keepGoing: false,
    loadAverage: null,
    checkSymlinkTimes: false,
    justPrint: false,
    oldFiles: [],
    outputSync: null,
    printDatabase: false,
    question: false,
    noBuiltinRules: false,
    noBuiltinVariables: false,
    silent: false,
    touch: false,
    trace: false,
    version: false,
    printDirectory: null,
    newFiles: [],
    warnUndefined: false,
    jobserverAuth: null,
    jobserverStyle: null,
    noStatus: false,
    jobTimeout: null,
    remote: {
      executor: null,
      instanceName: '',
      headers: [],
      tlsCa: null,
      tlsCert: null,
      tlsKey: null,
      platform: [],
      jobs: null,
      noCache: false,
      fallback: false,
      inputs: [],
      environment: [],
      words: [],
    },
    variables: [],
    goals: [],
  };
}

type Argument = 'none' | 'required' | 'optional';

interface OptionSpec {
  readonly short: string | null;
  readonly long: readonly string[];
  readonly argument: Argument;
  /** Applies the option; `value` is null when no argument was given. */
  readonly apply: (options: Options, value: string | null) => void;
}

const specs: readonly OptionSpec[] = [
  flag('b', [], () => {}),
  flag('m', [], () => {}),
  flag('B', ['always-make'], (o) => (o.alwaysMake = true)),
  spec('C', ['directory'], 'required', (o, v) => o.directories.push(v!)),
  flag('d', [], (o) => o.debug.push('a')),
  spec(null, ['debug'], 'optional', (o, v) => o.debug.push(v ?? 'b')),
  flag('e', ['environment-overrides'], (o) => (o.environmentOverrides = true)),
  spec('E', ['eval'], 'required', (o, v) => o.evals.push(v!)),
  spec('f', ['file', 'makefile'], 'required', (o, v) => o.makefiles.push(v!)),
  flag('h', ['help'], (o) => (o.help = true)),
  flag('i', ['ignore-errors'], (o) => (o.ignoreErrors = true)),
  spec('I', ['include-dir'], 'required', (o, v) =>
    o.includeDirectories.push(v!),
  ),
  spec('j', ['jobs'], 'optional', (o, v) => (o.jobs = parseCount(v))),
  flag('k', ['keep-going'], (o) => (o.keepGoing = true)),
  spec('l', ['load-average', 'max-load'], 'optional', (o, v) => {
    o.loadAverage = v === null ? null : Number(v);
  }),
  flag('L', ['check-symlink-times'], (o) => (o.checkSymlinkTimes = true)),
  flag('n', ['just-print', 'dry-run', 'recon'], (o) => (o.justPrint = true)),
  spec('o', ['old-file', 'assume-old'], 'required', (o, v) =>
    o.oldFiles.push(v!),
  ),
  spec('O', ['output-sync'], 'optional', (o, v) => {
    o.outputSync = v ?? 'target';
  }),
  flag('p', ['print-data-base'], (o) => (o.printDatabase = true)),
  flag('q', ['question'], (o) => (o.question = true)),
  flag('r', ['no-builtin-rules'], (o) => (o.noBuiltinRules = true)),
  flag('R', ['no-builtin-variables'], (o) => (o.noBuiltinVariables = true)),
  flag('s', ['silent', 'quiet'], (o) => (o.silent = true)),
  flag(null, ['no-silent'], (o) => (o.silent = false)),
  flag('S', ['no-keep-going', 'stop'], (o) => (o.keepGoing = false)),
  flag('t', ['touch'], (o) => (o.touch = true)),
  flag(null, ['trace'], (o) => (o.trace = true)),
  flag('v', ['version'], (o) => (o.version = true)),
  flag('w', ['print-directory'], (o) => (o.printDirectory = true)),
  flag(null, ['no-print-directory'], (o) => (o.printDirectory = false)),
  spec('W', ['what-if', 'new-file', 'assume-new'], 'required', (o, v) =>
    o.newFiles.push(v!),
  ),
  flag(null, ['warn-undefined-variables'], (o) => (o.warnUndefined = true)),
  spec(null, ['jobserver-auth', 'jobserver-fds'], 'required', (o, v) => {
    o.jobserverAuth = v;
  }),
  spec(null, ['jobserver-style'], 'required', (o, v) => {
    o.jobserverStyle = v;
  }),
  flag(null, ['no-status'], (o) => (o.noStatus = true)),
  spec(null, ['job-timeout'], 'required', (o, v) => {
    const seconds = Number(v);
    if (!(seconds > 0)) {
      throw new UsageError(`invalid --job-timeout value '${v}'`);
    }
    o.jobTimeout = seconds;
  }),
  remote('executor', (r, v) => (r.executor = v)),
  remote('instance-name', (r, v) => (r.instanceName = v)),
  remote('header', (r, v) => r.headers.push(nameAndValue('header', v))),
  remote('tls-ca', (r, v) => (r.tlsCa = v)),
  remote('tls-cert', (r, v) => (r.tlsCert = v)),
  remote('tls-key', (r, v) => (r.tlsKey = v)),
  remote('platform', (r, v) => r.platform.push(nameAndValue('platform', v))),
  remote('jobs', (r, v) => {
    const count = Number(v);
    if (!Number.isInteger(count) || count < 1) {
      throw new UsageError(`invalid --remote-jobs value '${v}'`, false);
    }
    r.jobs = count;
  }),
  remote('input', (r, v) => r.inputs.push(v)),
  remote('env', (r, v) => r.environment.push(v)),
  remoteFlag('no-cache', (r) => (r.noCache = true)),
  remoteFlag('fallback', (r) => (r.fallback = true)),
];

/** A `--remote-NAME=VALUE` option; the word is kept for sub-makes. */
function remote(
  name: string,
  apply: (remote: RemoteOptionValues, value: string) => void,
): OptionSpec {
  return spec(null, [`remote-${name}`], 'required', (o, v) => {
    apply(o.remote, v!);
    o.remote.words.push(`--remote-${name}=${v}`);
  });
}

function remoteFlag(
  name: string,
  apply: (remote: RemoteOptionValues) => void,
): OptionSpec {
  return flag(null, [`remote-${name}`], (o) => {
    apply(o.remote);
    o.remote.words.push(`--remote-${name}`);
  });
}

function nameAndValue(option: string, value: string): [string, string] {
  const equals = value.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(
      `invalid --remote-${option} value '${value}': write NAME=VALUE`,
      false,
    );
  }
  return [value.slice(0, equals), value.slice(equals + 1)];
}

function spec(
  short: string | null,
  long: string[],
  argument: Argument,
  apply: (options: Options, value: string | null) => void,
): OptionSpec {
  return { short, long, argument, apply };
}

function flag(
  short: string | null,
  long: string[],
  apply: (options: Options) => void,
): OptionSpec {
  return { short, long, argument: 'none', apply: (o) => apply(o) };
}

function parseCount(value: string | null): number {
  if (value === null) return 0;
  return Number.parseInt(value, 10);
}

/** A command-line error, reported in GNU's words by the caller. */
export class UsageError extends Error {
  /**
   * Whether getopt found it, and names the program by the path it was
   * invoked by; make's own checks name it by its name.
   */
  constructor(
    message: string,
    readonly fromGetopt = true,
  ) {
    super(message);
  }
}

/**
 * Reads arguments into `options`. Words with `=` are variable assignments;
 * other words are goals. `--` ends the options.
 */
export function parseArguments(args: readonly string[], options: Options) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) addOperand(rest, options);
      return;
    }
    if (arg.startsWith('--')) {
      i = parseLong(args, i, options);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      i = parseShort(args, i, options);
      continue;
    }
    addOperand(arg, options);
  }
}

function addOperand(word: string, options: Options): void {
  if (/^[^=]*[^= \t]?[:+?!]?=/.test(word) && !word.startsWith('=')) {
    options.variables.push(word);
  } else {
    options.goals.push(word);
  }
}

/**
 * GNU make 4.3's long options in the order of its table, each with the
 * switch it sets. getopt lists the possibilities of an ambiguous prefix
 * in this order, leaving out those that set the same switch as the first.
 */
const GNU_LONG_OPTIONS: readonly (readonly [string, string])[] = [
  ['always-make', 'B'],
  ['environment-overrides', 'e'],
  ['eval', 'E'],
  ['help', 'h'],
  ['ignore-errors', 'i'],
  ['keep-going', 'k'],
  ['check-symlink-times', 'L'],
  ['just-print', 'n'],
  ['print-data-base', 'p'],
  ['question', 'q'],
  ['no-builtin-rules', 'r'],
  ['no-builtin-variables', 'R'],
  ['silent', 's'],
  ['no-keep-going', 'S'],
  ['touch', 't'],
  ['version', 'v'],
  ['print-directory', 'w'],
  ['directory', 'C'],
  ['file', 'f'],
  ['include-dir', 'I'],
  ['jobs', 'j'],
  ['load-average', 'l'],
  ['old-file', 'o'],
  ['output-sync', 'O'],
  ['what-if', 'W'],
  ['debug', 'debug'],
  ['jobserver-auth', 'jobserver-auth'],
  ['trace', 'trace'],
  ['no-print-directory', 'no-print-directory'],
  ['warn-undefined-variables', 'warn-undefined-variables'],
  ['no-silent', 'no-silent'],
  ['jobserver-fds', 'jobserver-fds'],
  // GNU's aliases come after its table.
  ['quiet', 's'],
  ['stop', 'S'],
  ['new-file', 'W'],
  ['assume-new', 'W'],
  ['assume-old', 'o'],
  ['max-load', 'l'],
  ['dry-run', 'n'],
  ['recon', 'n'],
  ['makefile', 'f'],
];

/** getopt's words for a prefix of several options, with the list. */
function ambiguous(name: string): UsageError {
  const gnu = new Set(GNU_LONG_OPTIONS.map(([long]) => long));
  // amake's own options come after GNU's.
  const table = [
    ...GNU_LONG_OPTIONS,
    ...specs.flatMap((each, index) =>
      each.long
        .filter((long) => !gnu.has(long))
        .map((long) => [long, `amake ${index}`] as const),
    ),
  ];
  const matching = table.filter(([long]) => long.startsWith(name));
  const first = matching[0]![1];
  const listed = matching.filter(([, key], i) => i === 0 || key !== first);
  const names = listed.map(([long]) => `'--${long}'`).join(' ');
  return new UsageError(
    `option '--${name}' is ambiguous; possibilities: ${names}`,
  );
}

function parseLong(args: readonly string[], i: number, options: Options) {
  const arg = args[i]!;
  const equals = arg.indexOf('=');
  const name = arg.slice(2, equals < 0 ? undefined : equals);
  const inline = equals < 0 ? null : arg.slice(equals + 1);
  const matches = specs.filter((s) => s.long.some((l) => l.startsWith(name)));
  const exact = specs.find((s) => s.long.includes(name));
  const found = exact ?? (matches.length === 1 ? matches[0] : undefined);
  if (!found) {
    if (matches.length > 1) throw ambiguous(name);
    throw new UsageError(`unrecognized option '--${name}'`);
  }
  const longName = exact ? name : found.long[0]!;
  if (found.argument === 'none') {
    if (inline !== null) {
      throw new UsageError(`option '--${longName}' doesn't allow an argument`);
    }
    found.apply(options, null);
    return i;
  }
  if (inline !== null) {
    found.apply(options, inline);
    return i;
  }
  if (found.argument === 'optional') {
    found.apply(options, null);
    return i;
  }
  if (i + 1 >= args.length) {
    throw new UsageError(`option '--${longName}' requires an argument`);
  }
  found.apply(options, args[i + 1]!);
  return i + 1;
}

function parseShort(args: readonly string[], i: number, options: Options) {
  const arg = args[i]!;
  for (let k = 1; k < arg.length; k++) {
    const letter = arg[k]!;
    const found = specs.find((s) => s.short === letter);
    if (!found) throw new UsageError(`invalid option -- '${letter}'`);
    if (found.argument === 'none') {
      found.apply(options, null);
      continue;
    }
    const rest = arg.slice(k + 1);
    // GNU make gives -j and -l what follows only if it is a number, and
    // takes a number from the next argument too; -O takes any text, but
    // only attached to it, as getopt does.
    const numeric = letter === 'j' || letter === 'l';
    if (rest !== '') {
      // `-j1foo`: a number that does not end the word is no number.
      if (letter === 'j' && /^\d/.test(rest) && !/^\d+$/.test(rest)) {
        throw new UsageError(
          "the '-j' option requires a positive integer argument",
          false,
        );
      }
      if (numeric && !/^\d/.test(rest)) {
        found.apply(options, null);
        continue;
      }
      found.apply(options, rest);
      return i;
    }
    if (found.argument === 'optional') {
      const next = args[i + 1];
      if (numeric && next !== undefined && /^\d+(\.\d+)?$/.test(next)) {
        found.apply(options, next);
        return i + 1;
      }
      found.apply(options, null);
      return i;
    }
    if (i + 1 >= args.length) {
      throw new UsageError(`option requires an argument -- '${letter}'`);
    }
    found.apply(options, args[i + 1]!);
    return i + 1;
  }
  return i;
}

/**
 * Splits a MAKEFLAGS value into words, honouring backslash escapes. A
 * first word without a leading dash is a group of single-letter flags.
 */
export function makeflagsWords(value: string): string[] {
  const result: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += value[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) result.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) result.push(current);
  if (
    result.length > 0 &&
    !result[0]!.startsWith('-') &&
    !result[0]!.includes('=')
  ) {
    result[0] = '-' + result[0];
  }
  return result;
}

/** Reads MAKEFLAGS (or MFLAGS) the way GNU's decode_env_switches does. */
export function parseMakeflags(value: string, options: Options): void {
  // GNU make expands MAKEFLAGS before reading it: `$$` is one `$`.
  const list = makeflagsWords(value.replace(/\$\$/g, '$'));
  const dashDash = list.indexOf('--');
  const flags = dashDash < 0 ? list : list.slice(0, dashDash);
  const variables = dashDash < 0 ? [] : list.slice(dashDash + 1);
  const optionWords: string[] = [];
  for (const word of flags) {
    if (word.startsWith('-')) optionWords.push(word);
    else if (word.includes('=')) options.variables.push(word);
  }
  parseArguments(optionWords, options);
  options.variables.push(...variables);
}

/**
 * The options part of MAKEFLAGS as GNU make writes it: single-letter flags
 * together first, then options with values, in the order of GNU's table
 * of switches. Without letters the value starts with a space. While the
 * makefiles are read GNU 4.3 leaves out the options that take a value
 * (`withValues` false): `-I`, `-j`, `-l`, `-O`, `--debug`.
 */
export function makeflagsOptions(
  options: Options,
  jobserverAuth: string | null,
  withValues = true,
): string {
  let letters = '';
  if (options.alwaysMake) letters += 'B';
  if (options.debug.includes('a')) letters += 'd';
  if (options.environmentOverrides) letters += 'e';
  if (options.ignoreErrors) letters += 'i';
  if (options.keepGoing) letters += 'k';
  if (options.checkSymlinkTimes) letters += 'L';
  if (options.justPrint) letters += 'n';
  if (options.printDatabase) letters += 'p';
  if (options.question) letters += 'q';
  if (options.noBuiltinRules) letters += 'r';
  if (options.noBuiltinVariables) letters += 'R';
  if (options.silent) letters += 's';
  if (options.touch) letters += 't';
  if (options.printDirectory === true) letters += 'w';
  const parts: string[] = [];
  if (withValues) {
    for (const directory of options.includeDirectories) {
      parts.push(`-I${directory}`);
    }
    if (options.jobs !== null) {
      parts.push(options.jobs === 0 ? '-j' : `-j${options.jobs}`);
    }
    if (options.loadAverage !== null) parts.push(`-l${options.loadAverage}`);
    if (options.outputSync) parts.push(`-O${options.outputSync}`);
    for (const flags of options.debug) {
      if (flags !== 'a') parts.push(`--debug=${flags}`);
    }
    if (jobserverAuth) parts.push(`--jobserver-auth=${jobserverAuth}`);
  }
  if (options.trace) parts.push('--trace');
  if (options.printDirectory === false) parts.push('--no-print-directory');
  if (options.warnUndefined) parts.push('--warn-undefined-variables');
  if (parts.length === 0) return letters;
  return `${letters} ${parts.join(' ')}`;
}

/**
 * MAKEOVERRIDES: the command-line variables, those from MAKEFLAGS among
 * them, last named first, with blanks escaped. As in GNU make, a variable
 * defined twice (`a=1` in MAKEFLAGS, `a=2` on the command line) is named
 * once, where it was first, with its last definition.
 */
export function makeOverrides(options: Options): string {
  // A Map keeps the order names were first set in, and the last value.
  const byName = new Map<string, string>();
  for (const assignment of options.variables) {
    byName.set(assignment.replace(/\s*[:+?!]*=.*$/s, ''), assignment);
  }
  return [...byName.values()].reverse().map(escapeVariable).join(' ');
}

/** The whole MAKEFLAGS value sub-makes get. */
export function formatMakeflags(
  options: Options,
  jobserverAuth: string | null,
): string {
  const flags = makeflagsOptions(options, jobserverAuth);
  const overrides = makeOverrides(options);
  return overrides === '' ? flags : `${flags} -- ${overrides}`;
}

function escapeVariable(assignment: string): string {
  return assignment.replace(/([ \t])/g, '\\$1');
}
