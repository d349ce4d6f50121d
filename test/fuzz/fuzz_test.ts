// The fuzz test: the conformance cases' makefiles, mutated at random, run
// through amake. Whatever a broken makefile does, amake must end in time,
// with make's exit status (0, 1 or 2), and explain a status of 2 in GNU
// make's words (`*** ...`), never with a JavaScript stack trace.
//
//   FUZZ_SEED=n        the seed (printed by every run; fixed by default)
//   FUZZ_COUNT=n       how many mutants (300 by default)
//   FUZZ_ONLY=3,17     run only these mutants of the seed
//   FUZZ_AMAKE=path    test another program instead of bin/amake
//
// Mutant n depends only on the seed, n and the list of cases, so a failure
// is reproduced by the same seed with FUZZ_ONLY=n. Each failure is also
// printed with the mutant's files, for when the cases have changed since.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { listCases, loadCase, type Case } from '../conformance/case_file';

// Compiled to dist/test/fuzz/, three levels below the repository.
const REPO_ROOT = path.resolve(__dirname, '../../..');
const CASES_DIR = path.join(REPO_ROOT, 'test/conformance/cases');
const AMAKE = path.resolve(
  process.env.FUZZ_AMAKE ?? path.join(REPO_ROOT, 'bin/amake'),
);
const GNU_MAKE = '/usr/bin/make';

const SEED = integerSetting('FUZZ_SEED', 20240607);
const COUNT = integerSetting('FUZZ_COUNT', 300);
const ONLY = (process.env.FUZZ_ONLY ?? '')
  .split(',')
  .filter((word) => word.trim() !== '')
  .map(Number);
const TIMEOUT_MS = 5000;
// Enough failing mutants to act on; more would only make a broken amake
// slow to report, each hang costing a full timeout.
const MAX_FAILURES = 10;
const SHOWN_IN_FULL = 3;
// The machine has two cores.
const CONCURRENCY = 2;
const MAX_OUTPUT_BYTES = 64 * 1024;

// Characters that mean something to make: references, rule and assignment
// operators, recipe prefixes, comments, continuations, line structure.
const SPECIAL = [
  '$', '(', ')', '{', '}', ':', '=', ';', '\\', '#', '%', '\t', '\n', ' ',
  '|', '&', '+', '?', '!', '@', '-', ',', '*',
]; // prettier-ignore

// Each mutant is run as `amake -n`, then as plain `amake`.
const RUNS: readonly (readonly string[])[] = [['-n'], []];

function integerSetting(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name}: not a number`);
  return value;
}

// --- Random numbers ---------------------------------------------------------

/** xorshift32: small, fast, and the same sequence on every machine. */
class Random {
  private state: number;

  constructor(seed: number) {
    // xorshift never leaves the all-zero state, so avoid it.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** An integer from 0 to limit - 1. */
  below(limit: number): number {
    return limit <= 0 ? 0 : this.next() % limit;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

/** Seeds mutant `index`'s generator, so mutants do not depend on each other. */
function mutantSeed(seed: number, index: number): number {
  let h =
    Math.imul(seed ^ 0x85ebca6b, 0xc2b2ae35) ^ Math.imul(index, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

// --- Mutants ----------------------------------------------------------------

interface Mutant {
  index: number;
  /** The case it was made from. */
  caseId: string;
  /** What was done to it, in order, for the report. */
  mutations: string[];
  files: Map<string, string>;
  env: Record<string, string>;
}

function makeMutant(cases: readonly Case[], index: number): Mutant {
  const random = new Random(mutantSeed(SEED, index));
  const source = random.pick(cases);
  const files = new Map(source.files);
  const mutations: string[] = [];

  // One to three mutations, mostly of the Makefile: the other files are
  // often included makefiles, but as often C sources or data.
  const count = 1 + random.below(3);
  for (let i = 0; i < count; i++) {
    const names = [...files.keys()];
    const name = random.below(4) === 0 ? random.pick(names) : 'Makefile';
    const [text, description] = mutate(files.get(name) ?? '', random);
    files.set(name, text);
    mutations.push(`${name}: ${description}`);
  }
  return { index, caseId: source.id, mutations, files, env: source.env };
}

/** Applies one random mutation; returns the text and what was done. */
function mutate(text: string, random: Random): [string, string] {
  const lines = text.split('\n');
  const line = random.below(lines.length);
  const offset = random.below(text.length + 1);
  const where = describeOffset(text, offset);
  switch (random.below(7)) {
    case 0:
      lines.splice(line, 1);
      return [lines.join('\n'), `deleted line ${line + 1}`];
    case 1:
      lines.splice(line, 0, lines[line]!);
      return [lines.join('\n'), `duplicated line ${line + 1}`];
    case 2: {
      // Mostly near neighbours: a line moved a little keeps its context,
      // which is where reading goes wrong in interesting ways.
      const other = Math.min(lines.length - 1, line + 1 + random.below(3));
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      return [lines.join('\n'), `swapped lines ${line + 1} and ${other + 1}`];
    }
    case 3:
    case 4: {
      const inserted = randomSpecials(random, 1 + random.below(3));
      const result = text.slice(0, offset) + inserted + text.slice(offset);
      return [result, `inserted ${JSON.stringify(inserted)} at ${where}`];
    }
    case 5: {
      const replacement = randomSpecials(random, 1);
      const result =
        text.slice(0, offset) + replacement + text.slice(offset + 1);
      return [result, `replaced ${where} by ${JSON.stringify(replacement)}`];
    }
    default:
      return [text.slice(0, offset), `truncated at ${where}`];
  }
}

function randomSpecials(random: Random, length: number): string {
  return Array.from({ length }, () => random.pick(SPECIAL)).join('');
}

/** `line 3 column 5`, both counted from 1. */
function describeOffset(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  const column = before[before.length - 1]!.length + 1;
  return `line ${before.length} column ${column}`;
}

/** The mutant in the conformance case format: Makefile, then `--- name`. */
function formatFiles(files: Map<string, string>): string {
  const parts: string[] = [];
  for (const [name, content] of files) {
    if (name !== 'Makefile') parts.push(`--- ${name}\n`);
    parts.push(content.endsWith('\n') ? content : `${content}\n`);
  }
  return parts.join('');
}

// --- Running ----------------------------------------------------------------

interface Run {
  program: string;
  args: readonly string[];
  /** `exit 2`, `signal SIGSEGV`, `timeout` or `spawn error: ...` */
  status: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

interface Identity {
  uid: number;
  gid: number;
}

/**
 * Mutated recipes run for real, and CI runs as root: a deleted variable
 * can turn `$(OUT)/x` into `/x`. As root, run the makes as `nobody` when
 * that user can reach amake; otherwise as whoever runs the test.
 */
function unprivilegedIdentity(): Identity | null {
  if (process.getuid?.() !== 0) return null;
  const reachable = (file: string, bits: number): boolean => {
    try {
      return (fs.statSync(file).mode & bits) === bits;
    } catch {
      return false;
    }
  };
  for (let dir = REPO_ROOT; ; dir = path.dirname(dir)) {
    if (!reachable(dir, 0o001)) return null;
    if (dir === path.dirname(dir)) break;
  }
  const main = path.join(REPO_ROOT, 'dist/src/cli/main.js');
  if (!reachable(AMAKE, 0o005) || !reachable(main, 0o004)) return null;
  return { uid: 65534, gid: 65534 };
}

/** Lays the mutant's files out afresh in `dir`, owned by `identity`. */
function writeMutant(mutant: Mutant, dir: string, identity: Identity | null) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of mutant.files) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  if (identity) chownTree(dir, identity);
}

function chownTree(dir: string, identity: Identity): void {
  fs.chownSync(dir, identity.uid, identity.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, identity);
    else fs.chownSync(full, identity.uid, identity.gid);
  }
}

function runMake(
  program: string,
  args: readonly string[],
  dir: string,
  mutant: Mutant,
  identity: Identity | null,
): Promise<Run> {
  // A fixed environment: nothing from the caller's (MAKEFLAGS, say) leaks.
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: dir,
    LANG: 'C',
    LC_ALL: 'C',
    ...mutant.env,
  };
  return new Promise((resolve) => {
    // detached: make leads a new process group, so a timeout ends it
    // together with every shell and sub-make it started. 'ignore' gives it
    // /dev/null as its standard input.
    const child = spawn(program, args, {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      ...(identity ?? {}),
    });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    let status = '';
    let exitCode: number | null = null;
    const timer = setTimeout(() => {
      status = 'timeout';
      killGroup(child.pid);
    }, TIMEOUT_MS);

    child.on('error', (error) => {
      clearTimeout(timer);
      status = `spawn error: ${error.message}`;
    });
    // Once make has exited, whatever its recipes left behind is ended too,
    // else a background process holding the pipes open would look like a
    // hang.
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      exitCode = code;
      if (!status) status = signal ? `signal ${signal}` : `exit ${code}`;
      killGroup(child.pid);
    });
    child.on('close', () => {
      resolve({
        program,
        args,
        status,
        exitCode,
        stdout: stdout(),
        stderr: stderr(),
      });
    });
  });
}

function collect(stream: NodeJS.ReadableStream): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size < MAX_OUTPUT_BYTES) chunks.push(chunk);
    size += chunk.length;
  });
  return () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (size <= MAX_OUTPUT_BYTES) return text;
    return `${text.slice(0, MAX_OUTPUT_BYTES)}\n[${size} bytes in all]\n`;
  };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone: the usual case.
  }
}

// --- Checking ---------------------------------------------------------------

// A line of a V8 stack trace: `    at f (/path/file.js:10:5)`.
const STACK_FRAME = /^ {4}at .*:\d+:\d+\)?$/m;

/** What is wrong with one run of amake; empty when nothing is. */
function problemsOf(run: Run): string[] {
  const problems: string[] = [];
  if (run.status === 'timeout') {
    problems.push(`did not end within ${TIMEOUT_MS / 1000} s`);
  } else if (run.exitCode === null || run.exitCode > 2) {
    problems.push(`ended with ${run.status}, not exit 0, 1 or 2`);
  }
  if (STACK_FRAME.test(run.stderr)) {
    problems.push('printed a JavaScript stack trace');
  }
  if (/internal error/i.test(run.stderr)) {
    problems.push("printed 'internal error'");
  }
  if (run.exitCode === 2 && !/\*\*\* /.test(run.stderr)) {
    problems.push("exit status 2 without a GNU make '*** ' error line");
  }
  return problems;
}

/**
 * Whether GNU make itself hangs or crashes on this mutant (endless
 * recursion can do either): then there is no right answer to hold amake
 * to, and the mutant is not counted.
 */
function oracleFails(run: Run): boolean {
  return run.status === 'timeout' || run.status.startsWith('signal');
}

interface Failure {
  mutant: Mutant;
  runs: { run: Run; problems: string[] }[];
}

/** Runs one mutant both ways; returns its failure, GNU make permitting. */
async function checkMutant(
  mutant: Mutant,
  dir: string,
  identity: Identity | null,
): Promise<Failure | null> {
  const failure: Failure = { mutant, runs: [] };
  for (const args of RUNS) {
    writeMutant(mutant, dir, identity);
    const run = await runMake(AMAKE, args, dir, mutant, identity);
    const problems = problemsOf(run);
    if (problems.length === 0) continue;

    // Only now, as it is rarely needed: does GNU make fare any better?
    writeMutant(mutant, dir, identity);
    const gnu = await runMake(GNU_MAKE, args, dir, mutant, identity);
    if (oracleFails(gnu)) continue;
    failure.runs.push({ run, problems });
  }
  return failure.runs.length ? failure : null;
}

function describeFailure(failure: Failure, full: boolean): string {
  const { mutant } = failure;
  const lines = [
    `mutant ${mutant.index}, of ${mutant.caseId}: ` +
      mutant.mutations.join('; '),
  ];
  for (const { run, problems } of failure.runs) {
    const command = ['amake', ...run.args].join(' ');
    lines.push(`  \`${command}\`: ${problems.join(', ')}`);
    if (full) lines.push(`  stderr:\n${indent(run.stderr, '    ')}`);
  }
  if (full) {
    const unterminated = [...mutant.files]
      .filter(([, content]) => content !== '' && !content.endsWith('\n'))
      .map(([name]) => name);
    if (unterminated.length) {
      lines.push(`  no newline at the end of: ${unterminated.join(', ')}`);
    }
    lines.push(
      '  the mutant, as a conformance case file:',
      '----- 8< -----',
      formatFiles(mutant.files) + '----- 8< -----',
    );
  }
  return lines.join('\n');
}

function indent(text: string, prefix: string): string {
  if (text === '') return `${prefix}(empty)`;
  return text.replace(/\n$/, '').replace(/^/gm, prefix);
}

// --- The test ---------------------------------------------------------------

function loadAllCases(): Case[] {
  const cases: Case[] = [];
  for (const entry of listCases(CASES_DIR)) {
    try {
      cases.push(loadCase(entry));
    } catch {
      // A malformed case fails in the conformance suite; here it is only
      // one source of makefiles fewer.
    }
  }
  return cases;
}

test('mutated makefiles end in make errors, not crashes', async (t) => {
  const cases = loadAllCases();
  assert.ok(cases.length > 0, `no conformance cases found in ${CASES_DIR}`);
  const identity = unprivilegedIdentity();
  const indices = ONLY.length ? ONLY : [...Array(COUNT).keys()];
  t.diagnostic(
    `seed ${SEED} (FUZZ_SEED), ${indices.length} mutants of ` +
      `${cases.length} cases, run as ${identity ? 'nobody' : 'this user'}`,
  );

  // Workers take the next mutant until all are done or enough have failed.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'amake-fuzz-'));
  fs.chmodSync(root, 0o755);
  const failures: Failure[] = [];
  let next = 0;
  let checked = 0;
  const worker = async (dir: string): Promise<void> => {
    while (next < indices.length && failures.length < MAX_FAILURES) {
      const mutant = makeMutant(cases, indices[next++]!);
      const failure = await checkMutant(mutant, dir, identity);
      checked++;
      if (failure) failures.push(failure);
    }
  };
  try {
    const dirs = Array.from({ length: CONCURRENCY }, (_, i) =>
      path.join(root, `w${i}`),
    );
    await Promise.all(dirs.map(worker));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }

  // The report: the first few failures in full, the others in a line each.
  failures.sort((a, b) => a.mutant.index - b.mutant.index);
  const report = failures.map((failure, i) =>
    describeFailure(failure, i < SHOWN_IN_FULL),
  );
  const stopped = failures.length >= MAX_FAILURES ? ', then stopped' : '';
  if (failures.length === 0) return;
  assert.fail(
    [
      `${failures.length} of ${checked} mutants failed${stopped}; ` +
        `reproduce with FUZZ_SEED=${SEED} FUZZ_ONLY=<mutant>`,
      ...report,
    ].join('\n\n'),
  );
});
