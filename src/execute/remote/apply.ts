/**
 * A remote job's file changes, applied to the workspace. Everything is
 * checked before anything is written: a result that would write outside
 * the workspace (an absolute path, `..`, a symlink that points out or a
 * directory that is a symlink pointing out) is refused whole.
 */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';
import { OUTPUT_DIRECTORY, RUNNER_DIRECTORY } from './input_tree';
import {
  Manifest,
  ManifestRecord,
  Time,
  fromPathForm,
} from './runner_protocol';

/** What the output tree holds at a path below `tree/`. */
export type OutputNode =
  | { readonly kind: 'file'; readonly data: Uint8Array }
  | { readonly kind: 'directory' };

/** A result that may not be applied; nothing of it was written. */
export class UnsafeResultError extends Error {}

/** Whether a relative path stays inside the directory it is relative to. */
function isInside(path: string): boolean {
  if (path === '' || path.includes('\0') || posix.isAbsolute(path)) {
    return false;
  }
  const parts = path.split('/');
  return parts.every((part) => part !== '' && part !== '.' && part !== '..');
}

/** A symlink's target, as seen from `link`, stays inside the root. */
function targetIsInside(link: string, target: string): boolean {
  if (target === '' || posix.isAbsolute(target)) return false;
  const resolved = posix.normalize(posix.join(posix.dirname(link), target));
  return resolved !== '..' && !resolved.startsWith('../');
}

function checkRecords(
  root: string,
  manifest: Manifest,
  nodes: ReadonlyMap<string, OutputNode>,
): void {
  const realRoot = realpathSync(root);
  for (const record of manifest.records) {
    const path = record.path;
    if (!isInside(path)) {
      throw new UnsafeResultError(`it writes outside the workspace: '${path}'`);
    }
    const top = path.split('/')[0];
    if (top === RUNNER_DIRECTORY || top === OUTPUT_DIRECTORY) {
      throw new UnsafeResultError(`it writes amake's own '${path}'`);
    }
    // What is already here must not lead out: `dir` a symlink to `/etc`.
    let existing = dirname(join(root, path));
    while (!existsSync(existing)) existing = dirname(existing);
    const real = realpathSync(existing);
    if (real !== realRoot && !real.startsWith(realRoot + '/')) {
      throw new UnsafeResultError(
        `it writes through a symlink out of the workspace: '${path}'`,
      );
    }
    if (record.kind === 'deleted') continue;
    if (record.kind === 'symlink') {
      if (!targetIsInside(path, record.target)) {
        throw new UnsafeResultError(
          `it makes a symlink that points out of the workspace: '${path}' -> '${record.target}'`,
        );
      }
      continue;
    }
    // A directory is made from its record alone.
    if (record.kind === 'changed' && record.type === 'directory') continue;
    if (nodes.get(path)?.kind !== 'file') {
      throw new UnsafeResultError(`its output tree lacks '${path}'`);
    }
  }
}

/**
 * Whether a job set this time on purpose, to before it started. File
 * times come from the kernel's coarse clock, a few milliseconds behind
 * the one the runner reads, so only a time a second or more before the
 * start counts.
 */
function setBeforeStart(mtime: Time, start: Time): boolean {
  return (
    mtime.seconds + 1 < start.seconds ||
    (mtime.seconds + 1 === start.seconds &&
      mtime.nanoseconds <= start.nanoseconds)
  );
}

/** Makes room for a new entry at `path`: whatever is there goes. */
function clear(path: string, keepDirectory: boolean): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    if (!keepDirectory) rmSync(path, { recursive: true, force: true });
  } else {
    unlinkSync(path);
  }
}

/** Writes a file under a temporary name, then renames it into place. */
function writeFileAtomically(path: string, data: Uint8Array, mode: number) {
  const temporary = `${path}.amake-${process.pid}`;
  writeFileSync(temporary, data, { mode: 0o600 });
  chmodSync(temporary, mode);
  clear(path, false);
  renameSync(temporary, path);
}

/**
 * Applies a job's changes under `root` in the manifest's order, parents
 * before children. A time the job set to before it started (`touch -d`,
 * `tar x`, by a second or more) is kept; any other is the time of writing here, so that a
 * target is newer than what it was made from by this machine's clock.
 * Returns the paths changed, relative to the root.
 */
export function applyResult(
  root: string,
  manifest: Manifest,
  nodes: ReadonlyMap<string, OutputNode>,
): string[] {
  checkRecords(root, manifest, nodes);
  const changed: string[] = [];
  const keptTimes: { path: string; mtime: Time }[] = [];
  const fakerootStates: Extract<ManifestRecord, { kind: 'fakeroot' }>[] = [];
  for (const record of manifest.records) {
    const path = normalize(join(root, record.path));
    changed.push(record.path);
    if (record.kind === 'deleted') {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    if (record.kind === 'fakeroot') {
      fakerootStates.push(record);
      continue;
    }
    if (record.kind === 'symlink') {
      clear(path, false);
      symlinkSync(record.target, path);
      continue;
    }
    const node = nodes.get(record.path);
    if (record.type === 'file' && node?.kind === 'file') {
      writeFileAtomically(path, node.data, record.mode);
    } else {
      clear(path, true);
      mkdirSync(path, { recursive: true });
      chmodSync(path, record.mode);
    }
    if (setBeforeStart(record.mtime, manifest.start)) {
      keptTimes.push({ path, mtime: record.mtime });
    }
  }

  // fakeroot's state names files by inode: those of this machine, now
  // that every file is in place.
  for (const record of fakerootStates) {
    const node = nodes.get(record.path)! as { data: Uint8Array };
    const text = fromPathForm(Buffer.from(node.data).toString('utf8'), (p) => {
      if (!isInside(p)) return null;
      try {
        const stat = lstatSync(join(root, p), { bigint: true });
        return { device: stat.dev, inode: stat.ino };
      } catch {
        return null;
      }
    });
    const path = join(root, record.path);
    writeFileAtomically(path, Buffer.from(text), record.mode);
  }

  // Directories last: writing into one changes its time.
  for (const { path, mtime } of keptTimes.reverse()) {
    const seconds = mtime.seconds + mtime.nanoseconds / 1e9;
    utimesSync(path, seconds, seconds);
  }
  return changed;
}
