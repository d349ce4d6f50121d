// What the test runner and show.ts share: where things are, and running a
// case with both makes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Case } from './case_file';
import { compareResults, normaliseResult, normaliser } from './compare';
import { runCase, type CaseResult, type Program } from './run_case';

// This file is compiled to dist/test/conformance/, three levels down.
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CASES_DIR = path.join(REPO_ROOT, 'test/conformance/cases');
// Fixed paths, so $(CURDIR) and paths in messages are the same for both
// makes and from run to run. One directory per concurrent worker.
export const WORK_ROOT =
  process.env.CONFORMANCE_WORK_ROOT ?? '/tmp/amake-conformance';

export const GNU_MAKE: Program = { label: 'GNU make', path: '/usr/bin/make' };
// CONFORMANCE_AMAKE can point at another build (or at a copy of GNU make,
// to check that the cases themselves are deterministic).
export const AMAKE: Program = {
  label: 'amake',
  path: path.resolve(
    process.env.CONFORMANCE_AMAKE ?? path.join(REPO_ROOT, 'bin/amake'),
  ),
};

export const LABELS: [string, string] = [GNU_MAKE.label, AMAKE.label];

export interface Outcome {
  gnu: CaseResult;
  amake: CaseResult;
  /** Empty when amake behaved exactly like GNU make. */
  problems: string[];
}

export function caseDir(worker: string): string {
  return path.join(WORK_ROOT, worker, 'case');
}

/**
 * Claims `count` worker names (`w0`, `w1`, … or `show0`, …) for this
 * process. Several people may run the suite at once on one machine; each
 * run must have directories of its own, yet they should be the same from
 * run to run. So each run takes the lowest-numbered free ones, marked by a
 * lock directory holding the owner's pid, released when the process exits.
 */
export function claimWorkers(prefix: string, count: number): string[] {
  fs.mkdirSync(WORK_ROOT, { recursive: true });
  const claimed: string[] = [];
  for (let i = 0; claimed.length < count; i++) {
    if (tryLock(`${prefix}${i}`)) claimed.push(`${prefix}${i}`);
  }
  process.on('exit', () => {
    for (const worker of claimed) fs.rmSync(lockDir(worker), lockRemoval);
  });
  return claimed;
}

const lockRemoval = { recursive: true, force: true };

function lockDir(worker: string): string {
  return path.join(WORK_ROOT, `${worker}.lock`);
}

function tryLock(worker: string): boolean {
  const lock = lockDir(worker);
  try {
    fs.mkdirSync(lock); // atomic: exactly one process succeeds
  } catch {
    if (ownerAlive(lock)) return false;
    // Left behind by a run that was killed: take it over.
    fs.rmSync(lock, lockRemoval);
    return tryLock(worker);
  }
  fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
  return true;
}

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return true; // being created right now
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `c` with GNU make, then with amake, in the same directory. */
export async function checkCase(c: Case, worker: string): Promise<Outcome> {
  const dir = caseDir(worker);
  const normalise = normaliser([GNU_MAKE, AMAKE]);
  const gnu = normaliseResult(await runCase(c, GNU_MAKE, dir), normalise);
  const amake = normaliseResult(await runCase(c, AMAKE, dir), normalise);
  const problems = compareResults(gnu, amake, LABELS);
  // A parallel amake must leave what a serial GNU make leaves.
  for (const args of c.parallel) {
    const label = `amake ${args.join(' ')}`;
    const parallel = normaliseResult(
      await runCase(c, AMAKE, dir, args),
      normalise,
    );
    problems.push(...compareResults(gnu, parallel, [LABELS[0], label]));
  }
  return { gnu, amake, problems };
}
