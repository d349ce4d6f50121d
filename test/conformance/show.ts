// Developer tool: runs conformance cases and prints GNU make's and amake's
// behaviour side by side.
//
//   node dist/test/conformance/show.js [--gnu] CASE.mk...
//
// --gnu runs GNU make only and prints its output: handy when writing a
// case, to see what the oracle does.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCase, type Case } from './case_file';
import { normaliser, normaliseResult } from './compare';
import { toLines } from './diff';
import {
  AMAKE,
  CASES_DIR,
  GNU_MAKE,
  LABELS,
  caseDir,
  checkCase,
  claimWorkers,
} from './harness';
import { runCase, type CaseResult, type StepResult } from './run_case';

// Its own directory, so it can run while the test suite does.
const [WORKER] = claimWorkers('show', 1);

function readCase(file: string): Case {
  const absolute = path.resolve(file);
  const relative = path.relative(CASES_DIR, absolute);
  const id = relative.startsWith('..') ? path.basename(absolute) : relative;
  return parseCase(id.replace(/\.mk$/, ''), fs.readFileSync(absolute, 'utf8'));
}

async function showGnu(c: Case): Promise<void> {
  const raw = await runCase(c, GNU_MAKE, caseDir(WORKER));
  const result = normaliseResult(raw, normaliser([GNU_MAKE, AMAKE]));
  result.steps.forEach((step, index) => printStep(index, step));
  printTree(c, result);
}

function printStep(index: number, step: StepResult): void {
  console.log(`step ${index + 1} (${step.step.text}): ${step.status}`);
  for (const stream of ['stdout', 'stderr'] as const) {
    for (const line of toLines(step[stream]))
      console.log(`  ${stream}| ${line}`);
  }
}

// Lists the files the case left, with the content of the ones it made.
function printTree(c: Case, result: CaseResult): void {
  console.log('files:');
  for (const [file, entry] of result.tree) {
    const [kind, ...content] = entry.split('\n');
    console.log(`  ${file}: ${kind.replace(/:$/, '')}`);
    if (c.files.has(file)) continue;
    for (const line of toLines(content.join('\n'))) console.log(`    ${line}`);
  }
}

async function showBoth(c: Case): Promise<boolean> {
  const { gnu, amake, problems } = await checkCase(c, WORKER);
  const column = columnWidth();
  console.log(`${fit(LABELS[0], column)}   ${LABELS[1]}`);
  gnu.steps.forEach((step, index) => {
    const other = amake.steps[index];
    console.log(`\n-- step ${index + 1} (${step.step.text})`);
    const status = [[step.status], [other.status]];
    console.log(sideBySide(status[0], status[1], column));
    for (const stream of ['stdout', 'stderr'] as const) {
      const [left, right] = [toLines(step[stream]), toLines(other[stream])];
      if (left.length + right.length === 0) continue;
      console.log(`-- ${stream}:`);
      console.log(sideBySide(left, right, column));
    }
  });
  const treeProblems = problems.filter((p) => p.startsWith('file '));
  if (treeProblems.length > 0) console.log(`\n${treeProblems.join('\n')}`);
  console.log(
    problems.length === 0
      ? '\nidentical'
      : `\n${problems.length} difference(s)`,
  );
  return problems.length === 0;
}

function columnWidth(): number {
  const width = Math.max(40, (process.stdout.columns ?? 160) - 3);
  return Math.floor(width / 2);
}

// Two columns, GNU make on the left; the gutter marks differing lines.
function sideBySide(left: string[], right: string[], column: number): string {
  const rows: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const a = left[i];
    const b = right[i];
    const gutter =
      a === b ? ' ' : a === undefined ? '>' : b === undefined ? '<' : '|';
    rows.push(`${fit(a ?? '', column)} ${gutter} ${b ?? ''}`);
  }
  return rows.join('\n');
}

function fit(text: string, width: number): string {
  return text.length > width
    ? `${text.slice(0, width - 1)}…`
    : text.padEnd(width);
}

async function main(argv: string[]): Promise<number> {
  const gnuOnly = argv[0] === '--gnu';
  const files = gnuOnly ? argv.slice(1) : argv;
  if (files.length === 0) {
    console.error('usage: show.js [--gnu] CASE.mk...');
    return 2;
  }
  let allIdentical = true;
  for (const file of files) {
    const c = readCase(file);
    console.log(`== ${c.id}: ${c.description}`);
    if (gnuOnly) await showGnu(c);
    else allIdentical = (await showBoth(c)) && allIdentical;
  }
  return allIdentical ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
