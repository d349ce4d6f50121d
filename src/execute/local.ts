import { spawn } from 'node:child_process';
import { directArgv, execErrorText } from './command_argv';
import {
  Command,
  CommandOutcome,
  Executor,
  Job,
  JobListener,
  JobResult,
} from './job';

/**
 * Runs a job's commands one after another through the shell on this
 * machine, each in its own shell, the output going straight to amake's.
 */
export class LocalExecutor implements Executor {
  async run(job: Job, listener: JobListener): Promise<JobResult> {
    const startTime = Date.now();
    for (const command of job.commands) {
      listener.commandStarting(command);
      if (!command.run) continue;
      const outcome = await runCommand(job, command);
      if (outcome.startError) listener.commandCouldNotStart(outcome.startError);
      if (outcome.exitCode === 0 && outcome.signal === null) continue;
      if (command.ignoreErrors) {
        listener.commandFailedIgnored(command, outcome);
        continue;
      }
      return {
        outcome: { kind: 'failed', command, outcome },
        startTime,
        endTime: Date.now(),
        executor: 'local',
      };
    }
    return {
      outcome: { kind: 'succeeded' },
      startTime,
      endTime: Date.now(),
      executor: 'local',
    };
  }
}

function runCommand(job: Job, command: Command): Promise<CommandOutcome> {
  // SHELL may hold a program with arguments: `SHELL = bash -x`.
  const argv = directArgv(command.text, job.shell, job.shellFlags, true) ?? [
    ...job.shell.split(/[ \t]+/).filter((word) => word !== ''),
    ...job.shellFlags,
    command.text,
  ];
  if (argv.length === 0) return Promise.resolve({ exitCode: 0, signal: null });
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: job.directory,
      env: job.environment,
      stdio: 'inherit',
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve({
        exitCode: error.code === 'ENOENT' ? 127 : 126,
        signal: null,
        startError: `${argv[0]}: ${execErrorText(error.code)}`,
      });
    });
    child.on('exit', (code, signal) => {
      resolve({ exitCode: code ?? 0, signal: signal ?? null });
    });
  });
}
