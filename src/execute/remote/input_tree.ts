/**
 * The workspace as a content-addressed Merkle tree: the input root of
 * every action. The tree is read once; afterwards only what changed is
 * read again, and a file whose size, times and inode are the same is
 * not hashed again.
 */
import { createHash } from 'node:crypto';
import {
  Stats,
  closeSync,
  lstatSync,
  openSync,
  readSync,
  readdirSync,
  readlinkSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  Digest,
  DirectoryMessage,
  FileNodeMessage,
  digestKey,
  digestOf,
  encode,
} from './reapi';

/** Names at the top of the exec root that amake's runner owns. */
export const RUNNER_DIRECTORY = '.amake-runner';
export const OUTPUT_DIRECTORY = '.amake-out';
/** The runner's two declared outputs, in its directory. */
export const OUTPUT_BUNDLE = `${OUTPUT_DIRECTORY}/bundle`;
export const OUTPUT_TREE = `${OUTPUT_DIRECTORY}/tree`;

interface FileEntry {
  readonly kind: 'file';
  readonly digest: Digest;
  readonly executable: boolean;
  /** The content is a fakeroot state file (`dev=..,ino=..,mode=..`). */
  readonly fakerootState: boolean;
  readonly stat: Stats;
}

interface SymlinkEntry {
  readonly kind: 'symlink';
  readonly target: string;
  readonly stat: Stats;
}

interface DirectoryEntry {
  readonly kind: 'directory';
  readonly children: Map<string, Entry>;
  readonly stat: Stats;
  /** The encoded `Directory` and its digest, until something changes. */
  encoded: Encoded | null;
  /**
   * Encodings of the directory as jobs see it, without the files this
   * build made that they do not depend on, by what they do see of those
   * (see `encode`). Dropped when anything else in it changes.
   */
  views: Map<string, Encoded>;
}

interface Encoded {
  readonly bytes: Buffer;
  readonly digest: Digest;
}

type Entry = FileEntry | SymlinkEntry | DirectoryEntry;

/** A blob the tree refers to: a file on disk, or bytes in memory. */
export type BlobSource =
  { readonly path: string } | { readonly bytes: Uint8Array };

/** What a fakeroot state file's every line looks like. */
const FAKEROOT_LINE =
  /^dev=[0-9a-f]+,ino=\d+,mode=[0-7]+,uid=\d+,gid=\d+,nlink=\d+,rdev=\d+$/;

export function isFakerootState(text: string): boolean {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.length > 0 && lines.every((line) => FAKEROOT_LINE.test(line));
}

/** Hashes a file by reading it in pieces; notes whether it is fakeroot's. */
function hashFile(path: string): { digest: Digest; fakerootState: boolean } {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 16);
  const fd = openSync(path, 'r');
  let size = 0;
  let head = '';
  try {
    for (;;) {
      const count = readSync(fd, buffer, 0, buffer.length, null);
      if (count === 0) break;
      if (size === 0) head = buffer.toString('latin1', 0, 4);
      hash.update(buffer.subarray(0, count));
      size += count;
    }
  } finally {
    closeSync(fd);
  }
  const digest = { hash: hash.digest('hex'), size_bytes: size };
  // Only a small file that starts as one is read again to be sure.
  let fakerootState = false;
  if (head === 'dev=' && size < 1 << 24) {
    const text = Buffer.alloc(size);
    const again = openSync(path, 'r');
    try {
      readSync(again, text, 0, size, 0);
    } finally {
      closeSync(again);
    }
    fakerootState = isFakerootState(text.toString('latin1'));
  }
  return { digest, fakerootState };
}

function sameFile(a: Stats, b: Stats): boolean {
  return (
    a.ino === b.ino &&
    a.dev === b.dev &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs &&
    a.mode === b.mode
  );
}

/**
 * Orders names as REAPI does, by their UTF-8 bytes, which is the order of
 * code points. JavaScript compares UTF-16 units, which agrees but for
 * characters above U+FFFF against U+E000 to U+FFFF: those go the slow way.
 */
export function compareNames(a: string, b: string): number {
  if (!/[\uD800-\uFFFF]/.test(a + b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export class InputTree {
  private root: DirectoryEntry | null = null;
  /** What each file's digest was last time, by absolute path. */
  private readonly known = new Map<string, FileEntry>();
  /** Files this build's remote jobs made, relative to the exec root. */
  private readonly produced = new Set<string>();
  /** Files amake wrote, by absolute path, with the digest of what it wrote. */
  private readonly writtenDigests = new Map<string, Digest>();
  /** Every file read as a fakeroot state file, relative to the exec root. */
  private readonly stateFiles = new Set<string>();
  /** Each directory above one of them, with its subdirectories that are. */
  private readonly aboveProduced = new Map<string, Set<string>>();
  private stale = true;

  /**
   * @param execRoot the directory the exec root stands for.
   * @param included the directories (absolute) that are inputs: the
   *   workspace, and those the options add. Only they are read.
   */
  constructor(
    readonly execRoot: string,
    private readonly included: readonly string[],
  ) {}

  /** Something outside amake's view changed the workspace: read it again. */
  invalidate(): void {
    this.stale = true;
    // What amake wrote may have been written over since.
    this.writtenDigests.clear();
  }

  /** The tree as it is now; reads what changed since it was last read. */
  current(): DirectoryEntry {
    if (this.stale || !this.root) {
      this.root = this.readDirectory(this.execRoot, true);
      this.stale = false;
    }
    return this.root;
  }

  /**
   * amake itself changed these paths (relative to the exec root): only
   * they, and the directories above them, are read again.
   */
  changed(paths: Iterable<string>): void {
    if (this.stale || !this.root) return;
    for (const path of paths) this.readAgain(path.split('/'));
  }

  /**
   * A job of this build made this file (relative to the exec root): jobs
   * that do not depend on it do not see it. Call before `changed`.
   */
  markProduced(path: string): void {
    if (this.produced.has(path)) return;
    this.produced.add(path);
    // A view hides what the build made: a new file changes none, one
    // that was there before the build (and in every view) changes all.
    const existed = this.entryAt(path) !== null;
    // The directories above it see it now as made by the build.
    let child = path;
    for (let slash = path.lastIndexOf('/'); ;) {
      const parent = slash < 0 ? '' : path.slice(0, slash);
      const subdirectories = this.aboveProduced.get(parent);
      const name = slash < 0 ? child : child.slice(slash + 1);
      if (subdirectories) {
        if (child !== path) subdirectories.add(name);
      } else {
        this.aboveProduced.set(parent, new Set(child === path ? [] : [name]));
      }
      if (existed) this.directoryAt(parent)?.views.clear();
      if (slash < 0) break;
      child = parent;
      slash = parent.lastIndexOf('/');
    }
  }

  /** Whether the tree, as last read, has this path (relative). */
  has(path: string): boolean {
    return this.entryAt(path) !== null;
  }

  private entryAt(path: string): Entry | null {
    if (!this.root) return null;
    let entry: Entry | undefined = this.root;
    for (const name of path === '' ? [] : path.split('/')) {
      if (entry?.kind !== 'directory') return null;
      entry = entry.children.get(name);
    }
    return entry ?? null;
  }

  private directoryAt(path: string): DirectoryEntry | null {
    const entry = this.entryAt(path);
    return entry?.kind === 'directory' ? entry : null;
  }

  /**
   * amake wrote this file (relative to the exec root) with this content:
   * its digest need not be computed when it is read again.
   */
  written(path: string, digest: Digest): void {
    this.writtenDigests.set(join(this.execRoot, path), digest);
  }

  /** Reads one path again; the directories above it are encoded anew. */
  private readAgain(parts: readonly string[]): void {
    let directory = this.root!;
    let absolute = this.execRoot;
    // A view leaves out what this build made: it stays while only that
    // changes.
    const keepViews = this.produced.has(parts.join('/'));
    for (const [index, name] of parts.entries()) {
      directory.encoded = null;
      if (!keepViews) directory.views.clear();
      absolute = join(absolute, name);
      const next = directory.children.get(name);
      // The path itself, or a directory above it that is new: read whole.
      if (index === parts.length - 1 || next?.kind !== 'directory') {
        const entry = this.readEntry(absolute);
        if (entry) directory.children.set(name, entry);
        else directory.children.delete(name);
        return;
      }
      directory = next;
    }
  }

  private isIncluded(path: string): 'whole' | 'above' | 'no' {
    for (const directory of this.included) {
      if (path === directory || path.startsWith(directory + sep)) {
        return 'whole';
      }
    }
    for (const directory of this.included) {
      if (directory.startsWith(path + sep) || path === this.execRoot) {
        return 'above';
      }
    }
    return 'no';
  }

  private readDirectory(path: string, top: boolean): DirectoryEntry {
    const stat = lstatSync(path);
    const children = new Map<string, Entry>();
    const scope = this.isIncluded(path);
    for (const name of readdirSync(path)) {
      if (top && (name === RUNNER_DIRECTORY || name === OUTPUT_DIRECTORY)) {
        continue;
      }
      const child = join(path, name);
      if (scope === 'above' && this.isIncluded(child) === 'no') continue;
      const entry = this.readEntry(child);
      if (entry) children.set(name, entry);
    }
    return {
      kind: 'directory',
      children,
      stat,
      encoded: null,
      views: new Map(),
    };
  }

  /** One path as an entry; null for what a tree cannot hold. */
  private readEntry(path: string): Entry | null {
    let stat: Stats;
    try {
      stat = lstatSync(path);
    } catch {
      return null;
    }
    if (stat.isDirectory()) return this.readDirectory(path, false);
    if (stat.isSymbolicLink()) {
      return { kind: 'symlink', target: readlinkSync(path), stat };
    }
    if (!stat.isFile()) return null;
    const before = this.known.get(path);
    if (before && sameFile(before.stat, stat)) return before;
    const written = this.writtenDigests.get(path);
    this.writtenDigests.delete(path);
    let hashed;
    if (written?.size_bytes === stat.size) {
      hashed = { digest: written, fakerootState: false };
    } else {
      try {
        hashed = hashFile(path);
      } catch {
        // Unreadable: the worker cannot read it either.
        return null;
      }
    }
    const entry: FileEntry = {
      kind: 'file',
      ...hashed,
      executable: (stat.mode & 0o111) !== 0,
      stat,
    };
    this.known.set(path, entry);
    if (entry.fakerootState) this.stateFiles.add(this.relativePath(path));
    return entry;
  }

  /**
   * The `Directory` message of a directory, encoded, and its digest;
   * every blob below it that the server is not known to have is added to
   * `blobs` (with `blobs` null, nothing is gathered: the digest alone
   * is wanted, to ask the action cache). Of the files this build made,
   * only those in `visible` are in it.
   *
   * A directory above no such file keeps its encoding until it changes.
   * One above some keeps an encoding for each way jobs see it: its own
   * version, plus what it holds of `visible` and the views of its
   * subdirectories. Most jobs see none of what the build made, so they
   * share one view, and a directory of a thousand objects is not encoded
   * again for each job.
   */
  encode(
    directory: DirectoryEntry,
    blobs: Map<string, BlobSource> | null,
    present: ReadonlySet<string>,
    visible: ReadonlySet<string>,
    relativePath = '',
  ): Encoded {
    const subdirectories = this.aboveProduced.get(relativePath);
    if (!subdirectories) {
      if (!directory.encoded) {
        directory.encoded = this.encodeAnew(
          directory,
          blobs,
          present,
          visible,
          relativePath,
        );
      } else if (blobs) {
        this.collect(directory, blobs, present, relativePath);
      }
      return directory.encoded;
    }

    // The view's key: what this job sees of what the build made here.
    // A directory the build made is in it only if the job sees it.
    const prefix = relativePath ? `${relativePath}/` : '';
    const hidden = (name: string) =>
      this.produced.has(prefix + name) && !visible.has(prefix + name);
    let key = '';
    for (const name of [...subdirectories].sort()) {
      const child = directory.children.get(name);
      if (child?.kind !== 'directory' || hidden(name)) continue;
      const view = this.encode(child, blobs, present, visible, prefix + name);
      key += `${name}/${view.digest.hash}\0`;
    }
    for (const path of visible) {
      if (!this.produced.has(path) || !path.startsWith(prefix)) continue;
      const name = path.slice(prefix.length);
      if (name.includes('/') || subdirectories.has(name)) continue;
      const child = directory.children.get(name);
      if (child?.kind === 'file') {
        key += `${name}=${child.digest.hash}\0`;
      } else if (child?.kind === 'symlink') {
        key += `${name}>${child.target}\0`;
      } else if (child?.kind === 'directory') {
        const view = this.encode(child, blobs, present, visible, path);
        key += `${name}/${view.digest.hash}\0`;
      }
    }
    const known = directory.views.get(key);
    if (known && (!blobs || present.has(digestKey(known.digest)))) {
      return known;
    }
    const encoded = this.encodeAnew(
      directory,
      blobs,
      present,
      visible,
      relativePath,
    );
    if (directory.views.size >= 64) directory.views.clear();
    directory.views.set(key, encoded);
    return encoded;
  }

  /** Encodes a directory from its entries, leaving out what is hidden. */
  private encodeAnew(
    directory: DirectoryEntry,
    blobs: Map<string, BlobSource> | null,
    present: ReadonlySet<string>,
    visible: ReadonlySet<string>,
    relativePath: string,
  ): Encoded {
    const message: DirectoryMessage = {
      files: [],
      directories: [],
      symlinks: [],
    };
    const names = [...directory.children.keys()].sort(compareNames);
    for (const name of names) {
      const entry = directory.children.get(name)!;
      const childPath = relativePath ? `${relativePath}/${name}` : name;
      if (this.produced.has(childPath) && !visible.has(childPath)) continue;
      if (entry.kind === 'file') {
        const node: FileNodeMessage = { name, digest: entry.digest };
        if (entry.executable) node.is_executable = true;
        message.files.push(node);
        blobs?.set(digestKey(entry.digest), {
          path: join(this.execRoot, childPath),
        });
      } else if (entry.kind === 'symlink') {
        message.symlinks.push({ name, target: entry.target });
      } else {
        const child = this.encode(entry, blobs, present, visible, childPath);
        message.directories.push({ name, digest: child.digest });
      }
    }
    const bytes = encode('Directory', message);
    const encoded = { bytes, digest: digestOf(bytes) };
    blobs?.set(digestKey(encoded.digest), { bytes });
    return encoded;
  }

  /**
   * The blobs below a directory whose encoding is already known, unless
   * the server has it: then it has everything below it too.
   */
  private collect(
    directory: DirectoryEntry,
    blobs: Map<string, BlobSource>,
    present: ReadonlySet<string>,
    relativePath: string,
  ): void {
    const key = digestKey(directory.encoded!.digest);
    if (present.has(key)) return;
    blobs.set(key, { bytes: directory.encoded!.bytes });
    for (const [name, entry] of directory.children) {
      const childPath = relativePath ? `${relativePath}/${name}` : name;
      if (entry.kind === 'file') {
        blobs.set(digestKey(entry.digest), {
          path: join(this.execRoot, childPath),
        });
      } else if (entry.kind === 'directory') {
        if (entry.encoded) this.collect(entry, blobs, present, childPath);
        else this.encode(entry, blobs, present, new Set(), childPath);
      }
    }
  }

  /**
   * The fakeroot state files of the tree, relative to the exec root, in
   * order. Every job asks: those ever read are looked up, not the tree
   * walked.
   */
  fakerootStates(): string[] {
    this.current();
    return [...this.stateFiles]
      .filter((path) => {
        const entry = this.entryAt(path);
        return entry?.kind === 'file' && entry.fakerootState;
      })
      .sort(compareNames);
  }

  /**
   * Every path of the tree by its device and inode (`dev:ino`), to read
   * a fakeroot state file by path.
   */
  identities(): Map<string, string> {
    const paths = new Map<string, string>();
    const walk = (directory: DirectoryEntry, prefix: string) => {
      for (const [name, entry] of directory.children) {
        const path = prefix ? `${prefix}/${name}` : name;
        paths.set(`${entry.stat.dev}:${entry.stat.ino}`, path);
        if (entry.kind === 'directory') walk(entry, path);
      }
    };
    const root = this.current();
    paths.set(`${root.stat.dev}:${root.stat.ino}`, '.');
    walk(root, '');
    return paths;
  }

  /** The path relative to the exec root, with `/` between names. */
  relativePath(absolute: string): string {
    return relative(this.execRoot, absolute).split(sep).join('/');
  }
}

export type { DirectoryEntry };
