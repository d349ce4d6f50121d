// What the tests of parallel building share: a scratch directory with a
// makefile, and a way to run a make in it and collect what it did.

import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Compiled to dist/test/parallel/, three levels below the repository.
export const AMAKE = path.resolve(__dirname, '../../../bin/amake');
export const GNU_MAKE = '/usr/bin/make';

/** A fresh directory holding `files` (relative path → content). */
export function scratch(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amake-parallel-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `program` in `dir`; `finished` resolves when it has ended. */
export function start(
  program: string,
  args: string[],
  dir: string,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(program, args, {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  const finished = new Promise<Finished>((resolve) => {
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr }),
    );
  });
  return { child, finished };
}

/** Waits until `file` exists, for at most `timeoutMs`. */
export async function waitForFile(
  file: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The processes whose working directory is inside `dir`. */
export function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + '/')) {
        const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        found.push(`${entry}: ${command.replace(/\0/g, ' ').trim()}`);
      }
    } catch {
      // Gone, or not ours to look at.
    }
  }
  return found;
}

/**
 * The most jobs that ran at once, from a log where each job wrote `+` as
 * it started and `-` as it ended.
 */
export function mostAtOnce(log: string): number {
  let running = 0;
  let most = 0;
  for (const mark of log) {
    if (mark === '+') most = Math.max(most, ++running);
    if (mark === '-') running--;
  }
  return most;
}

/**
 * A recipe line that writes `+name` to `log` as it starts and `-name` as
 * it ends, with `seconds` between.
 */
export function loggedJob(name: string, seconds = 0.3): string {
  return `\t@printf '+${name} ' >> log; sleep ${seconds}; printf -- '-${name} ' >> log\n`;
}

/** What `loggedJob`s wrote to `dir/log`, in order: `+a`, `-a`. */
export function loggedEvents(dir: string): string[] {
  const text = fs.readFileSync(path.join(dir, 'log'), 'utf8');
  return text.split(' ').filter((event) => event !== '');
}
