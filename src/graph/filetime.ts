import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { archiveMemberDate, parseArchiveMember } from './archive';

/** A modification time in nanoseconds; `missing` for no file. */
export type FileTime = bigint;

export const missing: FileTime = -1n;
/** Newer than any file: what a remade target counts as without a file. */
export const newest: FileTime = 1n << 62n;

/** A file was found newer than the clock in this run: GNU's clock skew. */
let skewDetected = false;
/** The clock as last read, in nanoseconds. */
let lastNow = 0n;

export function clockSkewDetected(): boolean {
  return skewDetected;
}

/**
 * How far in the future a file is, as GNU make writes it: whole seconds
 * from 99 on, else printf's `%.2g`.
 */
export function secondsInFuture(seconds: number): string {
  if (seconds >= 99) return String(Math.trunc(seconds));
  const exponent = Math.floor(Math.log10(seconds));
  if (exponent >= -4) return String(Number(seconds.toPrecision(2)));
  const [mantissa, power] = seconds.toExponential(1).split('e');
  const digits = power!.replace(/^[-+]/, '').padStart(2, '0');
  return `${Number(mantissa)}e-${digits}`;
}

/**
 * Modification times, read once and kept until a file is remade. GNU make
 * compares times with sub-second resolution where the file system has it.
 */
export class FileTimes {
  private readonly cache = new Map<string, FileTime>();

  constructor(
    /** `-L`: a symbolic link is as new as the newest link of its chain. */
    private readonly checkSymlinkTimes = false,
    /** Told of the first file found whose time is in the future. */
    private readonly onFuture?: (name: string, seconds: number) => void,
  ) {}

  get(name: string): FileTime {
    let time = this.cache.get(name);
    if (time === undefined) {
      time = this.checkSymlinkTimes
        ? readTimeThroughLinks(name)
        : readTime(name);
      this.cache.set(name, time);
      if (time !== missing) this.checkNotInFuture(name, time);
    }
    return time;
  }

  /**
   * A file newer than the clock: nothing made now will be newer. GNU
   * warns of the first it finds, and of clock skew as it exits. The clock
   * is read to the next millisecond, so that a file written this very
   * moment is not.
   */
  private checkNotInFuture(name: string, time: FileTime): void {
    // As GNU, the clock is read again only for a file newer than it was.
    if (skewDetected || time <= lastNow) return;
    lastNow = (BigInt(Date.now()) + 1n) * 1_000_000n;
    if (time <= lastNow) return;
    skewDetected = true;
    this.onFuture?.(name, Number(time - lastNow) / 1e9);
  }

  /**
   * Whether the file exists. A name the directory cache knows to be absent
   * is not remembered: the implicit rule search asks about many names that
   * nothing needs again, and GNU does not enter them either.
   */
  exists(name: string): boolean {
    const time = this.cache.get(name);
    if (time !== undefined) return time !== missing;
    if (!name.includes('(') && !mayExist(name)) return false;
    return this.get(name) !== missing;
  }

  set(name: string, time: FileTime): void {
    this.cache.set(name, time);
  }

  forget(name: string): void {
    this.cache.delete(name);
  }
}

/**
 * The names in each directory looked at, read once, as GNU make's directory
 * cache does: most files a build asks about do not exist, and one
 * directory read answers for all of them. Anything that may create files
 * (a recipe, `$(shell)`, `$(file)`) calls filesMayHaveChanged.
 */
let directories = new Map<string, Set<string> | null>();

/**
 * How often each directory was read. One that is read again and again,
 * because jobs keep writing into it, is read no more: a stat of the one
 * name asked about costs less than reading thousands of names after every
 * job.
 */
const timesRead = new Map<string, number>();
const MAX_READS = 2;

export function filesMayHaveChanged(): void {
  if (directories.size > 0) directories = new Map();
}

/**
 * Hands over the names a directory holds now, which something else (a
 * wildcard) has just read, so that the directory is not read again.
 */
export function directoryWasRead(
  directory: string,
  names: readonly string[],
): void {
  if (!directories.has(directory)) directories.set(directory, new Set(names));
}

function mayExist(file: string): boolean {
  // The base name and directory, as path.basename and path.dirname give
  // them (give or take a doubled slash), without their checks: this
  // runs for every name the implicit rule search thinks of.
  const slash = file.lastIndexOf('/');
  if (slash === file.length - 1) return true;
  if (isDotOrDotDot(file, slash + 1)) return true;
  const directory = slash < 0 ? '.' : slash === 0 ? '/' : file.slice(0, slash);
  let names = directories.get(directory);
  // Most names asked about are in directories that are not there (RCS/,
  // SCCS/): their base name need not be cut out.
  if (names !== undefined && names !== null && names.size === 0) return false;
  const base = slash < 0 ? file : file.slice(slash + 1);
  if (names === undefined && knownAbsent(directory)) {
    names = new Set();
    directories.set(directory, names);
  }
  if (names === undefined) {
    const reads = timesRead.get(directory) ?? 0;
    if (reads >= MAX_READS) return true;
    timesRead.set(directory, reads + 1);
    try {
      names = new Set(readdirSync(directory, { encoding: 'latin1' }));
    } catch (error) {
      // A directory that is not there holds nothing: the implicit rule
      // search asks about many names in RCS/ and SCCS/, and each would
      // otherwise cost a stat. One that cannot be read may still let a
      // stat through, so it answers nothing.
      const code = (error as NodeJS.ErrnoException).code;
      names = code === 'ENOENT' || code === 'ENOTDIR' ? new Set() : null;
    }
    directories.set(directory, names);
  }
  return names === null || names.has(base);
}

/** Whether the part of the name from `start` is `.` or `..`. */
function isDotOrDotDot(file: string, start: number): boolean {
  const dot = 0x2e;
  if (file.charCodeAt(start) !== dot) return false;
  const length = file.length - start;
  return length === 1 || (length === 2 && file.charCodeAt(start + 1) === dot);
}

/**
 * Whether the directory's parent has been read and does not hold it: then
 * the RCS and SCCS directories the implicit rule search looks in cost no
 * system call when they are not there.
 */
function knownAbsent(directory: string): boolean {
  const slash = directory.lastIndexOf('/');
  const base = directory.slice(slash + 1);
  if (base === '' || base === '.' || base === '..') return false;
  const parent =
    slash < 0 ? '.' : slash === 0 ? '/' : directory.slice(0, slash);
  const names = directories.get(parent);
  return names !== undefined && names !== null && !names.has(base);
}

/**
 * The newest of the times of a chain of symbolic links and of the file it
 * ends at; a link to nothing still counts, with its own time.
 */
function readTimeThroughLinks(name: string): FileTime {
  if (parseArchiveMember(name) || !mayExist(name)) return readTime(name);
  let newestTime = missing;
  let current = name;
  for (let links = 0; links < 40; links++) {
    const stats = lstatSync(current, { bigint: true, throwIfNoEntry: false });
    if (!stats) return newestTime;
    if (stats.mtimeNs > newestTime) newestTime = stats.mtimeNs;
    if (!stats.isSymbolicLink()) return newestTime;
    const target = readlinkSync(current);
    current = path.resolve(path.dirname(current), target);
  }
  return newestTime;
}

function readTime(name: string): FileTime {
  const member = parseArchiveMember(name);
  if (member) return readMemberTime(member.archive, member.member);
  if (!mayExist(name)) return missing;
  const stats = statSync(name, {
    bigint: true,
    throwIfNoEntry: false,
  });
  return stats ? stats.mtimeNs : missing;
}

/**
 * An archive member's time is the date its header in the archive gives,
 * in whole seconds; a member the archive lacks is missing.
 */
function readMemberTime(archive: string, member: string): FileTime {
  if (!mayExist(archive)) return missing;
  const date = archiveMemberDate(archive, member);
  return date === null ? missing : BigInt(date) * 1_000_000_000n;
}
