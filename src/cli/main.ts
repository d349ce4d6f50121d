import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Evaluator } from '../evaluate/evaluator';
import { expandFileNames } from '../evaluate/filenames';
import { readDirectoryNow } from '../evaluate/glob';
import {
  defaultSuffixes,
  defineBuiltins,
  installImplicitRules,
} from '../evaluate/builtins';
import { builtinFunctions } from '../evaluate/functions';
import { MakeState } from '../evaluate/state';
import { parseAssignment } from '../parse/assignment';
import { Builder, BuildOptions } from '../graph/remake';
import { clockSkewDetected } from '../graph/filetime';
import { finishDatabase } from '../graph/snap';
import { constants as osConstants } from 'node:os';
import { splitNames } from '../evaluate/filenames';
import { LocalExecutor } from '../execute/local';
import { Executor } from '../execute/job';
import { chooseExecutor, inheritRemoteOptions } from './remote';
import { Spawner } from '../execute/spawner';
import { OrderedReporter } from '../report/ordered_output';
import { StatusLine } from '../report/status';
import { isatty } from 'node:tty';
import { writeSync } from 'node:fs';
import { Jobserver } from '../schedule/jobserver';
import { joinParentJobserver, outputMode, planSchedule } from './scheduling';
import { DebugLog, parseDebugFlags } from '../report/debug_log';
import { ExitRequest, MakeError } from '../report/errors';
import {
  AnnouncingReporter,
  ConsoleReporter,
  Diagnostics,
  Reporter,
  failedStreams,
} from '../report/reporter';
import {
  Options,
  UsageError,
  defaultOptions,
  makeOverrides,
  formatMakeflags,
  makeflagsOptions,
  parseArguments,
  parseMakeflags,
} from './options';
import { AMAKE_VERSION, usage, versionText } from './help';

/** The features GNU make 4.3 lists in `.FEATURES`. */
const features =
  'target-specific order-only second-expansion else-if shortest-stem ' +
  'undefine oneshell nocomment grouped-target extra-prereqs archives ' +
  'jobserver output-sync check-symlink';

/** The absolute path of the amake executable, for $(MAKE). */
function amakeExecutable(): string {
  const script = process.argv[1] ?? 'amake';
  try {
    return realpathSync(script);
  } catch {
    return path.resolve(script);
  }
}

/** Runs amake with the process's arguments and exits with its status. */
export function main(): void {
  // Node's deprecation notices (a TLS server name that is an address, in
  // gRPC) speak to amake's developers, not to the users of a build.
  process.noDeprecation = true;
  const reporter = new AnnouncingReporter(new ConsoleReporter());
  // On a terminal, a progress line, redrawn around everything written.
  const status = new StatusLine(
    reporter,
    (text) => writeSync(1, text),
    () => process.stdout.columns ?? 80,
  );
  // A parallel build puts its output in serial order through it.
  const ordered = new OrderedReporter(status);
  const level = Number.parseInt(process.env.MAKELEVEL ?? '0', 10) || 0;
  const name = path.basename(process.argv[1] ?? 'amake');
  const program = level > 0 ? `${name}[${level}]` : name;
  const diagnostics = new Diagnostics(ordered, program);
  // Whatever way amake ends, what it held back is written. The run writes
  // it out itself first, so that a failure to write is reported as one
  // while it ran would be.
  exitHooks.push(() => {
    ordered.finish();
    status.end();
  });
  process.on('exit', runExitHooks);
  run(process.argv.slice(2), diagnostics, reporter, level, status)
    .then((exitStatus) => {
      ordered.finish();
      status.end();
      return exitStatus;
    })
    .then(
      (exitStatus) => exitStatus,
      (error: unknown) => reportFailure(error, diagnostics),
    )
    .then((exitStatus) => {
      if (clockSkewDetected()) {
        diagnostics.warning(
          null,
          'warning:  Clock skew detected.  Your build may be incomplete.',
        );
      }
      return exitStatus;
    })
    // The helper that starts jobs goes first: nothing is left behind.
    .then((exitStatus) =>
      Spawner.closeAll().then(() => process.exit(checkStdout(exitStatus))),
    );
}

/**
 * Output that could not be written is an error at exit, as in GNU make:
 * `make: write error: stdout`, and status 1.
 */
function checkStdout(status: number): number {
  if (!failedStreams.has(1)) return status;
  const name = path.basename(process.argv[1] ?? 'amake');
  try {
    writeSync(2, `${name}: write error: stdout\n`);
  } catch {
    // Nowhere left to say it.
  }
  return 1;
}

function reportFailure(error: unknown, diagnostics: Diagnostics): number {
  if (error instanceof ExitRequest) return error.status;
  if (error instanceof MakeError) {
    diagnostics.fatal(error.location, error.message);
    return 2;
  }
  if (error instanceof UsageError) {
    // Like getopt, name the program as it was invoked, path and all.
    const invoked = error.fromGetopt
      ? (process.argv[1] ?? diagnostics.program)
      : diagnostics.program;
    diagnostics.reporter.err(`${invoked}: ${error.message}\n`);
    diagnostics.reporter.err(usage(diagnostics.program));
    return 2;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : error;
  diagnostics.reporter.err(
    `${diagnostics.program}: *** internal error: ${String(text)}\n`,
  );
  return 2;
}

/** The phases of a make run, in order. */
async function run(
  args: string[],
  diagnostics: Diagnostics,
  reporter: AnnouncingReporter,
  level: number,
  status: StatusLine,
): Promise<number> {
  // The command line: MAKEFLAGS from the environment, then the arguments.
  const options = defaultOptions();
  parseMakeflags(process.env.GNUMAKEFLAGS ?? '', options);
  // Its flags now travel in MAKEFLAGS; sub-makes must not read them twice.
  if (process.env.GNUMAKEFLAGS !== undefined) process.env.GNUMAKEFLAGS = '';
  parseMakeflags(process.env.MAKEFLAGS ?? process.env.MFLAGS ?? '', options);
  const makeflagsVariables = options.variables.length;
  // -j on the command line of a sub-make takes it out of the jobserver.
  const inheritedJobs = options.jobs;
  options.jobs = null;
  parseArguments(args, options);
  if (options.remote.words.length === 0) inheritRemoteOptions(options);
  const jobsForced = options.jobs !== null && restarts === 0;
  options.jobs ??= inheritedJobs;
  // No built-in variables means no built-in rules either: they use them.
  if (options.noBuiltinVariables) options.noBuiltinRules = true;
  if (options.help) {
    diagnostics.reporter.out(usage(diagnostics.program));
    return 0;
  }
  if (options.version) {
    diagnostics.reporter.out(versionText());
    diagnostics.reporter.out(
      `Jobs are contained by: ${Spawner.containment()}.\n`,
    );
    return 0;
  }
  void makeflagsVariables;
  outputMode(options.outputSync);
  // Never in a pipe, a CI log or a sub-make, whose output is its parent's.
  status.enabled =
    isatty(1) &&
    !options.noStatus &&
    level === 0 &&
    process.env.TERM !== 'dumb' &&
    !process.env.CI;
  const session = startSession(options, diagnostics, reporter);
  if (status.enabled) session.progress = status;
  session.jobserver = joinParentJobserver(options, diagnostics, jobsForced);

  for (const directory of options.directories) {
    try {
      process.chdir(directory);
    } catch {
      throw new MakeError(`${directory}: No such file or directory`);
    }
  }
  const printDirectory =
    options.printDirectory ??
    ((level > 0 || options.directories.length > 0) && !options.silent);
  // Turned on by itself, -w is in MAKEFLAGS too, as in GNU make.
  if (printDirectory) options.printDirectory = true;
  // With -p, GNU comments these lines out, as all its other output.
  const comment = options.printDatabase ? '# ' : '';
  // A make restarted to read remade makefiles may have said it already.
  const announcedBefore = process.env.AMAKE_ANNOUNCED === '1';
  delete process.env.AMAKE_ANNOUNCED;
  if (printDirectory) {
    const where = `${comment}${diagnostics.program}: %s directory '${process.cwd()}'\n`;
    session.directoryLines = {
      entering: where.replace('%s', 'Entering'),
      leaving: where.replace('%s', 'Leaving'),
    };
  }
  if (printDirectory && announcedBefore) reporter.markAnnounced();
  if (printDirectory && !announcedBefore) {
    reporter.announce(
      `${comment}${diagnostics.program}: Entering directory '${process.cwd()}'\n`,
    );
  }
  try {
    const status = await readAndBuild(options, diagnostics, level, session);
    await printDatabaseAtExit(session, options, diagnostics);
    return status;
  } catch (error) {
    // The message comes before the directory is left, and before the
    // database GNU prints after a fatal error.
    const status = reportFailure(error, diagnostics);
    // Said while the makefiles were read, under -O: in one piece.
    const ordered = diagnostics.reporter as OrderedReporter;
    if (ordered.holding) {
      session.announcer.withdraw();
      ordered.release(session.directoryLines);
    }
    if (options.printDatabase && session.state) {
      await printDatabaseAtExit(session, options, diagnostics);
    }
    throw new ExitRequest(status);
  } finally {
    if (printDirectory && reporter.announced && !announcedBefore) {
      diagnostics.reporter.out(
        `${comment}${diagnostics.program}: Leaving directory '${process.cwd()}'\n`,
      );
    }
  }
}

/** What the end of a run needs from its middle: for -p and --debug. */
interface Session {
  /** Null once the run has handed over to a restarted amake. */
  state: MakeState | null;
  /** Those that built: the goals' builder first, then the makefiles'. */
  builders: Builder[];
  /** Set anew if a makefile adds `--debug` to MAKEFLAGS. */
  debug: DebugLog | null;
  /** The jobserver joined or served, if the build is parallel. */
  jobserver?: Jobserver | null;
  /** `Entering directory` and `Leaving directory`, when they are said. */
  directoryLines?: { entering: string; leaving: string };
  /** The progress display on a terminal, if there is one. */
  progress?: StatusLine;
  /** What says `Entering directory`, and knows whether it has. */
  readonly announcer: AnnouncingReporter;
}

/**
 * Reads --debug (GNU stops on an unknown level before anything else) and
 * prints the version banner that GNU starts its debug output with.
 */
function startSession(
  options: Options,
  diagnostics: Diagnostics,
  announcer: AnnouncingReporter,
): Session {
  const levels = parseDebugFlags(options.debug);
  const debug = new DebugLog(diagnostics.reporter, levels);
  if (levels.basic) diagnostics.reporter.out(versionText());
  return {
    state: null,
    builders: [],
    debug: debug.enabled ? debug : null,
    announcer,
  };
}

/**
 * -p: GNU prints the database as it exits, after the build or a fatal
 * error, but not when it re-executes itself.
 */
async function printDatabaseAtExit(
  session: Session,
  options: Options,
  diagnostics: Diagnostics,
): Promise<void> {
  const state = session.state;
  if (!options.printDatabase || !state) return;
  // Loaded only now: a large module that most runs never need, and every
  // run would otherwise pay for at startup.
  const { formatDatabase } = await import('../report/print_database');
  const text = formatDatabase({
    state,
    banner: versionText(),
    commandLineGoals: options.goals,
    commandLineFiles: [...options.oldFiles, ...options.newFiles],
    noBuiltinRules: options.noBuiltinRules,
    report: (node) => {
      const reports = session.builders.map((builder) => builder.report(node));
      return reports.find((report) => report?.status) ?? reports[0] ?? null;
    },
  });
  diagnostics.reporter.out(text);
}

async function readAndBuild(
  options: Options,
  diagnostics: Diagnostics,
  level: number,
  session: Session,
): Promise<number> {
  // Evaluate: built-ins, the environment, the command line, the makefiles.
  const state = new MakeState(diagnostics, builtinFunctions, {
    warnUndefined: options.warnUndefined,
    environmentOverrides: options.environmentOverrides,
    noBuiltinRules: options.noBuiltinRules,
    noBuiltinVariables: options.noBuiltinVariables,
  });
  const evaluator = new Evaluator(state);
  session.state = state;
  // Under -Oline and -Otarget, a parallel make says what it says while it
  // reads the makefiles in one piece, as GNU make does.
  const ordered = diagnostics.reporter as OrderedReporter;
  const parallel =
    (session.jobserver ?? null) !== null || (options.jobs ?? 1) !== 1;
  const syncing =
    options.outputSync === 'line' || options.outputSync === 'target';
  if (parallel && syncing) ordered.hold();
  state.makeLevel = level;
  defineStartupVariables(state, options, level);
  defineBuiltins(state, options);
  // Remote execution is set up first: sub-makes learn of it from the
  // environment, and an unreachable server stops the run before it reads.
  const makefiles = options.makefiles.length
    ? options.makefiles
    : defaultMakefile();
  const executor = await executorOf(options, diagnostics, makefiles[0]);
  importEnvironment(state);
  defineCommandLineVariables(state, evaluator, options);
  state.includeDirectories = [
    ...options.includeDirectories,
    '/usr/local/include',
    '/usr/include',
  ];
  for (const text of options.evals) {
    state.expander.location = null;
    evaluator.evaluateText(text, state.globalScope);
  }

  const missingMakefiles: string[] = [];
  session.debug?.basic(0, 'Reading makefiles...');
  evaluator.onInclude = (name, optional) => {
    const flags = optional ? " (don't care)" : '';
    session.debug?.verbose(
      0,
      `Reading makefile '${name}' (search path)${flags} (no ~ expansion)...`,
    );
  };
  // Makefiles named in MAKEFILES come first, and give no default goal.
  evaluator.rules.setsDefaultGoal = false;
  // MAKEFILES as the variable is: from the environment or the command line.
  const makefilesValue =
    state.globalScope.lookup('MAKEFILES') === undefined
      ? ''
      : state.value('MAKEFILES');
  for (const name of makefilesValue.split(/\s+/)) {
    if (name !== '') evaluator.readMakefile(name);
  }
  evaluator.rules.setsDefaultGoal = true;
  for (const makefile of makefiles) {
    session.debug?.verbose(0, `Reading makefile '${makefile}'...`);
    const name = makefile === '-' ? '/dev/stdin' : makefile;
    if (!evaluator.readMakefile(name)) missingMakefiles.push(name);
  }
  finishDatabase(state);
  applyMakeflagsFromMakefile(state, options, session, diagnostics);
  installImplicitRules(state);
  const { schedule, jobserver } = planSchedule(
    options,
    session.jobserver ?? null,
    diagnostics.reporter as OrderedReporter,
  );
  if (jobserver && jobserver !== session.jobserver) {
    exitHooks.push(() => jobserver.close());
  }
  session.jobserver = jobserver;
  // Under -O each piece of output says where it was made, not the run.
  if (
    schedule &&
    schedule.output !== 'serial' &&
    schedule.output !== 'direct'
  ) {
    if (session.directoryLines) {
      schedule.directoryLines = session.directoryLines;
      session.announcer.withdraw();
    }
  }
  ordered.release(schedule?.directoryLines);
  defineMakeflags(state, options, true);

  const buildOptions: BuildOptions = {
    justPrint: options.justPrint,
    touch: options.touch,
    question: options.question,
    keepGoing: options.keepGoing,
    ignoreErrors: options.ignoreErrors,
    silent: options.silent,
    alwaysMake: options.alwaysMake,
    oldFiles: new Set(expandFileNames(options.oldFiles, false)),
    newFiles: new Set(expandFileNames(options.newFiles, false)),
    checkSymlinkTimes: options.checkSymlinkTimes,
    trace: options.trace,
    debug: session.debug ?? undefined,
    printDatabase: options.printDatabase,
    progress: session.progress,
    jobTimeout: options.jobTimeout ?? undefined,
  };
  const builder = new Builder(
    state,
    buildOptions,
    executor,
    diagnostics,
    false,
    schedule,
  );

  // Makefiles that are out of date or missing are remade, then read again.
  const makefileBuilder = new Builder(
    state,
    {
      ...buildOptions,
      justPrint: false,
      touch: false,
      question: false,
      // -B and -W remake the makefiles once; after the restart they stand.
      alwaysMake: buildOptions.alwaysMake && restarts === 0,
      newFiles: restarts === 0 ? buildOptions.newFiles : new Set<string>(),
    },
    executor,
    diagnostics,
    true,
    schedule,
  );
  session.builders = [builder, makefileBuilder];
  session.debug?.basic(0, 'Updating makefiles....');
  const attempted = [
    ...evaluator.attempted,
    ...missingMakefiles.map((name) => ({
      name,
      location: null,
      optional: false,
    })),
  ].filter((entry) => entry.name !== '/dev/stdin');
  const missingNow = attempted.filter((entry) => !existsSync(entry.name));
  for (const entry of missingNow) {
    if (entry.optional) {
      makefileBuilder.quietFailures.add(entry.name);
      continue;
    }
    makefileBuilder.heldMessages.set(entry.name, () =>
      diagnostics.warning(
        entry.location,
        `${entry.name}: No such file or directory`,
      ),
    );
  }
  const toRemake = [...new Set(attempted.map((entry) => entry.name))];
  toRemake.reverse();
  const timesBefore = new Map(toRemake.map((name) => [name, mtimeOf(name)]));
  const { remade, failed } = await stoppableBy(
    FATAL_SIGNALS,
    makefileBuilder,
    () => makefileBuilder.remakeMakefiles(toRemake),
  );

  // A makefile that could not be remade, missing or not, ends the run;
  // with -k the goals are still built and the run fails after. One that
  // only `-include` named does not count, as GNU's "don't care" files.
  let makefileFailed = false;
  // A makefile whose rule failed but changed it is read again too.
  let changedByFailure = false;
  for (const name of toRemake) {
    if (!failed.includes(name)) continue;
    if (attempted.every((entry) => entry.name !== name || entry.optional)) {
      continue;
    }
    makefileFailed = true;
    const message = makefileBuilder.heldMessages.get(name);
    const missing = message !== undefined && !existsSync(name);
    if (missing) {
      makefileBuilder.heldMessages.delete(name);
      message();
    }
    if (!missing || !makefileBuilder.unmakeable.has(name)) {
      // Its rule failed, and said so; with -k the goals are still built.
      if (!options.keepGoing) return 2;
    } else {
      const noRule = `No rule to make target '${name}'`;
      if (!options.keepGoing) throw new MakeError(noRule);
      diagnostics.error(null, `${noRule}.`);
    }
    diagnostics.warning(null, `Failed to remake makefile '${name}'.`);
    const time = mtimeOf(name);
    if (time !== null && time !== timesBefore.get(name)) {
      changedByFailure = true;
    }
  }
  if (remade.length > 0 || changedByFailure) {
    session.state = null;
    return restart(
      session.debug,
      session.announcer.announced,
      diagnostics.reporter,
      session.jobserver ?? null,
      options,
    );
  }

  // Goals: the command line's, or the default goal.
  if (state.makefiles.length === 0 && missingMakefiles.length === 0) {
    if (options.goals.length === 0 && !state.value('.DEFAULT_GOAL').trim()) {
      throw new MakeError('No targets specified and no makefile found');
    }
  }
  let goals = options.goals;
  if (goals.length === 0) {
    const defaultGoal = state.value('.DEFAULT_GOAL').trim();
    if (defaultGoal === '') {
      if (state.makefiles.length === 0) {
        throw new MakeError('No targets specified and no makefile found');
      }
      throw new MakeError('No targets');
    }
    // The target the makefile named first is taken as it is, a blank in
    // its name and all; anything else is read as a list of names.
    const names = state.database.file(defaultGoal)?.isTarget
      ? [defaultGoal]
      : splitNames(defaultGoal);
    if (names.length > 1) {
      throw new MakeError('.DEFAULT_GOAL contains more than one target');
    }
    goals = names;
  }

  // Build.
  builder.carryOver(makefileBuilder);
  session.debug?.basic(0, 'Updating goal targets....');
  const status = await stoppableBy(FATAL_SIGNALS, builder, () =>
    builder.build(goals),
  );
  schedule?.slots.close();
  return makefileFailed && status === 0 ? 2 : status;
}

/** The signals that end make, deleting what the running jobs made. */
const FATAL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `body` with `signals` ending the build as they end GNU make: the
 * running jobs are stopped, their targets deleted, and amake then dies of
 * the same signal, so its parent sees how it ended.
 */
async function stoppableBy<T>(
  signals: NodeJS.Signals[],
  builder: Builder,
  body: () => Promise<T>,
): Promise<T> {
  let interrupted: Promise<never> | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second signal now ends amake at once.
    for (const each of signals) process.removeListener(each, onSignal);
    interrupted = builder
      .interrupt(signal)
      .then(() => Spawner.closeAll())
      .then(() => dieOf(signal));
  };
  for (const signal of signals) process.on(signal, onSignal);
  try {
    const result = await body();
    if (interrupted) await interrupted;
    return result;
  } finally {
    for (const signal of signals) process.removeListener(signal, onSignal);
  }
}

/** Ends amake by `signal`, after what runs at exit. */
function dieOf(signal: NodeJS.Signals): never {
  process.removeAllListeners(signal);
  runExitHooks();
  process.kill(process.pid, signal);
  // Should the signal be ignored, the status still says what happened.
  process.exit(128 + (osConstants.signals[signal] ?? 0));
}

/** What must happen however amake ends: output written, FIFOs removed. */
const exitHooks: (() => void)[] = [];

function runExitHooks(): void {
  while (exitHooks.length > 0) {
    try {
      exitHooks.shift()!();
    } catch {
      // Standard output may be gone: there is no one to tell.
    }
  }
}

/**
 * Runs amake again with the same arguments, as GNU make re-executes itself
 * after remaking a makefile, and returns its exit status.
 */
function restart(
  debug: DebugLog | null,
  announced: boolean,
  reporter: Reporter,
  jobserver: Jobserver | null,
  options: Options,
): number {
  // GNU make replaces itself; amake waits for its successor, so an endless
  // chain of restarts would pile up processes. It stops at a limit.
  if (restarts + 1 >= restartLimit) {
    throw new MakeError(
      `makefiles were remade ${restartLimit} times in a row; giving up`,
    );
  }
  process.chdir(startDirectory);
  const command = process.argv.slice(1).join(' ');
  debug?.basic(0, `Re-executing[${restarts + 1}]: ${command}`);
  // The new amake writes to the same streams, after this one.
  reporter.flush?.();
  // It gets the options as MAKEFLAGS holds them now (GNUMAKEFLAGS's
  // among them), and the jobserver, whose pipe it inherits as its 3 and 4.
  const makeflags = formatMakeflags(options, jobserver?.auth ?? null);
  const result = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: ['inherit', 'inherit', 'inherit', ...(jobserver?.childFds ?? [])],
    env: {
      ...process.env,
      MAKEFLAGS: makeflags,
      MAKE_RESTARTS: String(restarts + 1),
      ...(announced ? { AMAKE_ANNOUNCED: '1' } : {}),
    },
  });
  return result.status ?? 2;
}

/** A file's modification time in nanoseconds, or null if it is not there. */
function mtimeOf(name: string): bigint | null {
  try {
    return statSync(name, { bigint: true }).mtimeNs;
  } catch {
    return null;
  }
}

const startDirectory = process.cwd();

/** How many times in a row amake re-reads remade makefiles at most. */
const restartLimit = 50;

/**
 * How often this make was restarted to read remade makefiles. It is told
 * in the environment, which then forgets it: sub-makes start afresh.
 */
const restarts = Number.parseInt(process.env.MAKE_RESTARTS ?? '0', 10) || 0;
delete process.env.MAKE_RESTARTS;

/**
 * A makefile may add options to MAKEFLAGS (`MAKEFLAGS += -s`); they take
 * effect once the makefiles are read, as in GNU make.
 */
function applyMakeflagsFromMakefile(
  state: MakeState,
  options: Options,
  session: Session,
  diagnostics: Diagnostics,
) {
  const value = state.value('MAKEFLAGS');
  if (value === makeflagsOptions(options, null, false)) return;
  const flagsPart = value.split(' -- ')[0]!;
  const words = flagsPart.split(/[ \t]+/).filter((word) => word !== '');
  const fromMakefile = defaultOptions();
  try {
    parseMakeflags(words.join(' '), fromMakefile);
  } catch {
    return;
  }
  for (const key of [
    'silent',
    'keepGoing',
    'ignoreErrors',
    'justPrint',
    'touch',
    'question',
    'alwaysMake',
    'noBuiltinRules',
    'noBuiltinVariables',
    'environmentOverrides',
    'checkSymlinkTimes',
    'printDatabase',
    'trace',
    'warnUndefined',
  ] as const) {
    if (fromMakefile[key]) options[key] = true;
  }
  // Lists grow, as GNU's do, repeats and all: they were left out of
  // MAKEFLAGS while the makefiles were read.
  options.includeDirectories.push(...fromMakefile.includeDirectories);
  if (fromMakefile.debug.length > 0) {
    options.debug.push(...fromMakefile.debug);
    // What the build does is told from now on; the banner was not.
    const debug = new DebugLog(
      diagnostics.reporter,
      parseDebugFlags(options.debug),
    );
    session.debug = debug.enabled ? debug : null;
  }
  if (fromMakefile.printDirectory !== null) {
    options.printDirectory = fromMakefile.printDirectory;
  }
  // `MAKEFLAGS += -j4` makes the build parallel, as in GNU make, unless
  // the command line said how parallel.
  if (fromMakefile.jobs !== null && options.jobs === null) {
    options.jobs = fromMakefile.jobs;
  }
  if (fromMakefile.loadAverage !== null) {
    options.loadAverage = fromMakefile.loadAverage;
  }
  if (fromMakefile.outputSync !== null) {
    options.outputSync = fromMakefile.outputSync;
  }
}

/**
 * MAKEFLAGS, MFLAGS and MAKEOVERRIDES, as GNU make defines them: while the
 * makefiles are read MAKEFLAGS holds the options only; once they are read
 * it also names the command-line variables, through MAKEOVERRIDES, so that
 * a makefile can keep them from sub-makes by clearing MAKEOVERRIDES.
 */
function defineMakeflags(
  state: MakeState,
  options: Options,
  afterReading: boolean,
): void {
  const flags = makeflagsOptions(options, options.jobserverAuth, afterReading);
  const overrides = makeOverrides(options);
  if (!afterReading && overrides !== '') {
    state.define('MAKEOVERRIDES', overrides, 'recursive', 'environment', null);
  }
  // `--eval` texts go to sub-makes through a variable of their own, so
  // that expanding MAKEFLAGS leaves their `$` alone.
  let options_ = flags;
  if (options.evals.length > 0) {
    const evals = options.evals
      .map(
        (text) =>
          `--eval=${text.replace(/\$/g, '$$$$').replace(/([ \t])/g, '\\$1')}`,
      )
      .join(' ');
    state.define('-*-eval-flags-*-', evals, 'simple', 'automatic', null);
    options_ += ' $(-*-eval-flags-*-)';
  }
  // Once the makefiles are read, sub-makes get MAKEOVERRIDES if it holds
  // anything, the makefiles' additions to it too, as in GNU make.
  const value =
    afterReading &&
    (state.globalScope.lookup('MAKEOVERRIDES')?.value ?? '') !== ''
      ? `${options_} -- $(MAKEOVERRIDES)`
      : options_;
  // Under -e a makefile's value would not replace the one from the
  // environment: GNU's is an environment override then.
  const origin = !afterReading
    ? 'environment'
    : options.environmentOverrides
      ? 'environment override'
      : 'file';
  state.define('MAKEFLAGS', value, 'recursive', origin, null).exported =
    'export';
  const dashed =
    flags === '' ? '' : flags.startsWith(' ') ? flags.slice(1) : `-${flags}`;
  state.define('MFLAGS', dashed, 'recursive', 'environment', null);
}

/**
 * The executor of the jobs. Under -n, -q and -t no job runs a command
 * that is not a sub-make, so none goes to a remote cluster.
 */
async function executorOf(
  options: Options,
  diagnostics: Diagnostics,
  topMakefile: string | undefined,
): Promise<Executor> {
  if (options.justPrint || options.question || options.touch) {
    return new LocalExecutor();
  }
  const makefile = topMakefile === '-' ? undefined : topMakefile;
  const { executor, close } = await chooseExecutor(
    options,
    diagnostics,
    makefile,
    AMAKE_VERSION,
  );
  if (close) exitHooks.push(close);
  return executor;
}

function defaultMakefile(): string[] {
  readDirectoryNow('.');
  for (const name of ['GNUmakefile', 'makefile', 'Makefile']) {
    if (statSync(name, { throwIfNoEntry: false })?.isFile()) return [name];
  }
  return [];
}

function defineStartupVariables(
  state: MakeState,
  options: Options,
  level: number,
): void {
  const simple = (name: string, value: string) =>
    state.define(name, value, 'simple', 'default', null);
  const executable = amakeExecutable();
  simple('MAKE', '$(MAKE_COMMAND)');
  state.define('MAKE', '$(MAKE_COMMAND)', 'recursive', 'default', null);
  simple('MAKE_COMMAND', executable);
  simple('MAKE_VERSION', '4.3');
  simple('MAKE_HOST', 'x86_64-pc-linux-gnu');
  state.define('CURDIR', process.cwd(), 'simple', 'file', null);
  // GNU ignores SHELL from the environment, yet calls it a makefile's.
  state.define(
    'SHELL',
    '/bin/sh',
    'simple',
    process.env.SHELL === undefined ? 'default' : 'file',
    null,
  );
  simple('.SHELLFLAGS', '-c');
  state.define('MAKELEVEL', String(level), 'simple', 'environment', null);
  simple('.FEATURES', features);
  simple(
    '.INCLUDE_DIRS',
    [
      ...options.includeDirectories,
      '/usr/local/include',
      '/usr/include',
      '/usr/include',
    ].join(' '),
  );
  simple('.LIBPATTERNS', 'lib%.so lib%.a');
  simple('SUFFIXES', options.noBuiltinRules ? '' : defaultSuffixes);
  state.define('.DEFAULT_GOAL', '', 'simple', 'file', null);
  simple('.RECIPEPREFIX', '');
  simple('.VARIABLES', '');
  if (options.goals.length > 0) {
    simple('MAKECMDGOALS', options.goals.join(' '));
  }
  defineMakeflags(state, options, false);
  if (restarts > 0) simple('MAKE_RESTARTS', String(restarts));
  for (const letter of ['@', '%', '<', '?', '^', '+', '*']) {
    state.define(
      `${letter}D`,
      `$(patsubst %/,%,$(dir $${letter}))`,
      'recursive',
      'automatic',
      null,
    );
    state.define(
      `${letter}F`,
      `$(notdir $${letter})`,
      'recursive',
      'automatic',
      null,
    );
  }
}

function importEnvironment(state: MakeState): void {
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === 'SHELL' || name === 'MAKEFLAGS' || name === 'MAKELEVEL') {
      continue;
    }
    if (name === 'MAKE_RESTARTS') continue;
    // This make's command-line variables, MAKEFLAGS's among them, are its
    // MAKEOVERRIDES, not its parent's.
    if (
      name === 'MAKEOVERRIDES' &&
      state.globalScope.lookup(name) !== undefined
    ) {
      continue;
    }
    // Variables from the environment stay exported, even if redefined.
    const variable = state.define(
      name,
      value,
      'recursive',
      'environment',
      null,
    );
    variable.exported = 'export';
  }
}

function defineCommandLineVariables(
  state: MakeState,
  evaluator: Evaluator,
  options: Options,
): void {
  for (const text of options.variables) {
    const assignment = parseAssignment(text);
    if (!assignment) continue;
    const name = state.expander.expand(assignment.name, state.globalScope);
    evaluator.defineVariable(
      state.globals,
      state.globalScope,
      name.trim(),
      assignment.operator,
      assignment.value,
      'command line',
      // Errors in its value are blamed on the line that expands it.
      null,
      false,
    );
  }
}
