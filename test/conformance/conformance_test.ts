// The differential conformance suite: every case under cases/ is run with
// GNU make (the oracle) and with amake, and must behave identically. See
// README.md for the case format.
//
//   CONFORMANCE_FILTER=substring   run only cases whose id contains it
//   CONFORMANCE_AMAKE=/path/make   test another program instead of bin/amake

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { listCases, loadCase, type Case, type CaseFile } from './case_file';
import {
  AMAKE,
  CASES_DIR,
  REPO_ROOT,
  checkCase,
  claimWorkers,
} from './harness';

// The machine has two cores: each worker has its own fixed directory.
const CONCURRENCY = 2;

interface Tally {
  passed: number;
  total: number;
  xfail: number;
}

const tallies = new Map<string, Tally>();
const unexpectedPasses: string[] = [];
const started = Date.now();

// Hands each running case a worker directory no other running case uses.
class WorkerPool {
  private readonly free: string[];
  private readonly waiting: ((worker: string) => void)[] = [];

  constructor(workers: string[]) {
    this.free = [...workers].reverse();
  }

  acquire(): Promise<string> {
    const worker = this.free.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(worker: string): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.free.push(worker);
  }
}

const workers = new WorkerPool(claimWorkers('w', CONCURRENCY));

function selectedCases(): CaseFile[] {
  const filter = process.env.CONFORMANCE_FILTER ?? '';
  return listCases(CASES_DIR).filter((entry) => entry.id.includes(filter));
}

function categoryOf(entry: CaseFile): string {
  return path.dirname(entry.id);
}

function tally(category: string): Tally {
  let t = tallies.get(category);
  if (!t) tallies.set(category, (t = { passed: 0, total: 0, xfail: 0 }));
  return t;
}

// Parses up front so a malformed case fails on its own, visibly, instead
// of aborting the whole file while tests are being registered.
function parse(entry: CaseFile): Case | Error {
  try {
    return loadCase(entry);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function defineCase(entry: CaseFile): void {
  const parsed = parse(entry);
  const counts = tally(categoryOf(entry));
  counts.total++;
  if (parsed instanceof Error) {
    it(path.basename(entry.id), () => {
      parsed.stack = parsed.message; // where in the runner is irrelevant
      throw parsed;
    });
    return;
  }
  if (parsed.xfail) counts.xfail++;
  const todo = parsed.xfail ? `xfail: ${parsed.xfail}` : false;
  it(parsed.name, { todo }, async () => {
    const problems = await runWithWorker(parsed);
    if (problems.length > 0) throw mismatch(parsed, problems);
    counts.passed++;
    if (parsed.xfail) unexpectedPasses.push(parsed.id);
  });
}

async function runWithWorker(c: Case): Promise<string[]> {
  const worker = await workers.acquire();
  try {
    return (await checkCase(c, worker)).problems;
  } finally {
    workers.release(worker);
  }
}

function mismatch(c: Case, problems: string[]): Error {
  const caseFile = path.relative(REPO_ROOT, path.join(CASES_DIR, c.id));
  const message = [
    `${c.id}: ${c.description}`,
    ...problems,
    `debug: node dist/test/conformance/show.js ${caseFile}.mk`,
  ].join('\n');
  const error = new Error(message);
  // The stack would only point into this runner; the message says it all.
  error.stack = message;
  return error;
}

function summaryTable(): string[] {
  const rows = [...tallies].map(([category, t]) => row(category, t));
  const total = { passed: 0, total: 0, xfail: 0 };
  for (const t of tallies.values()) {
    total.passed += t.passed;
    total.total += t.total;
    total.xfail += t.xfail;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return [
    `Conformance of ${AMAKE.path} against GNU make (${seconds}s):`,
    ...rows,
    row('total', total),
  ];
}

function row(name: string, t: Tally): string {
  const percent = t.total ? Math.floor((100 * t.passed) / t.total) : 100;
  const counts = `${t.passed}/${t.total}`.padStart(9);
  return `  ${name.padEnd(16)}${counts} (xfail ${t.xfail})  ${percent}%`;
}

const byCategory = new Map<string, CaseFile[]>();
for (const entry of selectedCases()) {
  const category = categoryOf(entry);
  byCategory.set(category, [...(byCategory.get(category) ?? []), entry]);
}

for (const [category, entries] of byCategory) {
  describe(category, { concurrency: CONCURRENCY }, () => {
    for (const entry of entries) defineCase(entry);
  });
}

// Top-level tests run in order, so this comes after every category.
it('summary: no xfail case passes', (t) => {
  // One diagnostic per line: TAP would escape newlines inside one.
  for (const line of summaryTable()) t.diagnostic(line);
  const list = unexpectedPasses
    .sort()
    .map((id) => `  ${id}`)
    .join('\n');
  assert.equal(
    unexpectedPasses.length,
    0,
    `these xfail cases now pass; remove their xfail marker:\n${list}`,
  );
});
