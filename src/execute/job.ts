/**
 * A job: everything an Executor needs to run one target's recipe, as pure
 * data. Recipes are expanded before a job is made, so an executor needs no
 * access to the make database.
 */
export interface Job {
  /** The target the recipe makes, for messages. */
  readonly target: string;
  readonly commands: readonly Command[];
  readonly shell: string;
  readonly shellFlags: readonly string[];
  /** `.SHELLFLAGS` as written, quotes and all, for an unusual SHELL. */
  readonly shellFlagsText?: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly directory: string;
  /**
   * The job's number, from 1, in the order jobs were started. In a serial
   * build that is its position; in a parallel one the output is put back
   * in serial order, and the position is known when the job's output is.
   */
  readonly serial: number;
  /**
   * Descriptors the recursive commands (`+`, `$(MAKE)`) inherit as their
   * 3 and 4: the jobserver's pipe, as GNU make 4.3 passes it.
   */
  readonly jobserverFds?: readonly number[];
  /**
   * `--job-timeout`: after this many seconds the job's processes get TERM,
   * then KILL, and the job fails.
   */
  readonly timeoutSeconds?: number;
  /**
   * `#pragma keepdaemons`: what the job leaves running (a fakeroot daemon
   * that later jobs use) lives until the build is done.
   */
  readonly keepDaemons?: boolean;
  /**
   * The job shares amake's SysV IPC namespace: the build keeps a daemon
   * that jobs reach through SysV IPC.
   */
  readonly sharedIpc?: boolean;
  /** `#pragma runlocal`: the job runs on the build host, never remotely. */
  readonly runLocal?: boolean;
  /**
   * `#pragma nocache`: the job's result is not reproducible, so it is
   * neither taken from a remote action cache nor put in one.
   */
  readonly noCache?: boolean;
  /**
   * The files the target depends on directly (order-only ones too),
   * relative to `directory` or absolute. A remote job sees the outputs
   * of this build's other jobs only through them.
   */
  readonly prerequisites?: readonly string[];
}

/** One command of a recipe: what one shell invocation runs. */
export interface Command {
  readonly text: string;
  /** `@`, `-s` or `.SILENT`: not echoed. */
  readonly silent: boolean;
  /** `-`, `-i` or `.IGNORE`: a failure does not fail the job. */
  readonly ignoreErrors: boolean;
  /** Whether to run it at all (false under `-n` unless `+` or $(MAKE)). */
  readonly run: boolean;
  /** `+` or `$(MAKE)`: it runs a sub-make, which gets the jobserver. */
  readonly recursive?: boolean;
  /** The whole recipe under `.ONESHELL`, for one shell. */
  readonly oneShell?: boolean;
  /** Where it was written, for error messages: `Makefile:5`. */
  readonly where: string;
}

/** How one command ended. */
export interface CommandOutcome {
  readonly exitCode: number;
  /** The signal name when the command was killed by one. */
  readonly signal: string | null;
  /** Why the program could not be started, as `foo: No such file...`. */
  readonly startError?: string;
  /** The job ran out of time (`--job-timeout`) and was stopped. */
  readonly timedOut?: boolean;
}

export type JobOutcome =
  | { readonly kind: 'succeeded' }
  | {
      readonly kind: 'failed';
      readonly command: Command;
      readonly outcome: CommandOutcome;
    }
  | { readonly kind: 'interrupted'; readonly signal: string };

export interface JobResult {
  readonly outcome: JobOutcome;
  readonly startTime: number;
  readonly endTime: number;
  /** Where the job ran: `local`, or a remote worker's name. */
  readonly executor: string;
}

/** What an executor tells its caller while a job runs. */
export interface JobListener {
  /** A command is about to run (or would, under `-n`): echo it. */
  commandStarting(command: Command): void;
  /** A process is about to start for the command that was announced. */
  processStarting?(): void;
  /** A program could not be started; `text` names it and says why. */
  commandCouldNotStart(text: string): void;
  /** A command whose errors are ignored failed. */
  commandFailedIgnored(command: Command, outcome: CommandOutcome): void;
  /**
   * What the job writes. Without it the job writes straight to amake's
   * own standard output and error, and reads its standard input.
   */
  output?(stream: 'out' | 'err', data: Uint8Array): void;
  /**
   * A process the job left running when its command ended: amake stops
   * it (TERM, then KILL), and says so once.
   */
  leftBehind?(pid: number, command: string): void;
  /** A command ended; `-O line` prints its output then. */
  commandEnded?(command: Command): void;
  /**
   * The job ran elsewhere and its changes to the workspace are ready:
   * resolves when they may be applied, once every serially earlier job
   * has ended (with `-O` modes other than amake's serial one, at once).
   * The job runs nothing more, so its slot goes to other jobs meanwhile.
   */
  inTurn?(): Promise<void>;
}

/** Runs jobs: on this machine, or (later) on a remote cluster. */
export interface Executor {
  run(job: Job, listener: JobListener): Promise<JobResult>;
  /** It ends what a job leaves running (see `Job.keepDaemons`). */
  readonly containsJobs?: boolean;
  /**
   * Sends `signal` to every job running: amake was interrupted. Each
   * run still resolves, with the job's outcome.
   */
  signalAll(signal: NodeJS.Signals): void;
}
