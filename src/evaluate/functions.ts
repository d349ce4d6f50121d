/**
 * GNU make's built-in functions, with the semantics of GNU make 4.3 (and
 * `let` and `intcmp` from 4.4). Word splitting treats every C isspace
 * character as a separator; results are joined with single spaces.
 */
import { filesMayHaveChanged } from '../graph/filetime';
import {
  closeSync,
  openSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { MakeError } from '../report/errors';
import { BuiltinFunction, FunctionCall } from './expand';
import { compareByteOrder, wildcard } from './glob';
import { matchPattern, parsePattern, unquotePercents, words } from './text';
import { VariableScope, VariableSet, newVariable } from './variables';

type Run = (args: string[], call: FunctionCall) => string;

/** A function whose arguments are expanded before it runs. */
function eager(minArgs: number, maxArgs: number, run: Run): BuiltinFunction {
  return { minArgs, maxArgs, expandArgs: true, run };
}

/** A function that expands its own arguments, some of them maybe never. */
function lazy(minArgs: number, maxArgs: number, run: Run): BuiltinFunction {
  return { minArgs, maxArgs, expandArgs: false, run };
}

function fail(call: FunctionCall, message: string): never {
  throw new MakeError(message, call.expander.errorLocation);
}

// ---------------------------------------------------------------------------
// White space

const spaceCharacters = ' \t\n\r\f\v';

function isSpace(c: string | undefined): boolean {
  return c !== undefined && c !== '' && spaceCharacters.includes(c);
}

/** The text without leading and trailing white space. */
function stripSpace(text: string): string {
  let begin = 0;
  let end = text.length;
  while (begin < end && isSpace(text[begin])) begin++;
  while (end > begin && isSpace(text[end - 1])) end--;
  return text.slice(begin, end);
}

// ---------------------------------------------------------------------------
// Text functions

/** `$(subst from,to,text)`: every occurrence; an empty `from` appends. */
function subst(from: string, to: string, text: string): string {
  if (from === '') return text + to;
  return text.split(from).join(to);
}

/**
 * `$(patsubst pattern,replacement,text)`. Only the first unquoted `%` of
 * each is special. Without one in the pattern, whole words are replaced in
 * place and the white space between words is kept. With one, the words are
 * rejoined with single spaces, and a word replaced by an empty replacement
 * without `%` disappears together with its separator.
 */
export function patsubst(
  text: string,
  pattern: string,
  replacement: string,
): string {
  const parsed = parsePattern(pattern);
  if (!parsed) {
    return replaceWholeWords(
      text,
      unquotePercents(pattern),
      unquotePercents(replacement),
    );
  }
  const target = parsePattern(replacement);
  const literal = target ? '' : unquotePercents(replacement);
  const pieces: string[] = [];
  for (const word of words(text)) {
    const stem = matchPattern(parsed, word);
    if (stem === null) pieces.push(word);
    else if (target) pieces.push(target.prefix + stem + target.suffix);
    else if (literal !== '') pieces.push(literal);
  }
  return pieces.join(' ');
}

/**
 * Replaces the occurrences of `from` that are whole words, leaving the text
 * around them alone. An empty `from` matches only an empty last word: the
 * empty text, or text ending in white space.
 */
function replaceWholeWords(text: string, from: string, to: string): string {
  if (from === '') {
    const endsEmpty = text === '' || isSpace(text[text.length - 1]);
    return endsEmpty ? text + to : text;
  }
  let output = '';
  let position = 0;
  for (;;) {
    const found = text.indexOf(from, position);
    if (found < 0) break;
    const end = found + from.length;
    const startsWord = found === 0 || isSpace(text[found - 1]);
    const endsWord = end === text.length || isSpace(text[end]);
    output += text.slice(position, found);
    output += startsWord && endsWord ? to : from;
    position = end;
  }
  return output + text.slice(position);
}

/** The words of `text` that match any of the patterns (or none, negated). */
function filterWords(
  patternText: string,
  text: string,
  keepMatches: boolean,
): string {
  const matchers = words(patternText).map(wordMatcher);
  return words(text)
    .filter((word) => matchers.some((matches) => matches(word)) === keepMatches)
    .join(' ');
}

function wordMatcher(pattern: string): (word: string) => boolean {
  const parsed = parsePattern(pattern);
  if (parsed) return (word) => matchPattern(parsed, word) !== null;
  const literal = unquotePercents(pattern);
  return (word) => word === literal;
}

function sortWords(text: string): string {
  return [...new Set(words(text))].sort(compareByteOrder).join(' ');
}

/**
 * C's atoi on a string of digits: strtol saturates at the largest long,
 * and the result is then truncated to a 32-bit int.
 */
function atoi(digits: string): number {
  const largestLong = (1n << 63n) - 1n;
  let value = BigInt(digits);
  if (value > largestLong) value = largestLong;
  return Number(BigInt.asIntN(32, value));
}

/** A `word` or `wordlist` count: digits, maybe with white space around. */
function parseCount(call: FunctionCall, text: string, which: string): number {
  const digits = stripSpace(text);
  if (!/^[0-9]+$/.test(digits)) {
    fail(
      call,
      `non-numeric ${which} argument to '${call.name}' function: '${text}'`,
    );
  }
  return atoi(digits);
}

function word(args: string[], call: FunctionCall): string {
  const index = parseCount(call, args[0], 'first');
  if (index === 0) {
    fail(call, `first argument to 'word' function must be greater than 0`);
  }
  if (index < 0) return '';
  return words(args[1] ?? '')[index - 1] ?? '';
}

function wordlist(args: string[], call: FunctionCall): string {
  const start = parseCount(call, args[0], 'first');
  const end = parseCount(call, args[1] ?? '', 'second');
  if (start < 1) {
    fail(call, `invalid first argument to 'wordlist' function: '${start}'`);
  }
  if (end < start) return '';
  return words(args[2] ?? '')
    .slice(start - 1, end)
    .join(' ');
}

function join(first: string, second: string): string {
  const left = words(first);
  const right = words(second);
  const length = Math.max(left.length, right.length);
  const pairs: string[] = [];
  for (let i = 0; i < length; i++) {
    pairs.push((left[i] ?? '') + (right[i] ?? ''));
  }
  return pairs.join(' ');
}

// ---------------------------------------------------------------------------
// File name functions

/** Applies `f` to each word; an empty result still takes its place. */
function eachWord(text: string, f: (word: string) => string): string {
  return words(text).map(f).join(' ');
}

function directoryPart(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash < 0 ? './' : word.slice(0, slash + 1);
}

function notDirectoryPart(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Where the suffix of a word starts: its last dot after any slash. */
function suffixStart(word: string): number {
  const dot = word.lastIndexOf('.');
  return dot > word.lastIndexOf('/') ? dot : -1;
}

/** `$(suffix)`: words without a suffix contribute nothing at all. */
function suffixes(text: string): string {
  return words(text)
    .filter((word) => suffixStart(word) >= 0)
    .map((word) => word.slice(suffixStart(word)))
    .join(' ');
}

function withoutSuffix(word: string): string {
  const dot = suffixStart(word);
  return dot < 0 ? word : word.slice(0, dot);
}

/** The current directory as amake's strings hold names: latin1 bytes. */
function currentDirectory(): string {
  return Buffer.from(process.cwd()).toString('latin1');
}

/**
 * `$(abspath)` of one name: made absolute against the current directory,
 * with `.`, `..` and repeated slashes resolved by text alone.
 */
export function absolutePath(name: string): string {
  const full = name.startsWith('/') ? name : `${currentDirectory()}/${name}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** `$(realpath)`: resolved names of the words that exist. */
function realPaths(text: string): string {
  const resolved: string[] = [];
  for (const name of words(text)) {
    try {
      const path = realpathSync.native(Buffer.from(name, 'latin1'), {
        encoding: 'buffer',
      });
      resolved.push(path.toString('latin1'));
    } catch {
      // GNU make leaves out names that cannot be resolved.
    }
  }
  return resolved.join(' ');
}

// ---------------------------------------------------------------------------
// Conditionals

/** A condition of `if`, `or` or `and`: stripped first, then expanded. */
function expandCondition(text: string, call: FunctionCall): string {
  return call.expander.expand(stripSpace(text), call.scope);
}

function ifFunction(args: string[], call: FunctionCall): string {
  const branch = expandCondition(args[0], call) !== '' ? args[1] : args[2];
  return branch === undefined ? '' : call.expander.expand(branch, call.scope);
}

function orFunction(args: string[], call: FunctionCall): string {
  for (const arg of args) {
    const value = expandCondition(arg, call);
    if (value !== '') return value;
  }
  return '';
}

function andFunction(args: string[], call: FunctionCall): string {
  let value = '';
  for (const arg of args) {
    value = expandCondition(arg, call);
    if (value === '') return '';
  }
  return value;
}

/**
 * Parses an `intcmp` operand: an optional sign and decimal digits, white
 * space around allowed, of any size.
 */
function parseInteger(call: FunctionCall, text: string, which: string): bigint {
  const number = stripSpace(text);
  if (!/^[+-]?[0-9]+$/.test(number)) {
    fail(call, `non-numeric ${which} argument to 'intcmp' function: '${text}'`);
  }
  return BigInt(number);
}

/**
 * `$(intcmp lhs,rhs[,lt[,eq[,gt]]])` (GNU make 4.4). With two arguments it
 * is the number when they are equal; a missing `gt` part defaults to `eq`.
 */
function intcmp(args: string[], call: FunctionCall): string {
  const expand = (text: string) => call.expander.expand(text, call.scope);
  const left = parseInteger(call, expand(args[0]), 'first');
  const right = parseInteger(call, expand(args[1]), 'second');
  if (args.length === 2) return left === right ? left.toString() : '';
  if (left < right) return expand(args[2]);
  if (left > right && args.length >= 5) return expand(args[4]);
  return args.length >= 4 ? expand(args[3]) : '';
}

// ---------------------------------------------------------------------------
// Binding functions: foreach, let and call

/** A scope holding fresh simple variables, as GNU pushes one per call. */
function innerScope(call: FunctionCall): {
  scope: VariableScope;
  bind: (name: string, value: string) => void;
} {
  const set = new VariableSet();
  const scope = new VariableScope(set, call.scope);
  const bind = (name: string, value: string) =>
    set.set(newVariable(name, value, 'simple', 'automatic'));
  return { scope, bind };
}

/**
 * `$(foreach var,list,text)`. The variable is the first word of the first
 * argument; each result takes its place even when empty.
 */
function foreach(args: string[], call: FunctionCall): string {
  const { expander } = call;
  const name = words(expander.expand(args[0], call.scope))[0] ?? '';
  const list = words(expander.expand(args[1], call.scope));
  if (list.length === 0) return '';
  const set = new VariableSet();
  const variable = newVariable(name, '', 'simple', 'automatic');
  set.set(variable);
  const scope = new VariableScope(set, call.scope);
  const results: string[] = [];
  for (const item of list) {
    variable.value = item;
    results.push(expander.expand(args[2], scope));
  }
  return results.join(' ');
}

/**
 * `$(let var...,list,text)` (GNU make 4.4). Each name takes the next word;
 * the last takes the rest of the list from its next word on, white space
 * inside and at the end included; names left over are empty.
 */
function letFunction(args: string[], call: FunctionCall): string {
  const { expander } = call;
  const names = words(expander.expand(args[0], call.scope));
  let rest = expander.expand(args[1], call.scope);
  const { scope, bind } = innerScope(call);
  names.forEach((name, index) => {
    rest = rest.slice(leadingSpaceLength(rest));
    if (index === names.length - 1) {
      bind(name, rest);
      return;
    }
    let end = 0;
    while (end < rest.length && !isSpace(rest[end])) end++;
    bind(name, rest.slice(0, end));
    rest = rest.slice(end);
  });
  return expander.expand(args[2], scope);
}

function leadingSpaceLength(text: string): number {
  let length = 0;
  while (length < text.length && isSpace(text[length])) length++;
  return length;
}

/**
 * How many numbered arguments the innermost `$(call)` defines. A nested
 * call with fewer arguments defines the rest as empty, so that it does not
 * see its caller's.
 */
let argumentsInScope = 0;

/** `$(call name,args...)`: a variable expanded with $(0), $(1), ... set. */
function callFunction(args: string[], call: FunctionCall): string {
  const name = stripSpace(args[0]);
  if (name === '') return '';
  const values = args.slice(1);
  const builtin = call.expander.host.functions.get(name);
  if (builtin) return callBuiltin(name, builtin, values, call);

  const found = call.scope.find(name);
  if (!found) {
    call.expander.warnUndefined(name);
    return '';
  }
  if (found.variable.value === '') return '';

  const { scope, bind } = innerScope(call);
  [name, ...values].forEach((value, index) => bind(String(index), value));
  let count = values.length + 1;
  for (; count < argumentsInScope; count++) bind(String(count), '');

  // The variable may be the one being expanded: a recursive function.
  const { variable } = found;
  const wasExpanding = variable.expanding;
  const saved = argumentsInScope;
  variable.expanding = false;
  argumentsInScope = count;
  try {
    return call.expander.valueOfName(name, scope);
  } finally {
    variable.expanding = wasExpanding;
    argumentsInScope = saved;
  }
}

/**
 * `$(call)` of a built-in function: the arguments, already expanded, go to
 * it as they are. With none at all it does nothing.
 */
function callBuiltin(
  name: string,
  builtin: BuiltinFunction,
  args: string[],
  call: FunctionCall,
): string {
  if (args.length < builtin.minArgs) {
    fail(
      call,
      `insufficient number of arguments (${args.length}) to function '${name}'`,
    );
  }
  if (args.length === 0) return '';
  return builtin.run(args, { ...call, name });
}

// ---------------------------------------------------------------------------
// Variables

function value(args: string[], call: FunctionCall): string {
  return call.scope.lookup(args[0])?.value ?? '';
}

function origin(args: string[], call: FunctionCall): string {
  return call.scope.lookup(args[0])?.origin ?? 'undefined';
}

function flavor(args: string[], call: FunctionCall): string {
  return call.scope.lookup(args[0])?.flavor ?? 'undefined';
}

// ---------------------------------------------------------------------------
// Side effects: eval, shell, file, info, warning, error

function evalFunction(args: string[], call: FunctionCall): string {
  call.expander.host.evaluate(args[0], call.scope);
  return '';
}

/**
 * A command's output as `$(shell)` returns it: cut at a NUL byte, carriage
 * returns before newlines dropped, trailing newlines removed (only one with
 * `trimAll` false, as `!=` does) and the other newlines turned into spaces.
 */
export function foldShellOutput(output: string, trimAll = true): string {
  const nul = output.indexOf('\0');
  let text = (nul < 0 ? output : output.slice(0, nul)).replace(/\r\n/g, '\n');
  if (trimAll) text = text.replace(/\n+$/, '');
  else if (text.endsWith('\n')) text = text.slice(0, -1);
  return text.replace(/\n/g, ' ');
}

function shell(args: string[], call: FunctionCall): string {
  const command = args[0];
  // GNU make runs nothing for a blank command and leaves .SHELLSTATUS.
  if (stripSpace(command) === '') return '';
  const { host } = call.expander;
  const result = host.shell(command, call.scope);
  host.setGlobal('.SHELLSTATUS', String(result.status));
  return foldShellOutput(result.output);
}

const errorTexts: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  EDQUOT: 'Disk quota exceeded',
  EMFILE: 'Too many open files',
  ENFILE: 'Too many open files in system',
  EIO: 'Input/output error',
  EBUSY: 'Device or resource busy',
  ETXTBSY: 'Text file busy',
  ENOEXEC: 'Exec format error',
  EAGAIN: 'Resource temporarily unavailable',
  EINVAL: 'Invalid argument',
  ENXIO: 'No such device or address',
};

/** What C's strerror says for a failed system call's error. */
export function systemErrorText(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code && errorTexts[code]) return errorTexts[code];
  // libuv's descriptions are strerror's, lower-cased: `EXXX: text, call`.
  const text = /^[A-Z0-9]+: ([^,]*)/.exec(String(message))?.[1];
  return text ? text[0].toUpperCase() + text.slice(1) : String(message);
}

interface FileOperation {
  readonly mode: 'read' | 'write' | 'append';
  readonly name: string;
}

/** `>name`, `>>name` or `<name`; blanks may follow the operator. */
function parseFileOperation(call: FunctionCall, text: string): FileOperation {
  let mode: FileOperation['mode'];
  let rest: string;
  if (text.startsWith('>>')) [mode, rest] = ['append', text.slice(2)];
  else if (text.startsWith('>')) [mode, rest] = ['write', text.slice(1)];
  else if (text.startsWith('<')) [mode, rest] = ['read', text.slice(1)];
  else fail(call, `file: invalid file operation: ${text}`);
  const name = rest.slice(leadingSpaceLength(rest));
  if (name === '') fail(call, 'file: missing filename');
  return { mode, name };
}

/** `$(file op name[,text])`. */
function file(args: string[], call: FunctionCall): string {
  const operation = parseFileOperation(call, args[0]);
  if (operation.mode === 'read') {
    if (args.length > 1) fail(call, 'file: too many arguments');
    return readForFunction(call, operation.name);
  }
  writeForFunction(call, operation, args.length > 1 ? args[1] : null);
  return '';
}

/** A file's contents less one final newline; nothing if it is missing. */
function readForFunction(call: FunctionCall, name: string): string {
  let contents: string;
  try {
    contents = readFileSync(Buffer.from(name, 'latin1'), 'latin1');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return '';
    const step = code === 'EISDIR' ? 'read' : 'open';
    fail(call, `${step}: ${name}: ${systemErrorText(error)}`);
  }
  return contents.endsWith('\n') ? contents.slice(0, -1) : contents;
}

/**
 * Writes or appends the text and a newline, unless the text already ends
 * in one. Without text the file is only opened: created or truncated.
 */
function writeForFunction(
  call: FunctionCall,
  operation: FileOperation,
  text: string | null,
): void {
  const { name } = operation;
  // The file may be amake's own standard output (`/dev/stdout`).
  call.expander.host.diagnostics.reporter.flush?.();
  let descriptor: number;
  try {
    const flags = operation.mode === 'append' ? 'a' : 'w';
    descriptor = openSync(Buffer.from(name, 'latin1'), flags);
  } catch (error) {
    fail(call, `open: ${name}: ${systemErrorText(error)}`);
  }
  try {
    if (text !== null) {
      const line = text.endsWith('\n') ? text : text + '\n';
      writeFileSync(descriptor, Buffer.from(line, 'latin1'));
      filesMayHaveChanged();
    }
  } catch (error) {
    fail(call, `write: ${name}: ${systemErrorText(error)}`);
  } finally {
    closeSync(descriptor);
  }
}

/** The message of info, warning and error: arguments `$(call)` passed
 * beyond the first are joined to it with a comma and a space. */
function message(args: string[]): string {
  return args.join(', ');
}

function info(args: string[], call: FunctionCall): string {
  call.expander.host.diagnostics.reporter.out(message(args) + '\n');
  return '';
}

function warning(args: string[], call: FunctionCall): string {
  const { expander } = call;
  expander.host.diagnostics.warning(expander.location, message(args));
  return '';
}

function error(args: string[], call: FunctionCall): string {
  // Unlike other errors, GNU blames `$(error)` on the line being read.
  throw new MakeError(message(args), call.expander.location);
}

// ---------------------------------------------------------------------------
// The table

/** GNU make's built-in functions, by name. */
export const builtinFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<
  string,
  BuiltinFunction
>([
  ['subst', eager(3, 3, ([from, to, text]) => subst(from, to, text))],
  [
    'patsubst',
    eager(3, 3, ([pattern, replacement, text]) =>
      patsubst(text, pattern, replacement),
    ),
  ],
  ['strip', eager(0, 1, ([text]) => words(text).join(' '))],
  [
    'findstring',
    eager(2, 2, ([find, text]) => (text.includes(find) ? find : '')),
  ],
  [
    'filter',
    eager(2, 2, ([patterns, text]) => filterWords(patterns, text, true)),
  ],
  [
    'filter-out',
    eager(2, 2, ([patterns, text]) => filterWords(patterns, text, false)),
  ],
  ['sort', eager(0, 1, ([text]) => sortWords(text))],
  ['word', eager(2, 2, word)],
  ['wordlist', eager(3, 3, wordlist)],
  ['words', eager(0, 1, ([text]) => String(words(text).length))],
  ['firstword', eager(0, 1, ([text]) => words(text)[0] ?? '')],
  ['lastword', eager(0, 1, ([text]) => words(text).at(-1) ?? '')],
  ['dir', eager(0, 1, ([text]) => eachWord(text, directoryPart))],
  ['notdir', eager(0, 1, ([text]) => eachWord(text, notDirectoryPart))],
  ['suffix', eager(0, 1, ([text]) => suffixes(text))],
  ['basename', eager(0, 1, ([text]) => eachWord(text, withoutSuffix))],
  [
    'addsuffix',
    eager(2, 2, ([suffix, text]) => eachWord(text, (name) => name + suffix)),
  ],
  [
    'addprefix',
    eager(2, 2, ([prefix, text]) => eachWord(text, (name) => prefix + name)),
  ],
  ['join', eager(2, 2, ([first, second]) => join(first, second))],
  ['wildcard', eager(0, 1, ([text]) => wildcard(text).join(' '))],
  ['realpath', eager(0, 1, ([text]) => realPaths(text))],
  ['abspath', eager(0, 1, ([text]) => eachWord(text, absolutePath))],
  ['if', lazy(2, 3, ifFunction)],
  ['or', lazy(1, 0, orFunction)],
  ['and', lazy(1, 0, andFunction)],
  ['foreach', lazy(3, 3, foreach)],
  ['let', lazy(3, 3, letFunction)],
  ['intcmp', lazy(2, 5, intcmp)],
  ['call', eager(1, 0, callFunction)],
  ['value', eager(0, 1, value)],
  ['origin', eager(0, 1, origin)],
  ['flavor', eager(0, 1, flavor)],
  ['eval', eager(0, 1, evalFunction)],
  ['shell', eager(0, 1, shell)],
  ['file', eager(1, 2, file)],
  ['info', eager(0, 1, info)],
  ['warning', eager(0, 1, warning)],
  ['error', eager(0, 1, error)],
]);
