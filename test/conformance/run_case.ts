// Runs one case's steps with one make program in a given directory and
// records everything that is compared: each step's output and status, and
// the file tree left behind.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Case, Step } from './case_file';

export interface Program {
  /** Shown in reports: `GNU make` or `amake`. */
  label: string;
  /** Absolute path; both makes are invoked by absolute path. */
  path: string;
}

export interface StepResult {
  step: Step;
  stdout: string;
  stderr: string;
  /** `exit 0`, `signal SIGSEGV`, `timeout after 10s`, `spawn error: …` */
  status: string;
}

/** Relative path → a description: kind, mode and content. */
export type Tree = Map<string, string>;

export interface CaseResult {
  steps: StepResult[];
  tree: Tree;
}

export const STEP_TIMEOUT_MS = 10_000;
// Enough for any sensible case; stops a runaway amake eating memory.
const MAX_STREAM_BYTES = 1 << 20;
// Files written from the case file all get this old mtime, so which of
// them is newer never depends on how fast the runner wrote them.
const CASE_FILE_MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * Creates `dir` afresh with the case's files, runs every step with
 * `program` and snapshots the resulting tree.
 */
export async function runCase(
  c: Case,
  program: Program,
  dir: string,
  extraArgs: readonly string[] = [],
): Promise<CaseResult> {
  writeCaseFiles(c, dir);
  const steps: StepResult[] = [];
  for (const step of c.steps) {
    const env = stepEnv(c, step, program);
    steps.push(await runStep(step, program, dir, env, extraArgs));
  }
  const tree = snapshotTree(dir);
  return { steps, tree };
}

export function writeCaseFiles(c: Case, dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const dirs = new Set<string>([dir]);
  for (const [relative, content] of c.files) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    fs.utimesSync(file, CASE_FILE_MTIME, CASE_FILE_MTIME);
    for (let d = path.dirname(file); d.startsWith(dir); d = path.dirname(d)) {
      dirs.add(d);
    }
  }
  // Directories last: adding entries to a directory updates its mtime.
  for (const d of dirs) fs.utimesSync(d, CASE_FILE_MTIME, CASE_FILE_MTIME);
}

// A fixed minimal environment, so nothing from the developer's shell (such
// as MAKEFLAGS) leaks into either make.
function stepEnv(c: Case, step: Step, program: Program): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    LANG: 'C',
    LC_ALL: 'C',
  };
  // Shell steps find the make under test as $MAKE, e.g. `$MAKE -p | grep`.
  if (step.kind === 'sh') env.MAKE = program.path;
  return { ...env, ...c.env };
}

function runStep(
  step: Step,
  program: Program,
  dir: string,
  env: NodeJS.ProcessEnv,
  extraArgs: readonly string[],
): Promise<StepResult> {
  const [file, args] =
    step.kind === 'run'
      ? [program.path, [...extraArgs, ...step.args]]
      : ['/bin/sh', ['-c', step.command]];
  return new Promise((resolve) => {
    // detached: the child leads a new process group, so a timeout can kill
    // make together with every shell and tool it started.
    const child = spawn(file, args, {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    let status = '';
    const timer = setTimeout(() => {
      status = `timeout after ${STEP_TIMEOUT_MS / 1000}s`;
      killGroup(child.pid);
    }, STEP_TIMEOUT_MS);
    const finish = (): void => {
      clearTimeout(timer);
      killGroup(child.pid); // reap anything a recipe left running
      resolve({ step, stdout: stdout(), stderr: stderr(), status });
    };
    child.on('error', (error) => {
      status = `spawn error: ${error.message}`;
      finish();
    });
    child.on('close', (code, signal) => {
      if (!status) status = signal ? `signal ${signal}` : `exit ${code}`;
      finish();
    });
  });
}

function collect(stream: NodeJS.ReadableStream): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size < MAX_STREAM_BYTES) chunks.push(chunk);
    size += chunk.length;
  });
  return () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (size <= MAX_STREAM_BYTES) return text;
    return `${text.slice(0, MAX_STREAM_BYTES)}\n[truncated: ${size} bytes]\n`;
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

/** Describes every entry below `dir`, sorted by relative path. */
export function snapshotTree(dir: string): Tree {
  const tree: Tree = new Map();
  const walk = (relative: string): void => {
    const names = fs.readdirSync(path.join(dir, relative)).sort();
    for (const name of names) {
      const entry = relative ? `${relative}/${name}` : name;
      const full = path.join(dir, entry);
      const stat = fs.lstatSync(full);
      tree.set(entry, describeEntry(full, stat));
      if (stat.isDirectory()) walk(entry);
    }
  };
  walk('');
  return tree;
}

function describeEntry(full: string, stat: fs.Stats): string {
  if (stat.isSymbolicLink()) return `symlink -> ${fs.readlinkSync(full)}`;
  if (stat.isDirectory()) return 'directory';
  if (!stat.isFile()) return 'special file';
  const mode = stat.mode & 0o100 ? 'executable file' : 'file';
  const content = fs.readFileSync(full);
  // Object files and programs are compared by hash: a text diff of them
  // would be noise, and equal inputs give equal outputs.
  if (content.includes(0)) {
    const hash = createHash('sha256').update(content).digest('hex');
    return `${mode}, binary, ${content.length} bytes, sha256 ${hash}`;
  }
  return `${mode}:\n${content.toString('utf8')}`;
}
