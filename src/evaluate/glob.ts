/**
 * File name wildcards as GNU make 4.3 expands them, for `$(wildcard)` and
 * for the targets and prerequisites of rules: `*`, `?` and `[...]` in any
 * path component, backslash quoting, `~` and `~user`, and a trailing slash
 * that asks for directories only.
 *
 * amake's strings hold bytes as latin1 characters (makefiles are read that
 * way), so names go to and come from the file system as latin1 buffers.
 */
import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { directoryWasRead } from '../graph/filetime';

/**
 * Whether `glob` may turn the word into something else: it has a wildcard
 * character (quoted ones too, since globbing removes the quoting) or starts
 * with a tilde.
 */
export function hasGlobCharacters(word: string): boolean {
  // A loop, not a regular expression: the implicit rule search asks this
  // of every name it thinks of.
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 0x2a || code === 0x3f || code === 0x5b) return true; // * ? [
  }
  return word.charCodeAt(0) === 0x7e; // ~
}

/**
 * The existing files a pattern names, in byte order; none when nothing
 * matches. A word without wildcards names itself if it exists (a dangling
 * symbolic link counts), with its backslash quoting removed.
 */
export function glob(pattern: string): string[] {
  return globPattern(expandTilde(pattern), false).sort(compareByteOrder);
}

/**
 * A target or prerequisite name through globbing, as GNU make reads rules:
 * the matches, or the name itself (tilde expanded) when nothing matches.
 */
export function expandFileName(word: string): string[] {
  // Most names have nothing to expand: spare them a look at the disk.
  if (!hasGlobCharacters(word) && !word.includes('\\')) return [word];
  const matches = glob(word);
  return matches.length > 0 ? matches : [expandTilde(word)];
}

/**
 * `$(wildcard)`: the argument's words globbed one by one. Each pattern's
 * matches are sorted, but the patterns keep their order and duplicates stay.
 */
export function wildcard(text: string): string[] {
  return wildcardWords(text).flatMap(glob);
}

/**
 * Splits `$(wildcard)`'s argument as GNU make does: at spaces and tabs (not
 * newlines) that no backslash quotes. Backslashes in front of a blank are
 * halved; an odd count makes the blank part of the word.
 */
export function wildcardWords(text: string): string[] {
  const result: string[] = [];
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      let end = i;
      while (text[end] === '\\') end++;
      const count = end - i;
      const next = text[end];
      if (next === ' ' || next === '\t') {
        word += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) word += next;
        else if (word !== '') {
          result.push(word);
          word = '';
        }
        i = end;
      } else {
        word += text.slice(i, end);
        i = end - 1;
      }
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (word !== '') result.push(word);
      word = '';
      continue;
    }
    word += c;
  }
  if (word !== '') result.push(word);
  return result;
}

/**
 * Whether a name matches a pattern as fnmatch does with FNM_PATHNAME and
 * FNM_PERIOD: a slash only by a slash, and a leading dot of each component
 * only by a dot. For names that are no files, like archive members.
 */
export function fileNameMatches(pattern: string, name: string): boolean {
  const patterns = pattern.split('/');
  const components = name.split('/');
  if (patterns.length !== components.length) return false;
  return patterns.every((part, i) =>
    compileComponent(part).test(components[i]!),
  );
}

/**
 * `~` and `~user` at the start of a word replaced by the home directory.
 * A user that does not exist leaves the word as it is.
 */
export function expandTilde(word: string): string {
  if (!word.startsWith('~')) return word;
  const slash = word.indexOf('/');
  const user = slash < 0 ? word.slice(1) : word.slice(1, slash);
  const rest = slash < 0 ? '' : word.slice(slash);
  const home = user === '' ? ownHome() : homeOf(user);
  return home === null ? word : home + rest;
}

/** Compares as C's strcmp does on the bytes the strings stand for. */
export function compareByteOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

/**
 * UTF-16 code units ranked in code point order, which is also UTF-8 byte
 * order: surrogates (code points above U+FFFF) go after U+E000..U+FFFF.
 */
function codeUnitRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

function ownHome(): string | null {
  const home = process.env.HOME;
  if (home) return home;
  try {
    return fromFileSystem(Buffer.from(userInfo().homedir));
  } catch {
    return null;
  }
}

/** The home directory of a user from the password file, or null. */
function homeOf(user: string): string | null {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'latin1');
  } catch {
    return null;
  }
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === user && fields.length >= 6) return fields[5]!;
  }
  return null;
}

/**
 * The matches of a tilde-free pattern, unsorted. With `directoriesOnly`
 * (the pattern was followed by a slash) a wildcard last component matches
 * directories only; a literal one just has to exist.
 */
function globPattern(pattern: string, directoriesOnly: boolean): string[] {
  if (pattern.length > 1 && pattern.endsWith('/')) {
    return globDirectories(pattern);
  }
  if (!hasMagic(pattern)) {
    const name = unquote(pattern);
    return exists(name) ? [name] : [];
  }
  const slash = pattern.lastIndexOf('/');
  const last = pattern.slice(slash + 1);
  const directories = parentDirectories(pattern, slash);
  const matches: string[] = [];
  for (const directory of directories) {
    if (hasMagic(last)) {
      const names = matchInDirectory(directory, last, directoriesOnly);
      for (const name of names) matches.push(joinPath(directory, name));
    } else {
      const path = joinPath(directory, unquote(last));
      if (exists(path)) matches.push(path);
    }
  }
  return matches;
}

/**
 * `pattern/`: the matches of the pattern without its trailing slashes,
 * directories among them marked with a single slash.
 */
function globDirectories(pattern: string): string[] {
  const base = pattern.replace(/\/+$/, '');
  if (base === '') return ['/'];
  return globPattern(base, true).map((path) =>
    isDirectory(path) ? path + '/' : path,
  );
}

/**
 * The directories to search for the last component of a pattern whose last
 * slash is at `slash`: '' stands for the current directory.
 */
function parentDirectories(pattern: string, slash: number): string[] {
  if (slash < 0) return [''];
  let parent = pattern.slice(0, slash);
  // A quoted slash still separates components: `s*\/x.c` is `s*/x.c`.
  const backslashes = /\\*$/.exec(parent)![0].length;
  if (backslashes % 2 === 1) parent = parent.slice(0, -1);
  if (parent === '') return ['/'];
  if (!hasMagic(parent)) return [unquote(parent)];
  return globPattern(parent, true);
}

function joinPath(directory: string, name: string): string {
  if (directory === '') return name;
  if (directory === '/') return '/' + name;
  return directory + '/' + name;
}

/** The entries of a directory that a one-component pattern matches. */
function matchInDirectory(
  directory: string,
  pattern: string,
  directoriesOnly: boolean,
): string[] {
  const matcher = compileComponent(pattern);
  const listed = directoryEntries(directory === '' ? '.' : directory);
  if (listed === null) return [];
  const names = [...listed];
  // readdir leaves out `.` and `..`, which glob lists; only a pattern that
  // starts with a literal dot can match them anyway.
  if (matcher.leadingDot) names.push('.', '..');
  return names.filter((name) => {
    if (!matcher.test(name)) return false;
    return !directoriesOnly || isDirectory(joinPath(directory, name));
  });
}

interface ComponentMatcher {
  /** The pattern starts with a literal dot, so it may match hidden names. */
  readonly leadingDot: boolean;
  test(name: string): boolean;
}

/**
 * Compiles one path component of a pattern to a matcher with fnmatch's
 * rules under FNM_PERIOD: a leading dot in a name must be matched by a
 * literal dot, not by `*`, `?` or a bracket expression.
 */
function compileComponent(pattern: string): ComponentMatcher {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      source += escapeCharacter(pattern[++i]!);
    } else if (c === '*') {
      source += '[^]*';
    } else if (c === '?') {
      source += '[^]';
    } else if (c === '[') {
      const bracket = parseBracket(pattern, i);
      if (bracket) {
        source += bracket.regExp;
        i = bracket.end;
      } else {
        source += escapeCharacter(c);
      }
    } else {
      source += escapeCharacter(c);
    }
  }
  const regExp = new RegExp(source + '$');
  const leadingDot = pattern.startsWith('.') || pattern.startsWith('\\.');
  return {
    leadingDot,
    test: (name) => (leadingDot || !name.startsWith('.')) && regExp.test(name),
  };
}

/** Whether a pattern has a wildcard that no backslash quotes. */
function hasMagic(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && parseBracket(pattern, i)) return true;
  }
  return false;
}

const characterClasses: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

/**
 * Parses the bracket expression opening at `open`: `[abc]`, `[a-z]`,
 * `[!...]` or `[^...]` for the complement, `]` first taken literally,
 * `[:class:]` and backslash quoting. Null when it is not closed, in which
 * case the `[` is an ordinary character.
 */
function parseBracket(
  pattern: string,
  open: number,
): { regExp: string; end: number } | null {
  let i = open + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  let members = '';
  let first = true;
  while (i < pattern.length) {
    let c = pattern[i]!;
    if (c === ']' && !first) {
      return { regExp: `[${negated ? '^' : ''}${members}]`, end: i };
    }
    first = false;
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close >= 0) {
        // An unknown class makes the expression match nothing.
        members += characterClasses[pattern.slice(i + 2, close)] ?? '';
        i = close + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < pattern.length) c = pattern[++i]!;
    i++;
    if (
      pattern[i] === '-' &&
      i + 1 < pattern.length &&
      pattern[i + 1] !== ']'
    ) {
      let last = pattern[i + 1]!;
      i += 2;
      if (last === '\\' && i < pattern.length) last = pattern[i++]!;
      // A range running backwards matches nothing.
      if (c <= last) {
        members += `${escapeCharacter(c)}-${escapeCharacter(last)}`;
      }
      continue;
    }
    members += escapeCharacter(c);
  }
  return null;
}

/** A character as a regular expression escape, safe in and out of []. */
function escapeCharacter(c: string): string {
  return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
}

/** Removes the backslashes that quote characters; a final one stays. */
function unquote(pattern: string): string {
  return pattern.replace(/\\([^])/g, '$1');
}

function toFileSystem(name: string): Buffer {
  return Buffer.from(name, 'latin1');
}

function fromFileSystem(name: Buffer): string {
  return name.toString('latin1');
}

/** Whether the name exists; a dangling symbolic link does. */
function exists(name: string): boolean {
  try {
    return (
      lstatSync(toFileSystem(name), { throwIfNoEntry: false }) !== undefined
    );
  } catch {
    return false;
  }
}

/** Whether the name is a directory or a symbolic link to one. */
function isDirectory(name: string): boolean {
  try {
    const stats = statSync(toFileSystem(name), { throwIfNoEntry: false });
    return stats?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * The names in each directory a wildcard has looked at, read once for the
 * whole run: GNU make caches directory contents the same way, so a wildcard
 * does not see files that recipes create after the directory was read.
 */
const directoryCache = new Map<string, readonly string[] | null>();

function directoryEntries(directory: string): readonly string[] | null {
  let names = directoryCache.get(directory);
  if (names === undefined) {
    try {
      // The names come as latin1 strings, as fromFileSystem makes them.
      names = readdirSync(toFileSystem(directory), { encoding: 'latin1' });
      // The build looks in the same directories for the files it needs.
      directoryWasRead(directory, names);
    } catch {
      names = null;
    }
    directoryCache.set(directory, names);
  }
  return names;
}

/**
 * Reads a directory into the cache now. GNU make reads the current
 * directory as it starts (looking for its makefile), so later wildcards
 * there see it as it was then.
 */
export function readDirectoryNow(directory: string): void {
  directoryEntries(directory);
}
