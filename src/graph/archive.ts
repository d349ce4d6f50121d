/**
 * Archive members, `lib.a(member.o)`, as GNU make's ar.c and arscan.c see
 * them: a member's time is the date in its header inside the `ar` archive,
 * not the archive's own time, and a member the archive lacks is missing.
 *
 * The format: the global header `!<arch>\n`, then per member a 60-byte
 * header (name 16, date 12, uid 6, gid 6, mode 8, size 10, "`\n") and its
 * data, padded to an even offset. Names longer than 15 characters are
 * either in the `//` member's table, referred to as `/offset` (GNU, System
 * V), or follow the header, announced as `#1/length` (BSD).
 *
 * amake's strings hold bytes as latin1 characters, so names are read as
 * latin1.
 */
import {
  closeSync,
  fstatSync,
  openSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';

const magic = '!<arch>\n';
const headerSize = 60;
const nameField = { start: 0, length: 16 };
const dateField = { start: 16, length: 12 };
const endMagic = '`\n';

/** One member, as its header describes it. */
export interface ArchiveMember {
  /** The member's name, its trailing slash (GNU format) removed. */
  readonly name: string;
  /**
   * The name came from the 16-byte header field, which an old archiver
   * may have cut short: only its first 15 characters are compared.
   */
  readonly truncated: boolean;
  /** The date field: seconds since the epoch. 0 in deterministic archives. */
  readonly date: number;
  /** Where its header starts in the archive, for touching. */
  readonly headerOffset: number;
}

/** The members of an archive, or why there are none. */
export type ArchiveScan = readonly ArchiveMember[] | 'missing' | 'invalid';

/**
 * `lib(member)` split into archive and member, as GNU's ar_name and
 * ar_parse_name do; null when the name is no archive member reference:
 * nothing before the `(`, nothing inside, or no `)` at the end.
 */
export function parseArchiveMember(
  name: string,
): { archive: string; member: string } | null {
  const open = name.indexOf('(');
  if (open <= 0) return null;
  const end = name.length - 1;
  if (name[end] !== ')' || end === open + 1) return null;
  return { archive: name.slice(0, open), member: name.slice(open + 1, end) };
}

/**
 * Scans are kept for as long as the archive's identity, size and time stay
 * the same: a build asks about each member of an archive in turn, and a
 * recipe that changes the archive changes its time.
 */
const scans = new Map<string, { key: string; scan: ArchiveScan }>();

/** The members of the archive `file`, in the order they are stored. */
export function scanArchive(file: string): ArchiveScan {
  const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (!stats) return 'missing';
  const key = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
  const cached = scans.get(file);
  if (cached && cached.key === key) return cached.scan;
  const scan = readArchive(file);
  scans.set(file, { key, scan });
  return scan;
}

/**
 * The date of `member` in the archive `file`, in seconds, as GNU's
 * ar_member_date: the first member of that name with a date that is not 0.
 * Null when the archive is missing or unreadable, the member is not in
 * it, or its date is 0 (a deterministic archive), or negative: GNU counts
 * all of those as a missing member, which is therefore always remade.
 */
export function archiveMemberDate(file: string, member: string): number | null {
  const scan = scanArchive(file);
  if (typeof scan === 'string') return null;
  for (const entry of scan) {
    if (entry.date === 0 || !memberNameMatches(member, entry)) continue;
    return entry.date > 0 ? entry.date : null;
  }
  return null;
}

/**
 * The member names a glob pattern matches, sorted, as GNU's ar_glob does
 * for `lib.a(*.o)`: every member is tested, and `matches` decides.
 */
export function matchArchiveMembers(
  file: string,
  matches: (member: string) => boolean,
): string[] {
  const scan = scanArchive(file);
  if (typeof scan === 'string') return [];
  const names = scan.map((entry) => entry.name).filter(matches);
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What came of touching a member; GNU's ar_member_touch codes. */
export type TouchResult =
  | { kind: 'touched' }
  | { kind: 'no-archive' }
  | { kind: 'invalid' }
  | { kind: 'no-member' }
  | { kind: 'failed'; error: NodeJS.ErrnoException };

/**
 * `-t` for a member, as GNU's ar_member_touch: the member's date becomes
 * the archive's modification time as it was before the header is written
 * back (writing it then makes the archive newer than the member).
 */
export function touchArchiveMember(file: string, member: string): TouchResult {
  const scan = readArchive(file);
  if (scan === 'missing') return { kind: 'no-archive' };
  if (scan === 'invalid') return { kind: 'invalid' };
  const entry = scan.find((candidate) => memberNameMatches(member, candidate));
  if (!entry) return { kind: 'no-member' };
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r+');
  } catch (error) {
    return { kind: 'failed', error: error as NodeJS.ErrnoException };
  }
  try {
    const { mtimeNs } = fstatSync(descriptor, { bigint: true });
    const seconds = mtimeNs / 1_000_000_000n;
    const date = Buffer.alloc(dateField.length, ' ');
    date.write(String(seconds), 'latin1');
    writeSync(descriptor, date, 0, date.length, entry.headerOffset + 16);
    return { kind: 'touched' };
  } catch (error) {
    return { kind: 'failed', error: error as NodeJS.ErrnoException };
  } finally {
    closeSync(descriptor);
    scans.delete(file);
  }
}

/**
 * GNU's ar_name_equal: the member is named without its directory, and a
 * name from a header field may have been cut to 15 characters.
 */
function memberNameMatches(name: string, entry: ArchiveMember): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (entry.truncated) {
    return cString(base).slice(0, 15) === cString(entry.name).slice(0, 15);
  }
  return base === entry.name;
}

/** Reads the member headers of an archive, as GNU's ar_scan does. */
function readArchive(file: string): ArchiveScan {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    return scanMembers(descriptor);
  } catch {
    // A read error (a directory, say) is no archive.
    return 'invalid';
  } finally {
    closeSync(descriptor);
  }
}

function scanMembers(descriptor: number): ArchiveScan {
  if (read(descriptor, 0, magic.length) !== magic) return 'invalid';
  const members: ArchiveMember[] = [];
  let nameTable: string | null = null;
  let offset = magic.length;
  for (;;) {
    const header = read(descriptor, offset, headerSize);
    if (header.length === 0) break;
    if (header.length !== headerSize || !header.endsWith(endMagic)) {
      return 'invalid';
    }

    // The name: its blanks trimmed, then one trailing slash.
    let name = cString(
      header.substr(nameField.start, nameField.length).replace(/ +$/, ''),
    );
    const isNameTable = name === '//' || name === 'ARFILENAMES/';
    if (name.endsWith('/')) name = name.slice(0, -1);
    let truncated = true;
    const size = parseLong(header, 48);
    // GNU would step backwards here, perhaps for ever.
    if (size < 0) return 'invalid';
    if (!isNameTable && /^[ /]/.test(name) && nameTable !== null) {
      // `/123`: the name is at that offset in the `//` member.
      const at = parseLong(name, 1);
      if (at < 0 || at >= nameTable.length) return 'invalid';
      name = cString(nameTable.slice(at));
      if (name === '') return 'invalid';
      truncated = false;
    } else if (name.startsWith('#1/')) {
      // `#1/12`: the name is the first 12 bytes of the data.
      const length = parseLong(name, 3);
      if (length < 1) return 'invalid';
      const longName = read(descriptor, offset + headerSize, length);
      if (longName.length !== length) return 'invalid';
      name = cString(longName);
      truncated = false;
    }
    members.push({
      name,
      truncated,
      date: parseLong(header, dateField.start),
      headerOffset: offset,
    });

    // GNU's table ends each name with a newline, and a slash before it.
    // Offsets into it must keep pointing at the same names.
    if (isNameTable) {
      const table = read(descriptor, offset + headerSize, size);
      if (table.length !== size) return 'invalid';
      nameTable = table.replace(/\/\n/g, '\0\0').replace(/\n/g, '\0');
    }
    offset += headerSize + size;
    if (offset % 2 !== 0) offset++;
  }
  return members;
}

function read(descriptor: number, position: number, length: number): string {
  const buffer = Buffer.alloc(length);
  let total = 0;
  while (total < length) {
    const count = readSync(descriptor, buffer, total, length - total, position);
    if (count === 0) break;
    total += count;
    position += count;
  }
  return buffer.toString('latin1', 0, total);
}

/** The text up to the first NUL, as C sees a string. */
function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/**
 * C's atol from `start`: blanks skipped, an optional sign, then digits.
 * Like GNU's reading of a header field, it may run on into the next field
 * when a field is full of digits.
 */
function parseLong(text: string, start: number): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d*)/.exec(text.slice(start))!;
  const value = Number.parseInt(match[1]!, 10);
  return Number.isNaN(value) ? 0 : value;
}
