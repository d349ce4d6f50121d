import { statSync } from 'node:fs';

/** A modification time in nanoseconds; `missing` for no file. */
export type FileTime = bigint;

export const missing: FileTime = -1n;
/** Newer than any file: what a remade target counts as without a file. */
export const newest: FileTime = 1n << 62n;

/**
 * Modification times, read once and kept until a file is remade. GNU make
 * compares times with sub-second resolution where the file system has it.
 */
export class FileTimes {
  private readonly cache = new Map<string, FileTime>();

  get(name: string): FileTime {
    let time = this.cache.get(name);
    if (time === undefined) {
      time = readTime(name);
      this.cache.set(name, time);
    }
    return time;
  }

  set(name: string, time: FileTime): void {
    this.cache.set(name, time);
  }

  forget(name: string): void {
    this.cache.delete(name);
  }
}

function readTime(name: string): FileTime {
  const stats = statSync(archiveFile(name), {
    bigint: true,
    throwIfNoEntry: false,
  });
  return stats ? stats.mtimeNs : missing;
}

/** The archive of an archive member name `lib(member)`. */
function archiveFile(name: string): string {
  const open = name.indexOf('(');
  if (open > 0 && name.endsWith(')')) return name.slice(0, open);
  return name;
}
