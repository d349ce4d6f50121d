// Remote execution benchmark: the generated C project (bench/c_project.ts)
// built by GNU make here, by amake here, by amake on Bazel's reference
// REAPI worker with an empty cache, and by amake after `clean` with the
// worker's action cache warm, side by side in one run.
//
//   npm run bench:remote                   build, then run with the defaults
//   BENCH_C_FILES=2000 npm run bench:remote  another size (default 300)
//   BENCH_RUNS=5 ...                       timed runs of each (default 3)
//   BENCH_PARALLEL=4 ...                   the -j of every build (default 2)
//
// The worker runs on this machine, on a loopback port, so "remote" here
// measures what amake's remote path costs (hashing, uploads, the runner,
// applying results), not a faster cluster. The project is smaller than
// bench:c's 2,000 files because the reference worker copies an action's
// whole input root, the workspace, out of its CAS for every action: at
// 2,000 files each cold remote build takes about 40 minutes here. What is
// compared, the rebuild after clean against GNU make's clean build, grows
// with the number of files on both sides. The cold builds each get a new
// worker; the cached builds run in a fresh copy of the project (a clean
// tree) against a worker that built an identical copy before. Each build
// must make the same files as GNU make's; a difference is a warning. It
// asserts nothing about time.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import {
  ReferenceWorker,
  startReferenceWorker,
} from '../test/remote/reference_worker';
import { FILES, LIBRARIES, PROGRAMS, warmUp, writeProject } from './c_project';
import {
  AMAKE,
  GNU_MAKE,
  RunResult,
  detectMemoryProbe,
  formatMedianSeconds,
  integerSetting,
  median,
  reportFailure,
  runProgram,
  snapshotTree,
  treeDifference,
} from './harness';

const RUNS = integerSetting('BENCH_RUNS', 3);
const PARALLEL = integerSetting('BENCH_PARALLEL', 2);

interface Build {
  label: string;
  program: string;
  /** Runs the build once in `dir`; the worker is the build's to choose. */
  run(dir: string): Promise<RunResult>;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'amake-bench-remote-'));
  const workers: ReferenceWorker[] = [];
  try {
    const template = path.join(root, 'template');
    fs.mkdirSync(template);
    writeProject(template);
    const probe = detectMemoryProbe(root);
    warmUp(root);
    console.log(
      `${FILES} C files (${PROGRAMS} programs, ${LIBRARIES} libraries), ` +
        `gcc -O0 -MMD -MP, at -j${PARALLEL}, ${RUNS} timed runs of each`,
    );
    console.log(
      `${os.availableParallelism()} cores, load average ` +
        `${os.loadavg()[0]!.toFixed(2)}; the worker is Bazel's reference ` +
        'worker on this machine',
    );

    const time = (program: string, args: string[], dir: string) =>
      runProgram(
        { label: path.basename(program), path: program },
        { args: [`-j${PARALLEL}`, ...args], cwd: dir, probe, timeDir: root },
      );

    // The cached builds share one worker, warmed by a build of a copy.
    const cacheWorker = await startReferenceWorker();
    workers.push(cacheWorker);
    const warm = copy(template, path.join(root, 'warm'));
    const warmed = await time(
      AMAKE,
      [`--remote-executor=${cacheWorker.address}`],
      warm,
    );
    if (warmed.status !== 'exit 0') {
      throw new Error(`the warming build failed:\n${warmed.stderr}`);
    }

    const builds: Build[] = [
      {
        label: 'GNU make, local',
        program: GNU_MAKE,
        run: (dir) => time(GNU_MAKE, [], dir),
      },
      {
        label: 'amake, local',
        program: AMAKE,
        run: (dir) => time(AMAKE, [], dir),
      },
      {
        label: 'amake, remote, empty cache',
        program: AMAKE,
        run: async (dir) => {
          const worker = await startReferenceWorker();
          workers.push(worker);
          try {
            return await time(
              AMAKE,
              [`--remote-executor=${worker.address}`],
              dir,
            );
          } finally {
            await worker.stop();
          }
        },
      },
      {
        label: 'amake, remote, after clean',
        program: AMAKE,
        run: (dir) =>
          time(AMAKE, [`--remote-executor=${cacheWorker.address}`], dir),
      },
    ];

    const results = builds.map((): RunResult[] => []);
    let reference: ReturnType<typeof snapshotTree> | null = null;
    for (let run = 0; run < RUNS; run++) {
      for (const [i, build] of builds.entries()) {
        const dir = copy(template, path.join(root, `build${i}-${run}`));
        const result = await build.run(dir);
        results[i]!.push(result);
        if (result.status !== 'exit 0') {
          console.log(`WARNING: ${build.label} failed: ${result.status}`);
          console.log(result.stderr.split('\n').slice(-10).join('\n'));
        }
        // Each build must make what GNU make made.
        const tree = snapshotTree(dir);
        if (!reference) reference = tree;
        const difference = treeDifference(reference, tree);
        if (difference) {
          console.log(`WARNING: ${build.label} made other files:`);
          console.log(difference);
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }

    console.log('');
    console.log('build                          median wall   vs GNU make');
    const gnu = median(results[0]!.map((r) => r.seconds));
    for (const [i, build] of builds.entries()) {
      const seconds = results[i]!.map((r) => r.seconds);
      const ratio = median(seconds) / gnu;
      console.log(
        `${build.label.padEnd(30)} ${formatMedianSeconds(seconds).padStart(
          11,
        )}   ${ratio.toFixed(2)}x`,
      );
    }
    const cached = median(results[3]!.map((r) => r.seconds));
    console.log(
      `\nafter clean, from the action cache: ${(gnu / cached).toFixed(1)}x ` +
        "faster than GNU make's clean build (the goal: at least 5x)",
    );
  } finally {
    for (const worker of workers) await worker.stop().catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function copy(template: string, dir: string): string {
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

main().catch(reportFailure);
