// What the benchmarks share: where the two makes are, running one of them
// while measuring its time and memory, comparing what the two did, and the
// small statistics the reports print. Nothing here asserts anything about
// time: it only measures.

import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Compiled to dist/bench/, two levels below the repository.
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const GNU_MAKE = '/usr/bin/make';
export const AMAKE = path.resolve(
  process.env.BENCH_AMAKE ?? path.join(REPO_ROOT, 'bin/amake'),
);
export const GNU_TIME = '/usr/bin/time';
// Peak resident KiB, user seconds, system seconds.
const TIME_FORMAT = '%M %U %S';
// A run that takes longer than this is taken to hang, and is killed.
const TIMEOUT_SECONDS = integerSetting('BENCH_TIMEOUT', 1200);

/** The positive integer in environment variable `name`, else `fallback`. */
export function integerSetting(name: string, fallback: number): number {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return value > 0 ? value : fallback;
}

export interface Program {
  label: string;
  path: string;
  /** Variables set for it on top of the benchmark's fixed environment. */
  env?: Record<string, string>;
}

export interface RunResult {
  seconds: number;
  /**
   * Peak resident memory in KiB, or null when it could not be measured.
   * GNU time reports the largest process of the tree it waited for: the
   * make, or any command the make ran if one was larger. From /proc it is
   * the make process alone.
   */
  peakKiB: number | null;
  /**
   * User plus system time of the make and everything it ran, when GNU time
   * measured it (or, with `sampleMake`, as last sampled from /proc).
   */
  cpuSeconds: number | null;
  /** Peak memory of the make process on its own: see `sampleMake`. */
  makePeakKiB: number | null;
  /** CPU time of the make process on its own: see `sampleMake`. */
  makeCpuSeconds: number | null;
  status: string;
  stdout: string;
  stderr: string;
}

/** How peak memory is measured: GNU time where installed, else /proc. */
export type MemoryProbe = 'gnu-time' | 'proc';

export interface RunOptions {
  args: string[];
  /** Where the make runs. */
  cwd: string;
  probe: MemoryProbe;
  /** Where GNU time writes its figures: not in a tree that is compared. */
  timeDir: string;
  /**
   * Also sample the make process itself from /proc while it runs: its
   * high-water mark of resident memory and its own CPU time, without the
   * commands it ran. A sample misses only what happens after the last one
   * (the high-water mark never goes down), so these are close estimates.
   */
  sampleMake?: boolean;
}

/** Throws unless GNU make is installed and amake is built. */
export function checkPrograms(): Program[] {
  if (!fs.existsSync(GNU_MAKE)) {
    throw new Error(`${GNU_MAKE} not found: install GNU make`);
  }
  const built = fs.existsSync(path.join(REPO_ROOT, 'dist/src/cli/main.js'));
  if (!process.env.BENCH_AMAKE && !built) {
    throw new Error('amake is not built: run `npm run build` first');
  }
  return [
    { label: 'GNU make', path: GNU_MAKE },
    { label: 'amake', path: AMAKE },
  ];
}

// --- Running a make ---------------------------------------------------------

/** Whether GNU time is here and writes a number for `-f %M`. */
export function detectMemoryProbe(dir: string): MemoryProbe {
  if (!fs.existsSync(GNU_TIME)) return 'proc';
  const output = path.join(dir, 'probe.time');
  const result = spawnSync(GNU_TIME, ['-f', TIME_FORMAT, '-o', output, 'true']);
  const ok = result.status === 0 && readTimeFile(output) !== null;
  fs.rmSync(output, { force: true });
  return ok ? 'gnu-time' : 'proc';
}

/** A fixed environment, so a MAKEFLAGS in the developer's shell cannot
 * change what either make does. */
function benchEnvironment(): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    LANG: 'C',
    LC_ALL: 'C',
  };
}

// The process groups of the runs under way. The terminal's Ctrl-C does not
// reach them, as each has a group of its own: pass it on.
const running = new Set<number>();
process.on('SIGINT', () => {
  for (const pid of running) killGroup(pid);
  process.exit(130);
});

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // It has just ended.
  }
}

/** Runs `program` once, timing it and measuring its memory. */
export function runProgram(
  program: Program,
  options: RunOptions,
): Promise<RunResult> {
  const { args, cwd, probe } = options;
  const timeFile = path.join(
    options.timeDir,
    `${path.basename(program.path)}.time`,
  );
  const [file, commandArgs] =
    probe === 'gnu-time'
      ? [GNU_TIME, ['-f', TIME_FORMAT, '-o', timeFile, program.path, ...args]]
      : [program.path, args];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    // In a process group of its own, so that a hung run can be killed
    // with everything it started.
    const child = spawn(file, commandArgs, {
      cwd,
      env: { ...benchEnvironment(), ...program.env },
      stdio: 'pipe',
      detached: true,
    });
    if (child.pid !== undefined) running.add(child.pid);
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid);
    }, TIMEOUT_SECONDS * 1000);
    child.stdin.end();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    // Without GNU time, sample the high-water mark while the process runs.
    // It misses whatever happens after the last sample: an estimate. With
    // `sampleMake`, sample the make itself (under GNU time, time's child).
    const sampler = new MakeSampler(
      probe === 'proc' ? 'self' : 'child',
      child.pid,
    );
    const timer =
      probe === 'proc' || options.sampleMake
        ? setInterval(() => sampler.sample(), 5)
        : null;

    const finish = (exitStatus: string): void => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (timer) clearInterval(timer);
      clearTimeout(killer);
      if (child.pid !== undefined) running.delete(child.pid);
      const status = timedOut ? `killed after ${TIMEOUT_SECONDS}s` : exitStatus;
      const measured = probe === 'gnu-time' ? readTimeFile(timeFile) : null;
      const sampledCpu = options.sampleMake ? sampler.totalCpuSeconds : null;
      resolve({
        seconds,
        peakKiB: measured ? measured.peakKiB : sampler.peakKiB,
        cpuSeconds: measured ? measured.cpuSeconds : sampledCpu,
        makePeakKiB: options.sampleMake ? sampler.peakKiB : null,
        makeCpuSeconds: options.sampleMake ? sampler.ownCpuSeconds : null,
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    };
    child.on('error', (error) => finish(`spawn error: ${error.message}`));
    child.on('close', (code, signal) =>
      finish(signal ? `signal ${signal}` : `exit ${code}`),
    );
  });
}

// Clock ticks a second, the unit of the CPU times in /proc/PID/stat.
let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const ticks = Number.parseInt(result.stdout ?? '', 10);
    clockTicks = ticks > 0 ? ticks : 100;
  }
  return clockTicks;
}

/**
 * Follows one make process through /proc: either the spawned process
 * itself, or its only child when the spawned process is GNU time. Keeps
 * the largest high-water mark seen and the last CPU times read.
 */
class MakeSampler {
  peakKiB: number | null = null;
  /** User plus system time of the make alone. */
  ownCpuSeconds: number | null = null;
  /** The same plus the times of the children it has waited for. */
  totalCpuSeconds: number | null = null;
  private pid: number | null;

  constructor(
    private readonly which: 'self' | 'child',
    private readonly spawnedPid: number | undefined,
  ) {
    this.pid = which === 'self' ? (spawnedPid ?? null) : null;
  }

  sample(): void {
    if (this.pid === null) this.pid = this.findChild();
    if (this.pid === null || !this.hasExecuted(this.pid)) return;
    const kib = readHighWaterMark(this.pid);
    if (kib !== null) this.peakKiB = Math.max(this.peakKiB ?? 0, kib);
    const times = readCpuTicks(this.pid);
    if (times) {
      const ticks = ticksPerSecond();
      this.ownCpuSeconds = times.own / ticks;
      this.totalCpuSeconds = (times.own + times.children) / ticks;
    }
  }

  // Until GNU time's child has started the make, it is a copy of time,
  // whose figures are not the make's.
  private executed = false;
  private hasExecuted(pid: number): boolean {
    if (this.executed || this.which === 'self') return true;
    try {
      this.executed = fs.readlinkSync(`/proc/${pid}/exe`) !== GNU_TIME;
    } catch {
      // Ended, or not ours to look at.
    }
    return this.executed;
  }

  private findChild(): number | null {
    if (this.which === 'self' || this.spawnedPid === undefined) return null;
    const pid = this.spawnedPid;
    try {
      const file = `/proc/${pid}/task/${pid}/children`;
      const first = fs.readFileSync(file, 'utf8').trim().split(' ')[0];
      return first ? Number(first) : null;
    } catch {
      return null; // Not started yet, or already ended.
    }
  }
}

function readHighWaterMark(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null; // The process has just ended.
  }
}

/** utime + stime, and cutime + cstime, of a process, in clock ticks. */
function readCpuTicks(pid: number): { own: number; children: number } | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name, in parentheses, may hold spaces: count from after it.
  // Fields 14 to 17 of stat(5) are then at 11 to 14.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  if (cstime === undefined || Number.isNaN(cstime)) return null;
  return { own: utime! + stime!, children: cutime! + cstime };
}

// GNU time writes a line like "Command exited with non-zero status 2"
// before its figures when the command fails: read the last line.
function readTimeFile(
  file: string,
): { peakKiB: number; cpuSeconds: number } | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.trim().split('\n');
  const match = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(lines[lines.length - 1]!);
  if (!match) return null;
  return {
    peakKiB: Number(match[1]),
    cpuSeconds: Number(match[2]) + Number(match[3]),
  };
}

// --- Comparing --------------------------------------------------------------

// The two makes differ in the name they print (`make:`, `amake:`).
export function normalise(text: string): string {
  return text.replace(/^a?make(\[\d+\])?:/gm, 'make$1:');
}

export interface ComparedOutput {
  status: string;
  stdout: string;
  stderr: string;
}

export interface DifferenceOptions {
  /**
   * Compare the lines as sorted lists: parallel jobs finish, and so print,
   * in an order that changes from run to run.
   */
  ignoreOrder?: boolean;
  /** The directory each make ran in, printed as `<dir>` in both. */
  directories?: [string, string];
}

/** Describes how the two runs differ, or returns null when they agree. */
export function difference(
  gnu: ComparedOutput,
  amake: ComparedOutput,
  options: DifferenceOptions = {},
): string | null {
  if (gnu.status !== amake.status) {
    return `exit status: GNU make ${gnu.status}, amake ${amake.status}`;
  }
  const linesOf = (text: string, directory: string | undefined): string[] => {
    let normal = normalise(text);
    if (directory) normal = normal.split(directory).join('<dir>');
    const lines = normal.split('\n');
    return options.ignoreOrder ? lines.sort() : lines;
  };
  const [gnuDirectory, amakeDirectory] = options.directories ?? [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const gnuLines = linesOf(gnu[stream], gnuDirectory);
    const amakeLines = linesOf(amake[stream], amakeDirectory);
    const length = Math.max(gnuLines.length, amakeLines.length);
    for (let i = 0; i < length; i++) {
      if (gnuLines[i] === amakeLines[i]) continue;
      return [
        options.ignoreOrder
          ? `${stream} differs (lines sorted) first at line ${i + 1}:`
          : `${stream} differs first at line ${i + 1}:`,
        `  GNU make: ${gnuLines[i] ?? '(end of output)'}`,
        `  amake:    ${amakeLines[i] ?? '(end of output)'}`,
      ].join('\n');
    }
  }
  return null;
}

/** A file or directory of a tree: its content's hash and its mtime. */
interface TreeEntry {
  hash: string;
  mtimeMs: number;
}

/** Every file and directory under `root`, by path relative to it. */
export function snapshotTree(root: string): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  const visit = (relative: string): void => {
    const full = path.join(root, relative);
    for (const dirent of fs.readdirSync(full, { withFileTypes: true })) {
      const name = path.join(relative, dirent.name);
      const stat = fs.statSync(path.join(root, name));
      if (dirent.isDirectory()) {
        entries.set(name + '/', { hash: 'directory', mtimeMs: stat.mtimeMs });
        visit(name);
      } else {
        const content = fs.readFileSync(path.join(root, name));
        const hash = crypto.createHash('sha1').update(content).digest('hex');
        entries.set(name, { hash, mtimeMs: stat.mtimeMs });
      }
    }
  };
  visit('');
  return entries;
}

/** Describes how two trees' files differ, or returns null when they agree. */
export function treeDifference(
  gnu: Map<string, TreeEntry>,
  amake: Map<string, TreeEntry>,
): string | null {
  const problems: string[] = [];
  for (const [name, entry] of gnu) {
    const other = amake.get(name);
    if (!other) problems.push(`only GNU make made ${name}`);
    else if (other.hash !== entry.hash) problems.push(`${name} differs`);
  }
  for (const name of amake.keys()) {
    if (!gnu.has(name)) problems.push(`only amake made ${name}`);
  }
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 5).map((problem) => `  ${problem}`);
  if (problems.length > 5) shown.push(`  and ${problems.length - 5} more`);
  return shown.join('\n');
}

/** The files made, removed or touched between two snapshots of a tree. */
export function changedFiles(
  before: Map<string, TreeEntry>,
  after: Map<string, TreeEntry>,
): string[] {
  const changed: string[] = [];
  for (const [name, entry] of after) {
    const old = before.get(name);
    if (!old || old.mtimeMs !== entry.mtimeMs || old.hash !== entry.hash) {
      changed.push(name);
    }
  }
  for (const name of before.keys()) {
    if (!after.has(name)) changed.push(name);
  }
  return changed.sort();
}

// --- Reporting --------------------------------------------------------------

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The largest of the known values, in MiB, or `unknown`. */
export function formatMemory(kibs: (number | null)[]): string {
  const known = kibs.filter((kib): kib is number => kib !== null);
  if (known.length === 0) return 'unknown';
  return `${(Math.max(...known) / 1024).toFixed(1)} MiB`;
}

/** The median of the known values, in seconds, or `unknown`. */
export function formatMedianSeconds(values: (number | null)[]): string {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? `${median(known).toFixed(2)}s` : 'unknown';
}

/** Prints an error the way every benchmark does and sets the exit code. */
export function reportFailure(error: unknown): void {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
