// Splits a `run:` line into arguments the way a POSIX shell would for the
// simple cases a test needs: blanks separate words, single quotes are
// literal, double quotes allow \" \\ \$ and \` escapes, and a backslash
// outside quotes escapes the next character. No expansion happens, so a
// case file means exactly what it says.

export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = closingQuote(line, i, "'");
      word += line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const [text, end] = doubleQuoted(line, i);
      word += text;
      i = end + 1;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      i += 2;
    } else {
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function closingQuote(line: string, open: number, quote: string): number {
  const end = line.indexOf(quote, open + 1);
  if (end < 0) throw new Error(`unterminated ${quote} quote in: ${line}`);
  return end;
}

// Returns the unquoted text and the index of the closing quote.
function doubleQuoted(line: string, open: number): [string, number] {
  let text = '';
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return [text, i];
    if (c === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) {
      text += line[++i];
    } else {
      text += c;
    }
  }
  throw new Error(`unterminated " quote in: ${line}`);
}
