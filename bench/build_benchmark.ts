// The procedure every build benchmark follows: a clean build of a freshly
// copied project, then a null build of the built tree, by GNU make and by
// amake in turn, with the checks that both did the same thing.
//
// Settings every build benchmark reads:
//   BENCH_RUNS=5       timed runs of each make, of each kind of build
//   BENCH_PARALLEL=4   the -j given to both makes (default 2)
//   BENCH_KEEP=1       keep the temporary directory
//   BENCH_TIMEOUT=600  seconds after which a run is taken to hang and is
//                      killed (default 1200)
//   BENCH_AMAKE=path   time another build or program as amake

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import {
  changedFiles,
  checkPrograms,
  detectMemoryProbe,
  difference,
  formatMedianSeconds,
  formatMemory,
  GNU_TIME,
  integerSetting,
  median,
  MemoryProbe,
  Program,
  runProgram,
  RunResult,
  snapshotTree,
  treeDifference,
} from './harness';

export interface BuildBenchmark {
  /** Names the benchmark in its temporary directory's name. */
  name: string;
  /** Writes the project, sources and makefiles, into an empty directory. */
  writeProject(dir: string): void;
  /** One line saying what the project is. */
  describe(): string;
  /** Runs once before anything is timed, e.g. to load the compiler. */
  warmUp?(scratchDir: string): void;
  /** More programs to time after GNU make and amake, such as amake with
   * another setting. */
  extraPrograms?: Program[];
  /** Told each program's median wall time of each kind of build. */
  summarize?(build: 'clean' | 'null', medians: Map<string, number>): void;
}

const RUNS_DEFAULT = 3;

interface Context {
  programs: Program[];
  probe: MemoryProbe;
  parallel: number;
  runs: number;
  /** The temporary directory everything is made in. */
  root: string;
  /** The generated project, copied afresh for every clean build. */
  template: string;
}

/** Runs `benchmark` and prints its tables. */
export async function runBuildBenchmark(
  benchmark: BuildBenchmark,
): Promise<void> {
  const programs = [...checkPrograms(), ...(benchmark.extraPrograms ?? [])];
  const root = fs.mkdtempSync(
    path.join(os.tmpdir(), `amake-bench-${benchmark.name}-`),
  );
  try {
    // Generate the project once; each clean build gets a copy of it.
    const template = path.join(root, 'template');
    fs.mkdirSync(template);
    benchmark.writeProject(template);
    const context: Context = {
      programs,
      probe: detectMemoryProbe(root),
      parallel: integerSetting('BENCH_PARALLEL', 2),
      runs: integerSetting('BENCH_RUNS', RUNS_DEFAULT),
      root,
      template,
    };
    printPreamble(benchmark, context);

    // Load both makes (and whatever the benchmark needs) into the page
    // cache, so that the first timed run does not pay for it.
    for (const program of programs) {
      await runProgram(program, {
        args: ['--version'],
        cwd: root,
        probe: context.probe,
        timeDir: root,
      });
    }
    benchmark.warmUp?.(root);

    const built = await cleanBuilds(context, benchmark);
    await nullBuilds(context, built, benchmark);
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

function printPreamble(benchmark: BuildBenchmark, context: Context): void {
  const { runs, parallel, probe } = context;
  console.log(`${benchmark.describe()}, in ${context.root}`);
  console.log(
    `${runs} timed run${runs === 1 ? '' : 's'} of each make, ` +
      `of a clean build and of a null build, at -j${parallel}`,
  );

  // Other work on the machine slows the builds down: say how busy it was.
  const [load] = os.loadavg();
  console.log(
    `${os.availableParallelism()} cores, load average ` +
      `${load!.toFixed(2)} at the start`,
  );
  console.log(
    probe === 'gnu-time'
      ? `CPU total and peak any: ${GNU_TIME}, the make with every ` +
          'command it ran\n(peak any: the largest one process)'
      : 'CPU total: sampled from /proc, the make with the commands it ' +
          'had waited for\n(peak any: sampled, the make alone)',
  );
  console.log(
    'CPU make and peak make: the make process alone, sampled from /proc',
  );
}

/** The arguments both makes get. */
function makeArguments(context: Context): string[] {
  return [`-j${context.parallel}`];
}

/**
 * Times clean builds, each in a fresh copy of the project, alternating
 * between the makes so that a slow spell of the machine hits both.
 * Compares what the first builds printed and made. Returns the directory
 * of each make's last build, for the null builds.
 */
async function cleanBuilds(
  context: Context,
  benchmark: BuildBenchmark,
): Promise<string[]> {
  const { programs, root } = context;
  const results = programs.map((): RunResult[] => []);
  const latest: string[] = programs.map(() => '');
  for (let run = 0; run < context.runs; run++) {
    for (const [i, program] of programs.entries()) {
      const dir = path.join(root, `${i === 0 ? 'gnu' : `amake${i}`}-${run}`);
      fs.cpSync(context.template, dir, { recursive: true });
      const result = await runProgram(program, {
        args: makeArguments(context),
        cwd: dir,
        probe: context.probe,
        timeDir: root,
        sampleMake: true,
      });
      results[i]!.push(result);

      // GNU make failing means the generated project is wrong: stop.
      if (result.status !== 'exit 0') {
        const output = indent(tail(result.stderr || result.stdout));
        if (i === 0) {
          throw new Error(`GNU make's clean build failed:\n${output}`);
        }
        if (run === 0) {
          console.log(`WARNING: ${program.label}'s clean build failed:`);
          console.log(output);
        }
      }

      // Only the latest build of each make is kept.
      if (latest[i]) fs.rmSync(latest[i]!, { recursive: true, force: true });
      latest[i] = dir;
    }
    if (run === 0) compareBuilds('clean build', results, latest);
  }
  const medians = printTable(
    `clean build, -j${context.parallel}`,
    programs,
    results,
  );
  benchmark.summarize?.('clean', medians);
  return latest;
}

/**
 * Times null builds of the trees the clean builds left: nothing is out of
 * date, so what is timed is reading the makefiles and checking every
 * file. Warns if a make remade anything.
 */
async function nullBuilds(
  context: Context,
  dirs: string[],
  benchmark: BuildBenchmark,
): Promise<void> {
  const { programs } = context;
  const before = dirs.map((dir) => snapshotTree(dir));
  const results = programs.map((): RunResult[] => []);
  for (let run = 0; run < context.runs; run++) {
    for (const [i, program] of programs.entries()) {
      results[i]!.push(
        await runProgram(program, {
          args: makeArguments(context),
          cwd: dirs[i]!,
          probe: context.probe,
          timeDir: context.root,
          sampleMake: true,
        }),
      );
    }
    if (run === 0) compareOutputs('null build', results, dirs);
  }
  for (const [i, program] of programs.entries()) {
    const changed = changedFiles(before[i]!, snapshotTree(dirs[i]!));
    if (changed.length === 0) continue;
    console.log(
      `WARNING: ${program.label}'s null build changed ` +
        `${changed.length} file${changed.length === 1 ? '' : 's'}, ` +
        `first ${changed.slice(0, 3).join(', ')}`,
    );
  }
  const medians = printTable(
    `null build, -j${context.parallel}`,
    programs,
    results,
  );
  benchmark.summarize?.('null', medians);
}

/** Warns if the first builds printed different things or made different
 * files. */
function compareBuilds(
  what: string,
  results: RunResult[][],
  dirs: string[],
): void {
  compareOutputs(what, results, dirs);
  const problem = treeDifference(
    snapshotTree(dirs[0]!),
    snapshotTree(dirs[1]!),
  );
  if (problem) {
    console.log(`WARNING: after a ${what}, amake's files differ from GNU's:`);
    console.log(problem);
  }
}

function compareOutputs(
  what: string,
  results: RunResult[][],
  dirs: string[],
): void {
  const problem = difference(results[0]![0]!, results[1]![0]!, {
    ignoreOrder: true,
    directories: [dirs[0]!, dirs[1]!],
  });
  if (problem) {
    console.log(`WARNING: in a ${what}, amake's output differs from GNU's.`);
    console.log(problem);
  }
}

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-10).join('\n');
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

/**
 * The table of one kind of build. CPU time is shown too: on a busy
 * machine it varies less than wall time does.
 */
/** Prints the table; returns each program's median wall time. */
function printTable(
  title: string,
  programs: Program[],
  results: RunResult[][],
): Map<string, number> {
  const medians = results.map((runs) => median(runs.map((r) => r.seconds)));
  console.log('');
  console.log(`${title}:`);
  const width = Math.max(9, ...programs.map((p) => p.label.length));
  console.log(
    'program'.padEnd(width) +
      ' median wall   best wall  CPU total  CPU make  peak make   peak any',
  );
  for (const [i, program] of programs.entries()) {
    const runs = results[i]!;
    const best = Math.min(...runs.map((r) => r.seconds));
    console.log(
      [
        program.label.padEnd(width),
        `${medians[i]!.toFixed(3)}s`.padStart(12),
        `${best.toFixed(3)}s`.padStart(11),
        formatMedianSeconds(runs.map((r) => r.cpuSeconds)).padStart(10),
        formatMedianSeconds(runs.map((r) => r.makeCpuSeconds)).padStart(9),
        formatMemory(runs.map((r) => r.makePeakKiB)).padStart(10),
        formatMemory(runs.map((r) => r.peakKiB)).padStart(10),
      ].join(' '),
    );
  }
  const ratio = medians[1]! / medians[0]!;
  console.log(`amake / GNU make: ${ratio.toFixed(2)}x the median wall time`);
  return new Map(programs.map((program, i) => [program.label, medians[i]!]));
}
