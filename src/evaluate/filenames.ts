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
    const word = words[i]!;
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
