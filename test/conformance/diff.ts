// A small line diff for mismatch reports. Outputs in cases are short, so a
// plain longest-common-subsequence table is fast enough and simple.

type Op = { kind: ' ' | '-' | '+'; line: string };

const CONTEXT = 3;
// Above this many table cells, fall back to listing both sides in full.
const MAX_CELLS = 4_000_000;

/** A unified-style diff of two texts; empty when they are equal. */
export function unifiedDiff(
  expected: string,
  actual: string,
  labels: [string, string],
): string {
  if (expected === actual) return '';
  const a = toLines(expected);
  const b = toLines(actual);
  const ops =
    a.length * b.length > MAX_CELLS ? replaceAll(a, b) : editScript(a, b);
  const header = [`--- ${labels[0]}`, `+++ ${labels[1]}`];
  return [...header, ...hunks(ops)].join('\n');
}

// Splits into lines, making invisible differences visible: trailing blanks
// and a missing final newline.
export function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += ' ⟨no newline at end⟩';
  return lines.map(showTrailingBlanks);
}

function showTrailingBlanks(line: string): string {
  const body = line.replace(/[ \t]+$/, '');
  const tail = line.slice(body.length);
  return body + tail.replace(/ /g, '·').replace(/\t/g, '→');
}

function replaceAll(a: string[], b: string[]): Op[] {
  return [
    ...a.map((line): Op => ({ kind: '-', line })),
    ...b.map((line): Op => ({ kind: '+', line })),
  ];
}

function editScript(a: string[], b: string[]): Op[] {
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] =
        a[i] === b[j]
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (
      j >= b.length ||
      (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])
    ) {
      ops.push({ kind: '-', line: a[i++] });
    } else {
      ops.push({ kind: '+', line: b[j++] });
    }
  }
  return ops;
}

// Keeps changed lines with a few lines of context around them.
function hunks(ops: Op[]): string[] {
  const keep = ops.map(() => false);
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    const from = Math.max(0, index - CONTEXT);
    const to = Math.min(ops.length - 1, index + CONTEXT);
    for (let k = from; k <= to; k++) keep[k] = true;
  });
  const out: string[] = [];
  ops.forEach((op, index) => {
    if (!keep[index]) return;
    if (index > 0 && !keep[index - 1]) out.push('@@ … @@');
    out.push(`${op.kind}${op.line}`);
  });
  return out;
}
