import { expandFileName } from './glob';

/**
 * Turns the words of a target or prerequisite list into file names as GNU
 * make's parse_file_seq does: archive member groups `lib(a.o b.o)` become
 * `lib(a.o) lib(b.o)`, and words with wildcard characters are globbed (a
 * pattern matching nothing stays as written).
 */
export function expandFileNames(words: string[], globbing: boolean): string[] {
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = withoutLeadingDotSlash(words[i]!);
    const open = word.indexOf('(');
    if (open > 0 && !word.endsWith(')') && !word.includes('$')) {
      // An archive group spread over several words: `lib(a.o b.o)`.
      const archive = word.slice(0, open);
      const members = [word.slice(open + 1)];
      while (i + 1 < words.length) {
        const next = words[++i]!;
        if (next.endsWith(')')) {
          members.push(next.slice(0, -1));
          break;
        }
        members.push(next);
      }
      for (const member of members) {
        if (member !== '') names.push(`${archive}(${member})`);
      }
      continue;
    }
    if (globbing) {
      names.push(...expandFileName(word));
      continue;
    }
    names.push(word);
  }
  return names;
}

/** `./foo` names `foo`: GNU make drops leading `./` (and extra slashes). */
function withoutLeadingDotSlash(word: string): string {
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
