/**
 * Which executor runs the jobs: the local one, or a REAPI cluster when
 * `--remote-executor` (or AMAKE_REMOTE_EXECUTOR) names one. Sub-makes
 * learn the remote options, and the workspace their parent sends, from
 * the environment, since GNU make would refuse them in MAKEFLAGS.
 */
import * as path from 'node:path';
import { Executor } from '../execute/job';
import { LocalExecutor } from '../execute/local';
import { MakeError } from '../report/errors';
import { Diagnostics } from '../report/reporter';
import { Options, parseArguments } from './options';

/** amake's environment as it started, before amake set anything in it. */
const HOST_ENVIRONMENT: Readonly<Record<string, string | undefined>> = {
  ...process.env,
};

const OPTIONS_VARIABLE = 'AMAKE_REMOTE_OPTIONS';
const WORKSPACE_VARIABLE = 'AMAKE_REMOTE_WORKSPACE';

/** The remote options a parent amake passed down, read into `options`. */
export function inheritRemoteOptions(options: Options): void {
  const inherited = process.env[OPTIONS_VARIABLE];
  if (inherited === undefined) return;
  try {
    parseArguments(JSON.parse(inherited) as string[], options);
  } catch {
    // A value that is not amake's own is not amake's business.
  }
}

/**
 * The executor of this run. An unreachable server stops the build now,
 * before any job, unless `--remote-fallback` allows running here.
 */
export async function chooseExecutor(
  options: Options,
  diagnostics: Diagnostics,
  topMakefile: string | undefined,
  toolVersion: string,
): Promise<{ executor: Executor; close?: () => void }> {
  const local = new LocalExecutor();
  const remote = options.remote;
  const address = remote.executor ?? process.env.AMAKE_REMOTE_EXECUTOR;
  if (!address) return { executor: local };

  // Loaded only here: gRPC costs a local build's start-up time.
  const { RemoteExecutionError, RemoteExecutor } =
    await import('../execute/remote/executor');

  // The workspace: the top-level makefile's directory, or the parent's.
  const own = path.resolve(topMakefile ? path.dirname(topMakefile) : '.');
  const parent = process.env[WORKSPACE_VARIABLE];
  const workspace =
    parent && (own === parent || own.startsWith(parent + path.sep))
      ? parent
      : own;
  try {
    const executor = await RemoteExecutor.connect(
      {
        address,
        instanceName: remote.instanceName,
        headers: remote.headers,
        tlsCa: remote.tlsCa ?? undefined,
        tlsCert: remote.tlsCert ?? undefined,
        tlsKey: remote.tlsKey ?? undefined,
        platform: remote.platform,
        remoteJobs: remote.jobs,
        noCache: remote.noCache,
        fallback: remote.fallback,
        inputs: remote.inputs.map((each) => path.resolve(each)),
        environment: remote.environment,
        hostEnvironment: HOST_ENVIRONMENT,
      },
      local,
      workspace,
      toolVersion,
    );
    process.env[OPTIONS_VARIABLE] = JSON.stringify(remote.words);
    process.env[WORKSPACE_VARIABLE] = workspace;
    process.env.AMAKE_REMOTE_EXECUTOR = address;
    return { executor, close: () => executor.close() };
  } catch (error) {
    if (!(error instanceof RemoteExecutionError)) throw error;
    if (!remote.fallback) {
      throw new MakeError(`remote execution: ${error.message}`);
    }
    diagnostics.warning(
      null,
      `warning: remote execution: ${error.message}; jobs run here instead (--remote-fallback)`,
    );
    // Sub-makes need not try again.
    delete process.env.AMAKE_REMOTE_EXECUTOR;
    process.env[OPTIONS_VARIABLE] = '[]';
    return { executor: local };
  }
}
