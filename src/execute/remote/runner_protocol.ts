/**
 * What amake and its remote runner (native/runner.c) say to each other:
 * the job file amake puts in the input root, the manifest the runner
 * leaves in the output directory, and fakeroot's state files written by
 * path rather than by device and inode, which differ between machines.
 * Both files are sequences of NUL-terminated strings.
 */

/** One command of a job as the runner runs it. */
export interface RunnerCommand {
  readonly text: string;
  readonly ignoreErrors: boolean;
}

export interface RunnerJob {
  /** Where the commands run, relative to the exec root (`.` for it). */
  readonly directory: string;
  readonly shell: string;
  readonly shellFlags: readonly string[];
  readonly commands: readonly RunnerCommand[];
  /** Fakeroot state files: where each goes, and its path form's file. */
  readonly fakerootStates: readonly { path: string; source: string }[];
  readonly environment: readonly (readonly [string, string])[];
}

export function encodeJobFile(job: RunnerJob): Buffer {
  const strings: string[] = ['amake-job-1', job.directory, job.shell];
  strings.push(String(job.shellFlags.length), ...job.shellFlags);
  strings.push(String(job.commands.length));
  for (const command of job.commands) {
    strings.push(command.ignoreErrors ? 'i' : '', command.text);
  }
  strings.push(String(job.fakerootStates.length));
  for (const state of job.fakerootStates) {
    strings.push(state.path, state.source);
  }
  strings.push(String(job.environment.length));
  for (const [name, value] of job.environment) strings.push(`${name}=${value}`);
  return Buffer.from(strings.map((each) => `${each}\0`).join(''));
}

/** A path the job created, changed or deleted, as the runner saw it. */
export type ManifestRecord =
  | {
      readonly kind: 'changed';
      readonly type: 'file' | 'directory';
      readonly mode: number;
      readonly mtime: Time;
      readonly path: string;
    }
  | {
      readonly kind: 'symlink';
      readonly mode: number;
      readonly mtime: Time;
      readonly path: string;
      readonly target: string;
    }
  | { readonly kind: 'deleted'; readonly path: string }
  | {
      readonly kind: 'fakeroot';
      readonly mode: number;
      readonly mtime: Time;
      readonly path: string;
    };

/** A time as the runner writes it: whole seconds and nanoseconds. */
export interface Time {
  readonly seconds: number;
  readonly nanoseconds: number;
}

export interface Manifest {
  /** When the first command started, by the worker's clock. */
  readonly start: Time;
  readonly records: readonly ManifestRecord[];
}

export class ManifestError extends Error {}

function parseTime(text: string | undefined): Time {
  const match = /^(\d+)\.(\d{1,9})$/.exec(text ?? '');
  if (!match) throw new ManifestError(`bad time '${text}'`);
  return {
    seconds: Number(match[1]),
    nanoseconds: Number(match[2]!.padEnd(9, '0')),
  };
}

function parseMode(text: string | undefined): number {
  if (!/^[0-7]{1,6}$/.test(text ?? '')) {
    throw new ManifestError(`bad mode '${text}'`);
  }
  return Number.parseInt(text!, 8);
}

const TYPES = { f: 'file', d: 'directory', l: 'symlink' } as const;

export function parseManifest(bytes: Uint8Array): Manifest {
  const strings = Buffer.from(bytes).toString('utf8').split('\0');
  if (strings.pop() !== '') throw new ManifestError('it does not end a string');
  if (strings[0] !== 'amake-manifest-1') {
    throw new ManifestError('it is not a manifest of this version');
  }
  let start: Time | null = null;
  const records: ManifestRecord[] = [];
  for (let i = 1; i < strings.length;) {
    const kind = strings[i++];
    if (kind === 'S') {
      start = parseTime(strings[i++]);
    } else if (kind === 'C') {
      const type = TYPES[strings[i++] as keyof typeof TYPES];
      if (!type) throw new ManifestError(`bad type '${strings[i - 1]}'`);
      const mode = parseMode(strings[i++]);
      const mtime = parseTime(strings[i++]);
      const path = strings[i++]!;
      if (type === 'symlink') {
        const target = strings[i++]!;
        records.push({ kind: 'symlink', mode, mtime, path, target });
      } else {
        records.push({ kind: 'changed', type, mode, mtime, path });
      }
    } else if (kind === 'D') {
      records.push({ kind: 'deleted', path: strings[i++]! });
    } else if (kind === 'F') {
      const mode = parseMode(strings[i++]);
      const mtime = parseTime(strings[i++]);
      records.push({ kind: 'fakeroot', mode, mtime, path: strings[i++]! });
    } else {
      throw new ManifestError(`unknown record '${kind}'`);
    }
    if (i > strings.length) throw new ManifestError('a record is cut short');
  }
  if (!start) throw new ManifestError('it has no start time');
  return { start, records };
}

/** A fakeroot line's device and inode, and the rest of it. */
const STATE_LINE = /^dev=([0-9a-f]+),ino=(\d+),(.*)$/;

/**
 * A fakeroot state file in path form: each line's device and inode are
 * replaced by the path (relative to the exec root) of the file they
 * name. Lines for files not in the map are dropped.
 */
export function toPathForm(
  text: string,
  pathOf: (device: bigint, inode: bigint) => string | undefined,
): string {
  let result = '';
  for (const line of text.split('\n')) {
    const match = STATE_LINE.exec(line);
    if (!match) continue;
    const path = pathOf(BigInt(`0x${match[1]}`), BigInt(match[2]!));
    if (path !== undefined) result += `${match[3]} ${path}\n`;
  }
  return result;
}

/**
 * A state file in path form, as fakeroot reads it on this machine: each
 * path replaced by its file's device and inode. Paths that do not exist
 * are dropped.
 */
export function fromPathForm(
  text: string,
  identityOf: (path: string) => { device: bigint; inode: bigint } | null,
): string {
  let result = '';
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    const found = identityOf(line.slice(space + 1));
    if (!found) continue;
    const device = found.device.toString(16);
    result += `dev=${device},ino=${found.inode},${line.slice(0, space)}\n`;
  }
  return result;
}

/** What the runner recorded of each command that ran: `I EXIT SIGNAL`. */
export interface CommandStatus {
  readonly index: number;
  readonly exitCode: number;
  readonly signal: number;
  /** The shell could not be started: the errno. */
  readonly startErrno?: number;
  /** The job ran out of time while it ran, or before it started. */
  readonly timedOut?: boolean;
}

export function parseStatus(text: string): CommandStatus[] {
  const statuses: CommandStatus[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const fields = line.split(' ');
    const index = Number(fields[0]);
    if (fields[1] === 'timeout') {
      const before = statuses.findIndex((each) => each.index === index);
      const ran = before < 0 ? { exitCode: 0, signal: 0 } : statuses[before]!;
      if (before >= 0) statuses.splice(before, 1);
      statuses.push({ ...ran, index, timedOut: true });
    } else if (fields[1] === 'start-error') {
      statuses.push({
        index,
        exitCode: 127,
        signal: 0,
        startErrno: Number(fields[2]),
      });
    } else {
      const exitCode = Number(fields[1]);
      const signal = Number(fields[2]);
      statuses.push({ index, exitCode, signal });
    }
  }
  return statuses;
}

/** The processes the runner found left behind: `PID<TAB>command line`. */
export function parseLeftovers(
  text: string,
): { pid: number; command: string }[] {
  return text
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const tab = line.indexOf('\t');
      return { pid: Number(line.slice(0, tab)), command: line.slice(tab + 1) };
    });
}

/**
 * The runner's bundle: the files of its output directory it moved into
 * one, by their paths below the directory. Each is `B`, the path and the
 * size as strings, then the bytes and a NUL; every string ends in a NUL.
 */
export function parseBundle(bytes: Uint8Array): Map<string, Uint8Array> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let offset = 0;
  const next = (): string => {
    const end = data.indexOf(0, offset);
    if (end < 0) throw new ManifestError('the bundle is cut short');
    const text = data.toString('utf8', offset, end);
    offset = end + 1;
    return text;
  };
  if (next() !== 'amake-bundle-1') {
    throw new ManifestError('the bundle is not of this version');
  }
  const files = new Map<string, Uint8Array>();
  while (offset < data.length) {
    if (next() !== 'B') throw new ManifestError('the bundle is unreadable');
    const path = next();
    const sizeText = next();
    const size = Number(sizeText);
    if (!/^\d+$/.test(sizeText) || offset + size >= data.length) {
      throw new ManifestError(`the bundle's '${path}' is cut short`);
    }
    files.set(path, data.subarray(offset, offset + size));
    offset += size;
    if (data[offset++] !== 0) {
      throw new ManifestError(`the bundle's '${path}' is cut short`);
    }
  }
  return files;
}
