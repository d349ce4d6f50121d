import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { constants } from 'node:os';
import * as path from 'node:path';

/** How a command's process is started. */
export interface SpawnRequest {
  readonly argv: readonly string[];
  readonly directory: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Its output is read (and its input is /dev/null), not amake's. */
  readonly capture: boolean;
  /** It leads a process group of its own. */
  readonly ownGroup: boolean;
  /** It gets the jobserver's pipe as its 3 and 4. */
  readonly jobserver: boolean;
  /**
   * What it leaves running lives until amake is done, and is ended then
   * (`#pragma keepdaemons`, for fakeroot's daemon mode).
   */
  readonly keep?: boolean;
  /** It keeps amake's SysV IPC namespace, to reach a kept daemon. */
  readonly sharedIpc?: boolean;
  /**
   * Its standard error goes into the pipe of its standard output, so the
   * two keep their order: amake's own go to one file.
   */
  readonly merge?: boolean;
}

/** What the caller hears of a process it asked for. */
export interface SpawnEvents {
  started(pid: number): void;
  output(stream: 'out' | 'err', data: Uint8Array): void;
  ended(exitCode: number, signal: string | null): void;
  couldNotStart(code: string): void;
  /** A process the command left running when it ended; it is stopped. */
  leftBehind(pid: number, command: string): void;
}

/** A command run to its end, as `$(shell)` runs one. */
export type SyncRequest = Pick<
  SpawnRequest,
  'argv' | 'directory' | 'environment'
>;

/** How a command run to its end went. */
export interface SyncOutcome {
  stdout: Buffer;
  /** Its standard error, and the helper's. */
  stderr: Buffer;
  exitCode: number;
  signal: string | null;
  /** Why it could not start (an errno name), if it did not. */
  startError?: string;
  /** What it left running, now stopped. */
  leftBehind: { pid: number; command: string }[];
}

// Compiled to dist/src/execute/; `npm run build` puts the helper in dist/.
const HELPER = path.resolve(__dirname, '../../amake-spawner');

const enum Reply {
  Out = 1,
  Err = 2,
  Started = 3,
  Ended = 4,
  Failed = 5,
  LeftBehind = 6,
}

/**
 * Starts processes through amake-spawner (native/spawner.c), a small
 * helper whose fork costs little however large amake has grown. Without
 * the helper (no C compiler when amake was built, or AMAKE_SPAWNER=node),
 * amake starts them itself.
 */
export class Spawner {
  private helper: ChildProcess | null = null;
  private readonly waiting = new Map<number, SpawnEvents>();
  /** Jobs whose daemons live on: they may still be told of at the end. */
  private readonly keeping = new Set<number>();
  private readonly kept = new Map<number, SpawnEvents>();
  private nextId = 1;
  private received: Buffer = Buffer.alloc(0);

  /**
   * What contains the jobs the helper starts, as it finds out by trying:
   * `pid and IPC namespaces`, `user, pid and IPC namespaces` or `none`.
   */
  static containment(): string {
    if (!Spawner.available()) return 'none (amake-spawner is not built)';
    const probe = spawnSync(HELPER, ['--probe'], { encoding: 'utf8' });
    return probe.status === 0 ? probe.stdout.trim() : 'none';
  }

  private static usable: boolean | null = null;

  /** Whether the helper can be used; asked once, as every job asks. */
  static available(): boolean {
    Spawner.usable ??=
      process.env.AMAKE_SPAWNER !== 'node' && existsSync(HELPER);
    return Spawner.usable;
  }

  /** The helpers started, to be ended before amake exits. */
  private static readonly started = new Set<ChildProcess>();

  /**
   * Ends every helper and waits until each has exited, so that none is
   * left behind amake: in a sub-make, the job of the make above would
   * find it running.
   */
  static async closeAll(): Promise<void> {
    const exits = [...Spawner.started].map(
      (helper) =>
        new Promise<void>((resolve) => {
          if (helper.exitCode !== null || helper.signalCode !== null) {
            resolve();
            return;
          }
          helper.once('exit', () => resolve());
          // Waited for: amake must not end before it.
          helper.ref();
          helper.stdin!.end();
        }),
    );
    await Promise.all(exits);
  }

  constructor(private readonly jobserverFd: number | null) {}

  start(request: SpawnRequest, events: SpawnEvents): void {
    const helper = this.helper ?? this.startHelper();
    const id = this.nextId++;
    // While a process runs, its replies keep amake alive.
    if (this.waiting.size === 0) (helper.stdout as Socket).ref();
    this.waiting.set(id, events);
    if (request.keep) this.keeping.add(id);
    helper.stdin!.write(requestFrame(id, request));
  }

  /**
   * Runs one command, contained as a job is, and waits for it and for
   * what it left to end: `$(shell)`, which GNU make runs while it reads
   * or expands. Its standard input is amake's; what it writes and what it
   * left running come back. Null when there is no helper, or it could
   * not be started.
   */
  static runSync(request: SyncRequest): SyncOutcome | null {
    if (!Spawner.available()) return null;
    const frame = requestFrame(1, {
      ...request,
      capture: false,
      ownGroup: false,
      jobserver: false,
    });
    // The command's standard output is the helper's 3, a pipe read here;
    // its standard error the helper's, a pipe too; its input amake's, the
    // helper's 4. The helper's own replies come on its standard output.
    const result = spawnSync(HELPER, ['--once'], {
      cwd: '/',
      input: frame,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 0],
      maxBuffer: 1 << 30,
    });
    // The helper did not start (it is being rebuilt, or the machine is
    // out of processes): nothing ran, and the caller runs the command
    // itself, uncontained.
    if (result.output === null) return null;
    const outcome: SyncOutcome = {
      stdout: (result.output[3] as Buffer | null) ?? Buffer.alloc(0),
      stderr: result.stderr ?? Buffer.alloc(0),
      exitCode: 127,
      signal: null,
      leftBehind: [],
    };
    if (result.error) {
      outcome.startError = (result.error as NodeJS.ErrnoException).code;
      return outcome;
    }
    readFrames(result.stdout, (_id, kind, payload) => {
      if (kind === Reply.Ended) {
        outcome.exitCode = payload.readInt32LE(0);
        const signal = payload.readInt32LE(4);
        outcome.signal = signal ? signalName(signal) : null;
      } else if (kind === Reply.Failed) {
        outcome.startError = errnoName(payload.readInt32LE(0));
      } else if (kind === Reply.LeftBehind) {
        outcome.leftBehind.push(leftBehind(payload));
      }
    });
    return outcome;
  }

  private startHelper(): ChildProcess {
    const devNull = openSync('/dev/null', 'r');
    // Its 3 and 4 are amake's standard output and input, for commands
    // that use them; its 5 the jobserver's pipe.
    // It works from `/`, so that it never keeps the workspace busy.
    const helper = spawn(HELPER, [], {
      cwd: '/',
      stdio: ['pipe', 'pipe', 'inherit', 1, 0, this.jobserverFd ?? devNull],
    });
    helper.stdout!.on('data', (data: Buffer) => this.receive(data));
    helper.on('exit', () => {
      for (const events of this.waiting.values()) {
        events.ended(127, 'SIGKILL');
      }
      this.waiting.clear();
    });
    // It does not keep amake running; it ends when its input does.
    helper.unref();
    (helper.stdin as Socket).unref();
    (helper.stdout as Socket).unref();
    this.helper = helper;
    Spawner.started.add(helper);
    helper.once('exit', () => Spawner.started.delete(helper));
    return helper;
  }

  private receive(data: Buffer): void {
    this.received =
      this.received.length === 0 ? data : Buffer.concat([this.received, data]);
    const used = readFrames(this.received, (id, kind, payload) =>
      this.deliver(id, kind, payload),
    );
    this.received = this.received.subarray(used);
  }

  private forget(id: number): void {
    const events = this.waiting.get(id);
    if (events && this.keeping.has(id)) this.kept.set(id, events);
    this.waiting.delete(id);
    if (this.waiting.size === 0) (this.helper!.stdout as Socket).unref();
  }

  private deliver(id: number, kind: Reply, payload: Buffer): void {
    const events = this.waiting.get(id) ?? this.kept.get(id);
    if (!events) return;
    switch (kind) {
      case Reply.Out:
      case Reply.Err:
        // The payload is a view of a buffer that is reused: copy it.
        events.output(kind === Reply.Out ? 'out' : 'err', Buffer.from(payload));
        break;
      case Reply.Started:
        events.started(payload.readInt32LE(0));
        break;
      case Reply.Ended: {
        this.forget(id);
        const signal = payload.readInt32LE(4);
        events.ended(
          payload.readInt32LE(0),
          signal ? signalName(signal) : null,
        );
        break;
      }
      case Reply.Failed:
        this.forget(id);
        events.couldNotStart(errnoName(payload.readInt32LE(0)));
        break;
      case Reply.LeftBehind: {
        const { pid, command } = leftBehind(payload);
        events.leftBehind(pid, command);
        break;
      }
    }
  }
}

/** A request to the helper: its frame. */
function requestFrame(id: number, request: SpawnRequest): Buffer {
  const strings = [
    request.directory,
    String(request.argv.length),
    ...request.argv,
    ...Object.entries(request.environment).map(([k, v]) => `${k}=${v}`),
  ];
  const body = Buffer.from(strings.join('\0') + '\0');
  const head = Buffer.alloc(9);
  head.writeUInt32LE(body.length + 5, 0);
  head.writeUInt32LE(id, 4);
  head.writeUInt8(
    (request.capture ? 1 : 0) |
      (request.ownGroup ? 2 : 0) |
      (request.jobserver ? 4 : 0) |
      (request.keep ? 8 : 0) |
      (request.sharedIpc ? 16 : 0) |
      (request.merge ? 32 : 0),
    8,
  );
  return Buffer.concat([head, body]);
}

/**
 * Hands each whole reply in `data` to `deliver`; how many bytes they
 * took (a reply cut short at the end waits for the rest).
 */
function readFrames(
  data: Buffer,
  deliver: (id: number, kind: Reply, payload: Buffer) => void,
): number {
  let offset = 0;
  while (data.length - offset >= 9) {
    const id = data.readUInt32LE(offset);
    const kind = data.readUInt8(offset + 4) as Reply;
    const size = data.readUInt32LE(offset + 5);
    if (data.length - offset - 9 < size) break;
    const payload = data.subarray(offset + 9, offset + 9 + size);
    offset += 9 + size;
    deliver(id, kind, payload);
  }
  return offset;
}

/** A process left behind: its pid, then its command line's words. */
function leftBehind(payload: Buffer): { pid: number; command: string } {
  const words = payload.subarray(4).toString().split('\0');
  const command = words.filter((word) => word !== '').join(' ');
  return { pid: payload.readInt32LE(0), command };
}

function signalName(number: number): string {
  for (const [name, value] of Object.entries(constants.signals)) {
    if (value === number) return name;
  }
  return `SIG${number}`;
}

function errnoName(number: number): string {
  for (const [name, value] of Object.entries(constants.errno)) {
    if (value === number) return name;
  }
  return 'EIO';
}
