import { StdioOptions, spawn } from 'node:child_process';
import { fstatSync, readFileSync, readdirSync } from 'node:fs';
import {
  directArgv,
  execErrorText,
  isNoOp,
  shellCommandLine,
} from './command_argv';
import { Spawner } from './spawner';
import {
  Command,
  CommandOutcome,
  Executor,
  Job,
  JobListener,
  JobOutcome,
  JobResult,
} from './job';

/** How long a job out of time has between TERM and KILL, in ms. */
const TIMEOUT_GRACE_MS = 2000;

/** The outcome of a job stopped by `--job-timeout`. */
function timeoutFailure(
  command: Command,
  outcome: CommandOutcome = { exitCode: 0, signal: 'SIGTERM' },
): JobOutcome {
  return {
    kind: 'failed',
    command,
    outcome: { ...outcome, timedOut: true },
  };
}

/**
 * How long the output of a command that ended is still read, in ms, when
 * a process it left behind keeps the pipes open.
 */
const LEFTOVER_GRACE_MS = 200;

/**
 * Runs a job's commands one after another through the shell on this
 * machine, each in its own shell. The output goes straight to amake's
 * unless the listener takes it.
 */
export class LocalExecutor implements Executor {
  /** The shell of each command running now, and whether it leads a group. */
  private readonly running = new Map<number, boolean>();
  private spawner: Spawner | null = null;

  /** Jobs started through amake-spawner are contained. */
  get containsJobs(): boolean {
    return Spawner.available();
  }

  async run(job: Job, listener: JobListener): Promise<JobResult> {
    const startTime = Date.now();
    const result = (outcome: JobOutcome): JobResult => ({
      outcome,
      startTime,
      endTime: Date.now(),
      executor: 'local',
    });
    // `--job-timeout`: the job's processes are stopped when time is up.
    const pids = new Set<number>();
    let timedOut = false;
    const timer =
      job.timeoutSeconds === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            this.signalProcesses(pids, 'SIGTERM');
            setTimeout(
              () => this.signalProcesses(pids, 'SIGKILL'),
              TIMEOUT_GRACE_MS,
            ).unref();
          }, job.timeoutSeconds * 1000);
    try {
      for (const command of job.commands) {
        listener.commandStarting(command);
        if (!command.run) continue;
        if (timedOut) return result(timeoutFailure(command));
        const outcome = await this.runCommand(job, command, listener, pids);
        if (timedOut) return result(timeoutFailure(command, outcome));
        listener.commandEnded?.(command);
        if (outcome.startError) {
          listener.commandCouldNotStart(outcome.startError);
        }
        if (outcome.exitCode === 0 && outcome.signal === null) continue;
        if (command.ignoreErrors) {
          listener.commandFailedIgnored(command, outcome);
          continue;
        }
        return result({ kind: 'failed', command, outcome });
      }
      return result({ kind: 'succeeded' });
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * Signals processes, the process `groups` and everything below the
   * processes, all found before any is signalled: a process whose parent
   * dies goes to another parent.
   */
  private signalProcesses(
    pids: Iterable<number>,
    signal: NodeJS.Signals,
    groups: readonly number[] = [],
  ): void {
    const all = [...pids].flatMap((pid) => [pid, ...descendantsOf(pid)]);
    for (const each of [...groups, ...all]) killQuietly(each, signal);
  }

  /** The command through amake-spawner: the same, at a lower cost. */
  private runThroughSpawner(
    spawner: Spawner,
    argv: string[],
    job: Job,
    command: Command,
    listener: JobListener,
    pids: Set<number>,
  ): Promise<CommandOutcome> {
    const captured = listener.output !== undefined;
    return new Promise((resolve) => {
      let pid = 0;
      spawner.start(
        {
          argv,
          directory: job.directory,
          environment: job.environment,
          capture: captured,
          ownGroup: captured,
          jobserver: Boolean(command.recursive && job.jobserverFds),
          keep: job.keepDaemons,
          sharedIpc: job.sharedIpc,
          merge: captured && amakeStreamsAreOneFile(),
        },
        {
          started: (started) => {
            pid = started;
            this.running.set(pid, captured);
            pids.add(pid);
          },
          output: (stream, data) => listener.output!(stream, data),
          ended: (exitCode, signal) => {
            this.running.delete(pid);
            pids.delete(pid);
            resolve({ exitCode, signal });
          },
          leftBehind: (leftover, text) => listener.leftBehind?.(leftover, text),
          couldNotStart: (code) => {
            this.running.delete(pid);
            resolve({
              exitCode: code === 'ENOENT' ? 127 : 126,
              signal: null,
              startError: `${argv[0]}: ${execErrorText(code)}`,
            });
          },
        },
      );
    });
  }

  signalAll(signal: NodeJS.Signals): void {
    const groups = [...this.running]
      .filter(([, ownGroup]) => ownGroup)
      .map(([pid]) => -pid);
    this.signalProcesses(this.running.keys(), signal, groups);
  }

  private runCommand(
    job: Job,
    command: Command,
    listener: JobListener,
    pids: Set<number>,
  ): Promise<CommandOutcome> {
    const argv =
      directArgv(command.text, job.shell, job.shellFlags, true) ??
      shellArgv(job, command);
    // A lone `:` starts no shell, as GNU make's optimisation of it.
    if (argv.length === 0 || isNoOp(argv)) {
      return Promise.resolve({ exitCode: 0, signal: null });
    }
    listener.processStarting?.();
    const captured = listener.output !== undefined;
    const stdio: StdioOptions = captured
      ? ['ignore', 'pipe', 'pipe']
      : ['inherit', 'inherit', 'inherit'];
    // Sub-makes share the jobserver, as their 3 and 4.
    if (command.recursive && job.jobserverFds) stdio.push(...job.jobserverFds);
    if (Spawner.available()) {
      this.spawner ??= new Spawner(job.jobserverFds?.[0] ?? null);
      return this.runThroughSpawner(
        this.spawner,
        argv,
        job,
        command,
        listener,
        pids,
      );
    }
    return new Promise((resolve) => {
      // A job whose output amake reads runs in a process group of its
      // own, so that a signal for the job reaches all of it. One that
      // writes to amake's streams stays in amake's, with the terminal.
      const child = spawn(argv[0]!, argv.slice(1), {
        cwd: job.directory,
        env: job.environment,
        stdio,
        detached: captured,
      });
      this.running.set(child.pid!, captured);
      if (child.pid !== undefined) pids.add(child.pid);
      if (captured) {
        child.stdout!.on('data', (data: Buffer) =>
          listener.output!('out', data),
        );
        child.stderr!.on('data', (data: Buffer) =>
          listener.output!('err', data),
        );
      }
      child.on('error', (error: NodeJS.ErrnoException) => {
        this.running.delete(child.pid!);
        resolve({
          exitCode: error.code === 'ENOENT' ? 127 : 126,
          signal: null,
          startError: `${argv[0]}: ${execErrorText(error.code)}`,
        });
      });
      child.on('exit', (code, signal) => {
        this.running.delete(child.pid!);
        pids.delete(child.pid!);
        const outcome = { exitCode: code ?? 0, signal: signal ?? null };
        if (!captured) {
          resolve(outcome);
          return;
        }
        // The output is read to its end, unless a process the command left
        // behind holds the pipes open: that is not waited for long.
        const abandon = setTimeout(() => {
          child.stdout!.destroy();
          child.stderr!.destroy();
          resolve(outcome);
        }, LEFTOVER_GRACE_MS);
        child.on('close', () => {
          clearTimeout(abandon);
          resolve(outcome);
        });
      });
    });
  }
}

/** The processes below `pid`, from /proc, children before their own. */
function descendantsOf(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(
          `/proc/${parent}/task/${task}/children`,
          'utf8',
        );
      } catch {
        continue;
      }
      for (const word of children.split(' ')) {
        if (word === '') continue;
        found.push(Number(word));
        queue.push(Number(word));
      }
    }
  }
  return found;
}

let oneFile: boolean | null = null;

/**
 * Whether amake's standard output and error are the same file (`2>&1`):
 * then what a job writes to either keeps its order only in one pipe.
 */
function amakeStreamsAreOneFile(): boolean {
  if (oneFile === null) {
    try {
      const out = fstatSync(1);
      const err = fstatSync(2);
      oneFile = out.dev === err.dev && out.ino === err.ino;
    } catch {
      oneFile = false;
    }
  }
  return oneFile;
}

/**
 * How a command runs through the shell when GNU make's fast path does not
 * apply. Under .ONESHELL: the shell, the words of .SHELLFLAGS and the
 * script. Otherwise GNU make writes SHELL, .SHELLFLAGS and the command,
 * quoted, into one line and reads that as a command for /bin/sh: quotes
 * in SHELL or .SHELLFLAGS (`.SHELLFLAGS := 'ho;ho'`) are taken out then,
 * and a line too hard to split runs through `/bin/sh -c`.
 */
function shellArgv(job: Job, command: Command): string[] {
  if (command.oneShell) {
    return [
      ...job.shell.split(/[ \t]+/).filter((word) => word !== ''),
      ...job.shellFlags,
      command.text,
    ];
  }
  const line = shellCommandLine(
    job.shell,
    job.shellFlagsText ?? job.shellFlags.join(' '),
    command.text,
  );
  return directArgv(line, '/bin/sh', ['-c']) ?? ['/bin/sh', '-c', line];
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // It has just ended.
  }
}
