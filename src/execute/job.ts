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
  readonly environment: Readonly<Record<string, string>>;
  readonly directory: string;
  /** The job's position in a serial (`-j1`) build, from 1. */
  readonly serial: number;
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
  /** A program could not be started; `text` names it and says why. */
  commandCouldNotStart(text: string): void;
  /** A command whose errors are ignored failed. */
  commandFailedIgnored(command: Command, outcome: CommandOutcome): void;
}

/** Runs jobs: on this machine, or (later) on a remote cluster. */
export interface Executor {
  run(job: Job, listener: JobListener): Promise<JobResult>;
}
