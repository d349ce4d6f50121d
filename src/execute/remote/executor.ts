/**
 * The remote executor: runs jobs as actions on a REAPI v2 cluster. Each
 * job's input root is the workspace as a Merkle tree, with amake's runner
 * and the job beside it; the runner's output directory says what the job
 * changed, and that is applied here. Jobs that must run on this machine
 * (`#pragma runlocal`, sub-makes, fakeroot's daemon mode) go to the local
 * executor.
 */
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import { join, relative, resolve, sep } from 'node:path';
import {
  CommandOutcome,
  Executor,
  Job,
  JobListener,
  JobOutcome,
  JobResult,
} from '../job';
import { OutputNode, UnsafeResultError, applyResult } from './apply';
import { RemoteCallError, RemoteClient, RemoteSettings } from './client';
import {
  BlobSource,
  InputTree,
  compareNames,
  OUTPUT_BUNDLE,
  OUTPUT_TREE,
  RUNNER_DIRECTORY,
} from './input_tree';
import {
  ActionResultMessage,
  Digest,
  DirectoryMessage,
  ExecuteResponseMessage,
  ServerCapabilitiesMessage,
  decode,
  digestKey,
  digestOf,
  encode,
  treeDirectories,
} from './reapi';
import {
  CommandStatus,
  ManifestError,
  encodeJobFile,
  parseLeftovers,
  parseBundle,
  parseManifest,
  parseStatus,
  toPathForm,
} from './runner_protocol';

/** The runner built with amake (native/runner.c). */
const RUNNER = join(__dirname, '../../../amake-runner');

/** The PATH a job gets on a worker unless `--remote-env=PATH` sends ours. */
const WORKER_PATH =
  '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * How much longer than `--job-timeout` amake waits for an action, for
 * its inputs to be set up and its outputs collected on the worker.
 */
const TIMEOUT_SLACK_SECONDS = 10;

/** How often a job is tried when the worker or the server fails it. */
const ATTEMPTS = 4;

/** The `--remote-*` options. */
export interface RemoteOptions extends RemoteSettings {
  readonly platform: readonly (readonly [string, string])[];
  /** Jobs in flight remotely at once; null: as many as `-j` allows. */
  readonly remoteJobs: number | null;
  readonly noCache: boolean;
  readonly fallback: boolean;
  /** Directories besides the workspace that are inputs of every job. */
  readonly inputs: readonly string[];
  /** Variables of amake's environment that may reach the cluster. */
  readonly environment: readonly string[];
  /** amake's environment as it started. */
  readonly hostEnvironment: Readonly<Record<string, string | undefined>>;
}

/** A problem of remote execution, worded for the user. */
export class RemoteExecutionError extends Error {}

/** What the server can do, read from its capabilities. */
export interface ServerFeatures {
  /** API 2.1 and later take `output_paths`; 2.0 output directories. */
  readonly outputPaths: boolean;
  readonly maxBatchBytes: number;
}

/** What one remote job of this build wrote, for the jobs after it. */
interface Production {
  readonly outputs: readonly string[];
  /** Its job's prerequisites, relative to the exec root. */
  readonly prerequisites: readonly string[];
}

/** Counts jobs in flight: `--remote-jobs`. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async enter(): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

/** A file of the input tree is not what it was when the tree was read. */
class StaleInput extends Error {}

/** A file's content, or null if it is gone or cannot be read. */
function readSource(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** The action ran out of its time (`--job-timeout`). */
class TimedOut extends Error {}

/** How a remote attempt ended when it did not end with a result. */
class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(signal);
  }
}

export class RemoteExecutor implements Executor {
  readonly containsJobs = true;
  private readonly tree: InputTree;
  /**
   * The files remote jobs of this build wrote, by path relative to the
   * exec root: a later job sees one only if it depends on it.
   */
  private readonly producedBy = new Map<string, Production>();
  /** Blobs the server is known to have. */
  private readonly present = new Set<string>();
  private readonly gate: Gate;
  private interrupted: NodeJS.Signals | null = null;
  private interrupt!: () => void;
  /** Resolves when amake is interrupted. */
  private readonly interruption = new Promise<void>(
    (resolve) => (this.interrupt = resolve),
  );
  /** Whether the server reads blobs in batches (Bazel's worker does not). */
  private batchReads = true;
  private readonly runnerBytes: Buffer;
  private readonly runnerDigest: Digest;

  private constructor(
    private readonly client: RemoteClient,
    private readonly options: RemoteOptions,
    private readonly features: ServerFeatures,
    private readonly local: Executor,
    workspace: string,
  ) {
    const roots = [workspace, ...options.inputs];
    this.tree = new InputTree(commonAncestor(roots), roots);
    this.gate = new Gate(options.remoteJobs ?? Number.MAX_SAFE_INTEGER);
    this.runnerBytes = readFileSync(RUNNER);
    this.runnerDigest = digestOf(this.runnerBytes);
  }

  /**
   * Connects to the server and reads its capabilities: an unreachable
   * server, or one that cannot execute, is an error now rather than at
   * the first job.
   */
  static async connect(
    options: RemoteOptions,
    local: Executor,
    workspace: string,
    toolVersion: string,
  ): Promise<RemoteExecutor> {
    if (!existsSync(RUNNER)) {
      throw new RemoteExecutionError(
        `amake-runner is not built (${RUNNER}): build amake where a C compiler is installed`,
      );
    }
    let client: RemoteClient;
    try {
      client = new RemoteClient(options, toolVersion);
    } catch (error) {
      throw new RemoteExecutionError((error as Error).message);
    }
    let capabilities;
    try {
      capabilities = await client.getCapabilities(10);
    } catch (error) {
      client.close();
      throw new RemoteExecutionError(
        `cannot reach ${options.address}: ${(error as Error).message}`,
      );
    }
    const execution = capabilities.execution_capabilities;
    if (!execution?.exec_enabled) {
      client.close();
      throw new RemoteExecutionError(
        `${options.address} does not execute actions (it is only a cache)`,
      );
    }
    const features = featuresOf(capabilities);
    return new RemoteExecutor(client, options, features, local, workspace);
  }

  close(): void {
    this.client.close();
  }

  signalAll(signal: NodeJS.Signals): void {
    this.interrupted = signal;
    this.interrupt();
    this.local.signalAll(signal);
    this.client.cancelAll();
  }

  /** Jobs that run on this machine whatever the options say. */
  private runsHere(job: Job): boolean {
    const runs = job.commands.filter((command) => command.run);
    if (runs.length === 0) return true;
    if (job.runLocal || job.keepDaemons || job.sharedIpc) return true;
    if (runs.some((command) => command.recursive)) return true;
    // Under `fakeroot amake`, a job talks to this machine's `faked`.
    if (job.environment.FAKEROOTKEY !== undefined) return true;
    const inside = relative(this.tree.execRoot, job.directory);
    return inside.startsWith('..') || inside.startsWith(sep);
  }

  async run(job: Job, listener: JobListener): Promise<JobResult> {
    if (this.runsHere(job)) {
      try {
        return await this.local.run(job, listener);
      } finally {
        // It may have changed any file: the tree is read again.
        this.tree.invalidate();
      }
    }
    const startTime = Date.now();
    const { outcome, executor } = await this.runRemotely(job, listener);
    return { outcome, startTime, endTime: Date.now(), executor };
  }

  private async runRemotely(
    job: Job,
    listener: JobListener,
  ): Promise<{ outcome: JobOutcome; executor: string }> {
    const first = job.commands.find((command) => command.run)!;
    const failure = (text: string): JobOutcome => {
      listener.commandStarting(first);
      listener.commandCouldNotStart(`remote execution: ${text}`);
      return {
        kind: 'failed',
        command: first,
        outcome: { exitCode: 127, signal: null, startError: text },
      };
    };
    try {
      // Only the remote part counts against --remote-jobs: a job waiting
      // for its turn to apply its result holds no place.
      await this.gate.enter();
      const { result, cached } = await this.resultOf(job).finally(() =>
        this.gate.leave(),
      );
      if (this.interrupted) throw new Interrupted(this.interrupted);
      const outcome = await this.takeResult(job, result, listener);
      const worker = result.execution_metadata?.worker;
      const where = cached
        ? 'remote cache'
        : `remote${worker ? ` ${worker}` : ''}`;
      return { outcome, executor: where };
    } catch (error) {
      if (error instanceof TimedOut) {
        listener.commandStarting(first);
        const outcome = { exitCode: 0, signal: 'SIGTERM', timedOut: true };
        return {
          outcome: { kind: 'failed', command: first, outcome },
          executor: 'remote',
        };
      }
      if (error instanceof Interrupted) {
        return {
          outcome: { kind: 'interrupted', signal: error.signal },
          executor: 'remote',
        };
      }
      if (
        error instanceof RemoteCallError ||
        error instanceof UnsafeResultError ||
        error instanceof ManifestError ||
        error instanceof RemoteExecutionError
      ) {
        const prefix =
          error instanceof UnsafeResultError
            ? 'the result was refused, nothing of it was written: '
            : error instanceof ManifestError
              ? "the runner's manifest is unreadable: "
              : '';
        return { outcome: failure(prefix + error.message), executor: 'remote' };
      }
      // A file that could not be read or written here (a full disk, a
      // directory in the way) fails the job, not amake.
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof Error && typeof code === 'string') {
        return { outcome: failure(error.message), executor: 'remote' };
      }
      throw error;
    }
  }

  /**
   * Builds the action of a job: its digest, and the blobs it needs. Only
   * with `gather` are the workspace's blobs the server may lack among
   * them: to ask the action cache, the digest is enough.
   */
  private prepare(
    job: Job,
    gather: boolean,
  ): {
    action: Digest;
    blobs: Map<string, BlobSource>;
  } {
    const blobs = new Map<string, BlobSource>();
    const tree = this.tree.current();
    const runnerFiles = this.runnerDirectory(job);
    const workspace = this.tree.encode(
      tree,
      gather ? blobs : null,
      this.present,
      this.visibleTo(job),
    );

    // The exec root: the workspace's root with the runner's directory in.
    const rootMessage = decode<DirectoryMessage>('Directory', workspace.bytes);
    rootMessage.directories.push({
      name: RUNNER_DIRECTORY,
      digest: this.addBlob(blobs, encode('Directory', runnerFiles.directory)),
    });
    rootMessage.directories.sort((a, b) => compareNames(a.name, b.name));
    for (const { digest, bytes } of runnerFiles.blobs) {
      blobs.set(digestKey(digest), { bytes });
    }
    const root = this.addBlob(blobs, encode('Directory', compact(rootMessage)));

    const platform = {
      properties: [...this.options.platform]
        .sort(([a], [b]) => compareNames(a, b))
        .map(([name, value]) => ({ name, value })),
    };
    const command = this.addBlob(
      blobs,
      encode('Command', {
        arguments: [
          `${RUNNER_DIRECTORY}/runner`,
          `${RUNNER_DIRECTORY}/job`,
          // The runner keeps to the time limit, whatever the server does.
          ...(job.timeoutSeconds !== undefined
            ? [String(job.timeoutSeconds)]
            : []),
        ],
        ...(this.features.outputPaths
          ? { output_paths: [OUTPUT_BUNDLE, OUTPUT_TREE] }
          : {
              output_files: [OUTPUT_BUNDLE],
              output_directories: [OUTPUT_TREE],
            }),
        platform,
      }),
    );
    const action = this.addBlob(
      blobs,
      encode('Action', {
        command_digest: command,
        input_root_digest: root,
        ...(job.timeoutSeconds !== undefined
          ? { timeout: { seconds: Math.ceil(job.timeoutSeconds) } }
          : {}),
        ...(this.cacheOff(job) ? { do_not_cache: true } : {}),
        platform,
      }),
    );
    return { action, blobs };
  }

  /**
   * What of this build's other jobs' files `job` may see: those it
   * depends on, directly or through the jobs that made its
   * prerequisites. Without this, what a job saw would depend on which
   * unrelated jobs happened to have finished, and no two builds would
   * share a cached result.
   */
  private visibleTo(job: Job): Set<string> {
    const visible = new Set<string>();
    const pending = this.relativePrerequisites(job);
    const followed = new Set<Production>();
    while (pending.length > 0) {
      const path = pending.pop()!;
      visible.add(path);
      const production = this.producedBy.get(path);
      if (!production || followed.has(production)) continue;
      followed.add(production);
      for (const output of production.outputs) visible.add(output);
      pending.push(...production.prerequisites);
    }
    // What it sees, it sees the way to: the directories above.
    for (const path of [...visible]) {
      for (
        let at = path.lastIndexOf('/');
        at > 0;
        at = path.lastIndexOf('/', at - 1)
      ) {
        visible.add(path.slice(0, at));
      }
    }
    return visible;
  }

  private relativePrerequisites(job: Job): string[] {
    return (job.prerequisites ?? []).map((name) =>
      this.tree.relativePath(resolve(job.directory, name)),
    );
  }

  private cacheOff(job: Job): boolean {
    return this.options.noCache || job.noCache === true;
  }

  private addBlob(blobs: Map<string, BlobSource>, bytes: Buffer): Digest {
    const digest = digestOf(bytes);
    blobs.set(digestKey(digest), { bytes });
    return digest;
  }

  /**
   * The runner's directory: the runner, the job file, and each fakeroot
   * state file of the workspace in path form, since its inodes mean
   * nothing on a worker.
   */
  private runnerDirectory(job: Job): {
    directory: DirectoryMessage;
    blobs: { digest: Digest; bytes: Buffer }[];
  } {
    const files = new Map<string, Buffer>();
    const states = this.tree.fakerootStates();
    const fakerootStates = [];
    if (states.length > 0) {
      const paths = this.tree.identities();
      for (const [index, path] of states.entries()) {
        const bytes = readSource(join(this.tree.execRoot, path));
        if (!bytes) throw new StaleInput(`'${path}' is gone`);
        const text = bytes.toString('utf8');
        const source = `fakeroot-${index + 1}`;
        files.set(
          source,
          Buffer.from(toPathForm(text, (d, i) => paths.get(`${d}:${i}`))),
        );
        fakerootStates.push({ path, source: `${RUNNER_DIRECTORY}/${source}` });
      }
    }
    files.set(
      'job',
      encodeJobFile({
        directory: this.tree.relativePath(job.directory) || '.',
        shell: job.shell,
        shellFlags: job.shellFlags,
        commands: job.commands.map((command) => ({
          text: command.text,
          ignoreErrors: command.ignoreErrors,
        })),
        fakerootStates,
        environment: remoteEnvironment(
          job.environment,
          this.options.environment,
          this.options.hostEnvironment,
        ),
      }),
    );
    // The runner is hashed once, when amake starts: it is large.
    const directory: DirectoryMessage = {
      files: [
        { name: 'runner', digest: this.runnerDigest, is_executable: true },
      ],
      directories: [],
      symlinks: [],
    };
    const blobs = [{ digest: this.runnerDigest, bytes: this.runnerBytes }];
    for (const [name, bytes] of files) {
      const digest = digestOf(bytes);
      directory.files.push({ name, digest });
      blobs.push({ digest, bytes });
    }
    directory.files.sort((a, b) => compareNames(a.name, b.name));
    return { directory, blobs };
  }

  /** Sends the server every blob it does not have. */
  private async upload(blobs: Map<string, BlobSource>): Promise<void> {
    // The empty blob is always there, whatever FindMissingBlobs says.
    const unknown = [...blobs.keys()].filter(
      (key) => !this.present.has(key) && !key.endsWith('/0'),
    );
    if (unknown.length === 0) return;
    const digests = unknown.map(parseKey);
    const missing: Digest[] = [];
    for (let i = 0; i < digests.length; i += 10000) {
      missing.push(
        ...(await this.client.findMissingBlobs(digests.slice(i, i + 10000))),
      );
    }
    const limit = this.features.maxBatchBytes - 64 * 1024;
    let batch: { digest: Digest; data: Uint8Array }[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length > 0) await this.client.batchUpdateBlobs(batch);
      batch = [];
      batchBytes = 0;
    };
    for (const digest of missing) {
      const source = blobs.get(digestKey(digest))!;
      const data = 'bytes' in source ? source.bytes : readSource(source.path);
      if (!data || digestOf(data).hash !== digest.hash) {
        throw new StaleInput(
          `'${'path' in source ? source.path : 'a blob'}' changed while it was being sent`,
        );
      }
      if (data.length > limit) {
        await this.client.writeBlob(digest, data);
        continue;
      }
      if (batchBytes + data.length > limit) await flush();
      batch.push({ digest, data });
      batchBytes += data.length + 100;
    }
    await flush();
    for (const key of unknown) this.present.add(key);
  }

  /**
   * The action's result: from the action cache when it was run before,
   * else executed, tried again when the worker or the server fails.
   */
  private async resultOf(
    job: Job,
  ): Promise<{ result: ActionResultMessage; cached: boolean }> {
    let lastError: Error | null = null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (this.interrupted) throw new Interrupted(this.interrupted);
      try {
        // Made again each time: the blobs to send depend on what the
        // server is known to have, which a failure may have changed.
        if (!this.cacheOff(job)) {
          const { action } = this.prepare(job, false);
          const cached = await this.client.getActionResult(action, job.target);
          if (cached && cached.exit_code === 0) {
            return { result: cached, cached: true };
          }
        }
        const { action, blobs } = this.prepare(job, true);
        await this.upload(blobs);
        // The server is to stop the action at its timeout; one that does
        // not (the reference worker) is not waited for much longer.
        const timeout = job.timeoutSeconds;
        const operation = await this.client
          .execute(
            action,
            this.cacheOff(job),
            job.target,
            timeout === undefined ? undefined : timeout + TIMEOUT_SLACK_SECONDS,
          )
          .catch((error: unknown) => {
            const expired =
              error instanceof RemoteCallError &&
              error.code === grpc.status.DEADLINE_EXCEEDED;
            throw expired && timeout !== undefined ? new TimedOut() : error;
          });
        if (operation.error && operation.error.code !== 0) {
          throw new RemoteCallError(
            operation.error.code,
            operation.error.message,
          );
        }
        const response = decode<ExecuteResponseMessage>(
          'ExecuteResponse',
          operation.response!.value,
        );
        const code = response.status?.code ?? 0;
        if (code === grpc.status.DEADLINE_EXCEEDED && job.timeoutSeconds) {
          throw new TimedOut();
        }
        if (response.status && code !== 0) {
          throw new RemoteCallError(
            response.status.code,
            response.status.message,
          );
        }
        if (!response.result) {
          throw new RemoteExecutionError('the server sent no result');
        }
        // A runner killed (the worker's machine going down, the OOM
        // killer) is the worker failing, not the job: another try.
        const runnerStatus = response.result.exit_code;
        if (runnerStatus < 0 || runnerStatus > 128) {
          throw new RemoteCallError(
            grpc.status.UNAVAILABLE,
            `the runner was killed on the worker (exit status ${runnerStatus})`,
          );
        }
        if (runnerStatus !== 0) {
          throw new RemoteExecutionError(
            `the runner failed on the worker (exit status ${response.result.exit_code}): ${(await this.streamText(response.result, 'stderr')).trim()}`,
          );
        }
        return { result: response.result, cached: response.cached_result };
      } catch (error) {
        if (error instanceof StaleInput) {
          // Something else (a sub-make, a `$(shell)`) changed the
          // workspace since it was read: read it again, and try again.
          this.tree.invalidate();
          lastError = error;
          continue;
        }
        if (!(error instanceof RemoteCallError) || !error.transient)
          throw error;
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    throw new RemoteExecutionError(
      `the job failed ${ATTEMPTS} times on the cluster; last: ${lastError!.message}`,
    );
  }

  private async streamText(
    result: ActionResultMessage,
    stream: 'stdout' | 'stderr',
  ): Promise<string> {
    const raw = result[`${stream}_raw`];
    if (raw.length > 0) return Buffer.from(raw).toString();
    const digest = result[`${stream}_digest`];
    if (!digest || digest.size_bytes === 0) return '';
    return (await this.download([digest])).get(digest.hash)!.toString();
  }

  /**
   * Blobs by hash: small ones in batches, large ones streamed, and all
   * streamed from a server that reads no batches.
   */
  private async download(
    digests: readonly Digest[],
  ): Promise<Map<string, Buffer>> {
    const blobs = new Map<string, Buffer>();
    const limit = this.features.maxBatchBytes - 64 * 1024;
    let batch: Digest[] = [];
    let batchBytes = 0;
    const readOneByOne = async (each: readonly Digest[]) => {
      const read = await Promise.all(each.map((d) => this.client.readBlob(d)));
      for (const [index, data] of read.entries()) {
        blobs.set(each[index]!.hash, data);
      }
    };
    const flush = async () => {
      const pending = batch;
      batch = [];
      batchBytes = 0;
      if (pending.length === 0) return;
      if (!this.batchReads) return readOneByOne(pending);
      try {
        for (const [hash, data] of await this.client.batchReadBlobs(pending)) {
          blobs.set(hash, Buffer.from(data));
        }
      } catch (error) {
        if (
          !(error instanceof RemoteCallError) ||
          error.code !== grpc.status.UNIMPLEMENTED
        ) {
          throw error;
        }
        this.batchReads = false;
        await readOneByOne(pending);
      }
    };
    for (const digest of digests) {
      if (blobs.has(digest.hash)) continue;
      if (digest.size_bytes === 0) {
        blobs.set(digest.hash, Buffer.alloc(0));
      } else if (digest.size_bytes > limit) {
        blobs.set(digest.hash, await this.client.readBlob(digest));
      } else {
        if (batchBytes + digest.size_bytes > limit) await flush();
        batch.push(digest);
        batchBytes += digest.size_bytes + 100;
      }
    }
    await flush();
    for (const digest of digests) {
      if (!blobs.has(digest.hash)) {
        throw new RemoteExecutionError(
          `the server lost an output (${digestKey(digest)})`,
        );
      }
    }
    return blobs;
  }

  /**
   * What the runner left in its output directory, by path below it: the
   * bundle's files (most of them, in one blob), and the larger files of
   * its tree, if it had any.
   */
  private async outputsOf(result: ActionResultMessage): Promise<{
    nodes: Map<string, OutputNode>;
    digests: Map<string, Digest>;
  }> {
    const bundle = result.output_files.find(
      (each) => each.path === OUTPUT_BUNDLE,
    );
    if (!bundle?.digest) {
      throw new RemoteExecutionError(`the result has no ${OUTPUT_BUNDLE}`);
    }
    const nodes = new Map<string, OutputNode>();
    const digests = new Map<string, Digest>();
    const bundleBytes = (await this.download([bundle.digest])).get(
      bundle.digest.hash,
    )!;
    for (const [path, data] of parseBundle(bundleBytes)) {
      nodes.set(path, { kind: 'file', data });
      digests.set(path, digestOf(data));
    }

    const tree = result.output_directories.find(
      (each) => each.path === OUTPUT_TREE,
    );
    if (!tree?.tree_digest) return { nodes, digests };
    const treeBytes = (await this.download([tree.tree_digest])).get(
      tree.tree_digest.hash,
    )!;
    // A child is named by the digest of its bytes as the server wrote
    // them: decoding and encoding again could change them.
    const message = treeDirectories(treeBytes);
    const byDigest = new Map<string, DirectoryMessage>();
    for (const child of message.children) {
      byDigest.set(digestOf(child).hash, decode('Directory', child));
    }
    const files: { path: string; digest: Digest }[] = [];
    const walk = (directory: DirectoryMessage, prefix: string) => {
      for (const file of directory.files) {
        files.push({
          path: prefix + checkName(file.name),
          digest: file.digest,
        });
      }
      for (const child of directory.directories) {
        const path = prefix + checkName(child.name);
        const message = byDigest.get(child.digest.hash);
        if (!message) {
          throw new RemoteExecutionError(`the output tree lacks '${path}'`);
        }
        walk(message, `${path}/`);
      }
    };
    walk(decode<DirectoryMessage>('Directory', message.root), 'tree/');
    const blobs = await this.download(files.map((file) => file.digest));
    for (const file of files) {
      nodes.set(file.path, {
        kind: 'file',
        data: blobs.get(file.digest.hash)!,
      });
      digests.set(file.path, file.digest);
    }
    return { nodes, digests };
  }

  /** Applies a result to the workspace and tells the listener of it. */
  private async takeResult(
    job: Job,
    result: ActionResultMessage,
    listener: JobListener,
  ): Promise<JobOutcome> {
    const { nodes: outputs, digests } = await this.outputsOf(result);
    const text = (name: string) => {
      const node = outputs.get(name);
      return node?.kind === 'file' ? Buffer.from(node.data) : Buffer.alloc(0);
    };
    const manifestNode = outputs.get('manifest');
    if (manifestNode?.kind !== 'file') {
      throw new ManifestError('the runner left no manifest');
    }
    const manifest = parseManifest(manifestNode.data);
    const tree = new Map<string, OutputNode>();
    const fileDigests = new Map<string, Digest>();
    for (const [path, node] of outputs) {
      if (!path.startsWith('tree/')) continue;
      tree.set(path.slice('tree/'.length), node);
      const digest = digests.get(path);
      if (digest) fileDigests.set(path.slice('tree/'.length), digest);
    }

    // Results go into the workspace in serial order, as a serial make
    // would have left it.
    await Promise.race([listener.inTurn?.(), this.interruption]);
    if (this.interrupted) throw new Interrupted(this.interrupted);
    // Files first: what the job made is in place before make goes on.
    const changed = applyResult(this.tree.execRoot, manifest, tree);
    // A directory that was here before holds more than the job made: it
    // stays in every job's view.
    const production: Production = {
      outputs: manifest.records
        .filter(
          (record) =>
            record.kind !== 'deleted' &&
            !(
              record.kind === 'changed' &&
              record.type === 'directory' &&
              this.tree.has(record.path)
            ),
        )
        .map((record) => record.path),
      prerequisites: this.relativePrerequisites(job),
    };
    for (const output of production.outputs) {
      this.producedBy.set(output, production);
      this.tree.markProduced(output);
    }
    // The files' digests are known: they need not be read to be hashed.
    for (const record of manifest.records) {
      const digest = record.kind === 'changed' && fileDigests.get(record.path);
      if (digest && record.type === 'file') {
        this.tree.written(record.path, digest);
      }
    }
    this.tree.changed(changed);

    for (const left of parseLeftovers(text('left').toString())) {
      listener.leftBehind?.(left.pid, left.command);
    }
    const statuses = new Map<number, CommandStatus>();
    for (const status of parseStatus(text('status').toString())) {
      statuses.set(status.index, status);
    }
    for (const [index, command] of job.commands.entries()) {
      const status = statuses.get(index + 1);
      if (!status) break;
      listener.commandStarting(command);
      listener.processStarting?.();
      this.replay(listener, 'out', text(`out.${index + 1}`));
      this.replay(listener, 'err', text(`err.${index + 1}`));
      listener.commandEnded?.(command);
      const outcome = outcomeOf(status, job.shell);
      // Out of time is a failure, ignored errors or not, as here.
      if (outcome.timedOut) return { kind: 'failed', command, outcome };
      if (outcome.startError) listener.commandCouldNotStart(outcome.startError);
      if (outcome.exitCode === 0 && outcome.signal === null) continue;
      if (command.ignoreErrors) {
        listener.commandFailedIgnored(command, outcome);
        continue;
      }
      return { kind: 'failed', command, outcome };
    }
    return { kind: 'succeeded' };
  }

  private replay(
    listener: JobListener,
    stream: 'out' | 'err',
    data: Buffer,
  ): void {
    if (data.length === 0) return;
    if (listener.output) listener.output(stream, data);
    else writeSync(stream === 'out' ? 1 : 2, data);
  }
}

/**
 * What amake uses of a server's capabilities. API 2.1 replaced output
 * files and directories with output paths; a server that speaks 2.0 only
 * (Bazel's reference worker) ignores output paths.
 */
export function featuresOf(
  capabilities: ServerCapabilitiesMessage,
): ServerFeatures {
  const high = capabilities.high_api_version ?? { major: 2, minor: 0 };
  return {
    outputPaths: high.major > 2 || (high.major === 2 && high.minor >= 1),
    maxBatchBytes:
      capabilities.cache_capabilities?.max_batch_total_size_bytes ||
      4 * 1024 * 1024,
  };
}

/** A command's status from the runner as the outcome make reports. */
function outcomeOf(status: CommandStatus, shell: string): CommandOutcome {
  if (status.timedOut) {
    return { exitCode: 0, signal: 'SIGTERM', timedOut: true };
  }
  if (status.startErrno !== undefined) {
    return {
      exitCode: 127,
      signal: null,
      startError: `${shell}: ${errnoText(status.startErrno)}`,
    };
  }
  return {
    exitCode: status.exitCode,
    signal: status.signal === 0 ? null : signalName(status.signal),
  };
}

function errnoText(errno: number): string {
  return errno === 2 ? 'No such file or directory' : `error ${errno}`;
}

function signalName(signal: number): string {
  const names = Object.entries(constants.signals);
  return names.find(([, value]) => value === signal)?.[0] ?? `SIG${signal}`;
}

/**
 * The environment a job gets on a worker: what the makefiles set, and of
 * amake's own environment only what `--remote-env` allows, so that
 * secrets of the build host stay on it.
 */
export function remoteEnvironment(
  environment: Readonly<Record<string, string>>,
  allowed: readonly string[],
  host: Readonly<Record<string, string | undefined>>,
): [string, string][] {
  const sent: [string, string][] = [];
  for (const [name, value] of Object.entries(environment)) {
    // amake's own settings for its sub-makes are for this host only.
    if (name.startsWith('AMAKE_')) continue;
    if (name === 'MAKEFLAGS' || name === 'MFLAGS') {
      sent.push([name, withoutJobs(value)]);
    } else if (allowed.includes(name) || host[name] !== value) {
      sent.push([name, value]);
    }
  }
  if (!sent.some(([name]) => name === 'PATH')) sent.push(['PATH', WORKER_PATH]);
  return sent.sort(([a], [b]) => compareNames(a, b));
}

/**
 * MAKEFLAGS without `-j` and the jobserver: a job that runs remotely runs
 * no sub-make, and its action must not change with the build's `-j`.
 */
function withoutJobs(makeflags: string): string {
  const words = makeflags.split(' ');
  const end = words.indexOf('--');
  const options = end < 0 ? words : words.slice(0, end);
  const kept = options.filter(
    (word) => !/^(-j\d*|--jobserver-(auth|fds)=.*)$/.test(word),
  );
  const rest = end < 0 ? [] : words.slice(end);
  const result = [...kept, ...rest].join(' ');
  return result.trim() === '' ? '' : result;
}

/** A name in an output tree must be one name, not a path. */
function checkName(name: string): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/')) {
    throw new UnsafeResultError(`its output tree has the name '${name}'`);
  }
  return name;
}

function parseKey(key: string): Digest {
  const [hash, size] = key.split('/');
  return { hash: hash!, size_bytes: Number(size) };
}

/** A decoded `Directory`, without the defaults decoding filled in. */
function compact(message: DirectoryMessage): DirectoryMessage {
  return {
    files: message.files.map((file) =>
      file.is_executable ? file : { name: file.name, digest: file.digest },
    ),
    directories: message.directories,
    symlinks: message.symlinks,
  };
}

/** The deepest directory that holds every one of `paths`. */
function commonAncestor(paths: readonly string[]): string {
  let common = paths[0]!.split(sep);
  for (const path of paths.slice(1)) {
    const parts = path.split(sep);
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}
