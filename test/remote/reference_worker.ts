// Bazel's reference REAPI v2 worker, for the tests of remote execution:
// built once from Debian's packages into a cache directory that test runs
// share, and started afresh, on a free loopback port, for each test that
// wants one. test/remote/reference_worker.sh does the work.

import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Compiled to dist/test/remote/, three levels below the repository; the
// script is not compiled, so it is found in the source tree.
const REPOSITORY = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(REPOSITORY, 'test/remote/reference_worker.sh');

/** Where the compiled worker is kept between test runs. */
export function referenceWorkerCache(): string {
  return (
    process.env.AMAKE_WORKER_CACHE ??
    path.join(REPOSITORY, 'node_modules/.cache/amake-reference-worker')
  );
}

export interface ReferenceWorker {
  /** `grpc://127.0.0.1:PORT`, as a REAPI client is told the endpoint. */
  address: string;
  port: number;
  /** Holds the worker's work/ and cas/ directories and worker.log. */
  workDir: string;
  pid: number;
  /** Ends the worker (TERM, then KILL) and removes its work directory. */
  stop(): Promise<void>;
  /** Kills the worker at once and leaves its work directory. */
  kill(): void;
}

/**
 * Why the worker cannot be built here (naming the Debian package that is
 * missing), or undefined if it can.
 */
export function referenceWorkerProblem(): string | undefined {
  const check = spawnSync('bash', [SCRIPT, 'check'], { encoding: 'utf8' });
  if (check.error) return `cannot run ${SCRIPT}: ${check.error.message}`;
  if (check.status === 0) return undefined;
  return check.stderr.trim() || `${SCRIPT} check failed (${check.status})`;
}

/** Whether the packages the worker is built from are installed. */
export function canBuildReferenceWorker(): boolean {
  return referenceWorkerProblem() === undefined;
}

// One build per test process; the script itself makes concurrent test
// processes take turns and reuses a build made from the same packages.
let built: Promise<string> | undefined;

/** Compiles the worker into the cache, unless it is there; its path. */
export function buildReferenceWorker(): Promise<string> {
  built ??= (async () => {
    const problem = referenceWorkerProblem();
    if (problem !== undefined) {
      throw new Error(
        `the reference remote worker cannot be built: ${problem}` +
          ' (.ci/run installs what it needs)',
      );
    }
    const dir = referenceWorkerCache();
    await run('bash', [SCRIPT, 'build', dir], { timeout: 600_000 });
    return dir;
  })();
  built.catch(() => (built = undefined));
  return built;
}

const running = new Set<number>();

// A test process that ends without stopping its workers takes them along.
process.on('exit', () => {
  for (const pid of running) signal(pid, 'SIGKILL');
});

/**
 * Starts a worker with its own empty CAS and work directory. `flags` go
 * to the worker as they are: `--jobs=1`, `--sandboxing`, `--debug`...
 */
export async function startReferenceWorker(
  flags: string[] = [],
): Promise<ReferenceWorker> {
  const build = await buildReferenceWorker();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amake-worker-'));
  const portFile = path.join(workDir, 'port');
  let pid: number;
  try {
    const { stdout } = await run(
      'bash',
      [SCRIPT, 'start', build, workDir, portFile, ...flags],
      {
        env: { ...process.env, REFERENCE_WORKER_PARENT_PID: `${process.pid}` },
        timeout: 120_000,
      },
    );
    pid = Number(stdout.trim());
  } catch (error) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  running.add(pid);
  const port = Number(fs.readFileSync(portFile, 'utf8').trim());
  return {
    address: `grpc://127.0.0.1:${port}`,
    port,
    workDir,
    pid,
    async stop() {
      signal(pid, 'SIGTERM');
      if (!(await ended(pid, 5_000))) {
        signal(pid, 'SIGKILL');
        await ended(pid, 5_000);
      }
      // What an action left running is in the worker's process group.
      signal(pid, 'SIGKILL');
      running.delete(pid);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
    kill() {
      signal(pid, 'SIGKILL');
      running.delete(pid);
    },
  };
}

/** Sends `name` to the process group that `pid` leads, if it is there. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    // Already gone.
  }
}

/**
 * Whether `pid` ended within `timeoutMs`. A zombie counts as ended: the
 * worker is not our child, and what reaps orphans here may take its time.
 */
async function ended(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let state: string | undefined;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2)[0];
    } catch {
      return true;
    }
    if (state === 'Z' || state === 'X') return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
