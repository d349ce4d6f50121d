import { matchArchiveMembers, parseArchiveMember } from '../graph/archive';
import { MakeError } from '../report/errors';
import { expandFileName, fileNameMatches, hasGlobCharacters } from './glob';

/**
 * Turns the words of a target or prerequisite list into file names as GNU
 * make's parse_file_seq does: archive member groups `lib(a.o b.o)` become
 * `lib(a.o) lib(b.o)`, and words with wildcard characters are globbed (a
 * pattern matching nothing stays as written). A wildcard member,
 * `lib(*.o)`, matches the members of the archive, not files.
 */
export function expandFileNames(words: string[], globbing: boolean): string[] {
  const names: string[] = [];
  // Inside a group `lib(a.o b.o)`: `lib`, which the words inside name.
  let group: string | null = null;
  for (let i = 0; i < words.length; i++) {
    let word = withoutLeadingDotSlash(words[i]!);

    // `lib(a.o` opens a group only if a later word closes it.
    if (group === null && isGroupStart(word)) {
      const rest = words.slice(i + 1);
      if (rest.some((next) => next.endsWith(')'))) {
        const open = word.indexOf('(');
        group = word.slice(0, open);
        word = word.slice(open + 1);
        if (word === '') continue;
      }
    }
    if (group !== null) {
      const archive = group;
      if (word.endsWith(')')) {
        // `lib(a b )`: the lone `)` just closes the group.
        group = null;
        if (word === ')') continue;
        word = `${archive}(${word}`;
      } else {
        word = `${archive}(${word})`;
      }
    }

    // Most names have nothing to expand: they go as they are.
    if (!globbing || isPlainName(word)) names.push(word);
    else names.push(...expandName(word));
  }
  return names;
}

/** A name that is no archive member and has nothing to glob. */
function isPlainName(word: string): boolean {
  return (
    !word.includes('(') && !word.includes('\\') && !hasGlobCharacters(word)
  );
}

/** A word like `lib(a.o`, which may start a group of members. */
function isGroupStart(word: string): boolean {
  return (
    word.includes('(') &&
    !word.startsWith('(') &&
    !word.endsWith(')') &&
    !word.includes('$')
  );
}

/**
 * One name through globbing. For an archive member the archive name is
 * globbed as a file, and a member name with wildcards is matched against
 * the members of each archive; with no match it stays as written.
 */
function expandName(word: string): string[] {
  const reference = parseArchiveMember(word);
  if (!reference) return expandFileName(word);
  // `lib((entry))` names a member by a symbol it defines, in other makes.
  if (reference.member.startsWith('(') && reference.member.endsWith(')')) {
    throw new MakeError(`attempt to use unsupported feature: '${word}'`);
  }
  const { member } = reference;
  const names: string[] = [];
  for (const archive of expandFileName(reference.archive)) {
    const found = hasMemberWildcards(member)
      ? matchArchiveMembers(archive, (name) => fileNameMatches(member, name))
      : [];
    if (found.length === 0) found.push(member);
    for (const name of found) names.push(`${archive}(${name})`);
  }
  return names;
}

/** GNU's ar_glob_pattern_p: `*`, `?`, or a closed `[...]`, unquoted. */
function hasMemberWildcards(pattern: string): boolean {
  let opened = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '?' || c === '*') return true;
    if (c === '\\') i++;
    else if (c === '[') opened = true;
    else if (c === ']' && opened) return true;
  }
  return false;
}

/** `./foo` names `foo`: GNU make drops leading `./` (and extra slashes). */
export function withoutLeadingDotSlash(word: string): string {
  while (word.length > 2 && word.startsWith('./')) {
    word = word.slice(2).replace(/^\/+/, '');
  }
  return word;
}

/**
 * Splits a list of file names at blanks not quoted by a backslash. A
 * backslash before a blank or a colon makes it part of the name (and goes);
 * backslashes in front of one are halved, as GNU's find_char_unquote does.
 * Other backslashes stay, for globbing to interpret.
 */
export function splitNames(text: string): string[] {
  if (!text.includes('\\')) return splitAtBlanks(text);
  const names: string[] = [];
  let current = '';
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      let j = i;
      while (text[j] === '\\') j++;
      const count = j - i;
      const next = text[j];
      if (next === ' ' || next === '\t' || next === ':') {
        current += '\\'.repeat(Math.floor(count / 2));
        started = true;
        if (count % 2 === 1) {
          current += next;
          i = j;
          continue;
        }
        i = j - 1;
        continue;
      }
      current += text.slice(i, j);
      started = true;
      i = j - 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (started) names.push(current);
      current = '';
      started = false;
      continue;
    }
    current += c;
    started = true;
  }
  if (started) names.push(current);
  return names;
}

/**
 * splitNames of a text without backslashes: the words are cut out whole,
 * not copied a character at a time, as every rule line comes here.
 */
function splitAtBlanks(text: string): string[] {
  const names: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (start >= 0) names.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) names.push(text.slice(start));
  return names;
}
