/** Word and pattern helpers shared by functions, rules and expansion. */

/**
 * The white-space separated words of a text: space, tab, newline, vertical
 * tab, form feed and carriage return separate them. A loop cuts each word
 * out once, where trimming and splitting with regular expressions copied
 * the text first: every function call and rule comes here.
 */
export function words(text: string): string[] {
  const found: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ' ', or '\t' '\n' '\v' '\f' '\r', which are 9 to 13.
    if (code === 32 || (code >= 9 && code <= 13)) {
      if (start >= 0) found.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) found.push(text.slice(start));
  return found;
}

/** A `%` pattern split at its first unescaped `%`, backslashes resolved. */
export interface Pattern {
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * Splits a pattern at its first `%` that is not quoted by a backslash, as
 * GNU's find_percent does: backslashes in front of a `%` are halved, and an
 * odd count makes that `%` literal. Returns null for a pattern without a
 * live `%`; `literal` then holds the unquoted text.
 */
export function parsePattern(text: string): Pattern | null {
  if (!text.includes('%')) return null;
  let parsed = parsedPatterns.get(text);
  if (parsed === undefined) {
    parsed = splitPattern(text);
    if (parsedPatterns.size > 100_000) parsedPatterns.clear();
    parsedPatterns.set(text, parsed);
  }
  return parsed;
}

/** Patterns are few and used over and over: each is parsed once. */
const parsedPatterns = new Map<string, Pattern | null>();

function splitPattern(text: string): Pattern | null {
  let unquoted = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%') {
      return { prefix: unquoted, suffix: text.slice(i + 1) };
    }
    if (c === '\\') {
      let j = i;
      while (text[j] === '\\') j++;
      const count = j - i;
      if (text[j] === '%') {
        unquoted += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) {
          unquoted += '%';
          i = j;
          continue;
        }
        return { prefix: unquoted, suffix: text.slice(j + 1) };
      }
      unquoted += text.slice(i, j);
      i = j - 1;
      continue;
    }
    unquoted += c;
  }
  return null;
}

/** The pattern text with its `%`-quoting backslashes resolved. */
export function unquotePercents(text: string): string {
  return text.replace(/(\\+)%/g, (_match, slashes: string) => {
    return '\\'.repeat(Math.floor(slashes.length / 2)) + '%';
  });
}

export function hasUnescapedPercent(text: string): boolean {
  return parsePattern(text) !== null;
}

/** The stem of `word` against `pattern`, or null when it does not match. */
export function matchPattern(pattern: Pattern, word: string): string | null {
  const { prefix, suffix } = pattern;
  if (word.length < prefix.length + suffix.length) return null;
  if (!word.startsWith(prefix) || !word.endsWith(suffix)) return null;
  return word.slice(prefix.length, word.length - suffix.length);
}

/**
 * One word through `$(patsubst pattern,replacement,word)`. Only the first
 * live `%` of each is special; a pattern without one matches the whole word.
 */
export function patsubstWord(
  word: string,
  pattern: string,
  replacement: string,
): string {
  const parsed = parsePattern(pattern);
  if (!parsed) {
    return word === unquotePercents(pattern)
      ? unquotePercents(replacement)
      : word;
  }
  const stem = matchPattern(parsed, word);
  if (stem === null) return word;
  const target = parsePattern(replacement);
  if (!target) return unquotePercents(replacement);
  return target.prefix + stem + target.suffix;
}
