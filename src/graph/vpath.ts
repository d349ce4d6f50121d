import { existsSync } from 'node:fs';
import { MakeState } from '../evaluate/state';
import { matchPattern, parsePattern } from '../evaluate/text';

/**
 * Looks for a file that does not exist as named in the directories of the
 * matching `vpath` directives, then in those of `VPATH`, as GNU's
 * vpath_search does. Returns the path it was found at, or null.
 */
export function findInVpath(state: MakeState, name: string): string | null {
  return searchVpath(state, name)?.path ?? null;
}

/** Where vpath found a file, and how early in the search. */
interface VpathHit {
  readonly path: string;
  /** Which `vpath` directive, counting those that did not match too. */
  readonly entryIndex: number;
  /** Which directory of that directive. */
  readonly directoryIndex: number;
}

function searchVpath(state: MakeState, name: string): VpathHit | null {
  if (name.startsWith('/')) return null;
  // Made only when there is a directory to look in: the implicit rule
  // search asks about every name it thinks of, and most makefiles have no
  // vpath at all.
  let lookIn: ((directory: string) => string | null) | null = null;
  const entries = state.database.vpaths;
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex]!;
    const pattern = parsePattern(entry.pattern);
    const matches = pattern
      ? matchPattern(pattern, name) !== null
      : entry.pattern === name;
    if (!matches) continue;
    lookIn ??= vpathLookup(state, name);
    const hit = firstHit(entry.directories, lookIn);
    if (hit) return { ...hit, entryIndex };
  }
  const general = searchDirectories(pathList(state, 'VPATH'));
  if (general.length === 0) return null;
  lookIn ??= vpathLookup(state, name);
  const hit = firstHit(general, lookIn);
  return hit ? { ...hit, entryIndex: entries.length } : null;
}

function firstHit(
  directories: readonly string[],
  lookIn: (directory: string) => string | null,
): { path: string; directoryIndex: number } | null {
  for (let i = 0; i < directories.length; i++) {
    const path = lookIn(directories[i]!);
    if (path !== null) return { path, directoryIndex: i };
  }
  return null;
}

/**
 * How GNU's selective_vpath_search looks for `name` in one directory: the
 * path it answers with, or null. A path the makefiles name counts even if
 * it does not exist: any such path for a file that is no target, only a
 * target for a target.
 */
function vpathLookup(
  state: MakeState,
  name: string,
): (directory: string) => string | null {
  const database = state.database;
  const isTarget = database.file(name)?.isTarget ?? false;
  const mentioned = (path: string) => {
    const file = database.file(path);
    return !!file && (!isTarget || file.isTarget);
  };
  const slash = name.lastIndexOf('/');
  const prefix = slash > 0 ? name.slice(0, slash) : '';
  const base = slash > 0 ? name.slice(slash + 1) : name;
  return (directory) => {
    const head = prefix === '' ? directory : `${directory}/${prefix}`;
    if (!head.endsWith('/')) {
      const path = `${head}/${base}`;
      return mentioned(path) || existsSync(path) ? path : null;
    }
    // A directory still ending in a slash (`/`, or `dir//` less one): GNU
    // puts back the slash it expects over the first character of the name,
    // and answers with that path (`dir//.c` for `dir/` and `b.c`).
    const path = head + base;
    const mangled = `${head}/${base.slice(1)}`;
    if (mentioned(path)) return mangled;
    return existsSync(path) && existsSync(mangled) ? mangled : null;
  };
}

/**
 * Whether vpath found `path` (for the file `name`) in a directory that
 * `GPATH` lists: such a file keeps the name vpath found, even when it is
 * remade, as GNU's gpath_search decides.
 */
export function isInGpath(state: MakeState, path: string, name: string) {
  const directory = path.slice(0, path.length - name.length - 1);
  return searchDirectories(pathList(state, 'GPATH')).includes(directory);
}

/**
 * The directories a library in the standard places may be in, as GNU make
 * 4.3 searches them; the middle one is its configured libdir, which for
 * Debian's build (the reference) is the multiarch directory.
 */
const standardDirectories = [
  '/lib',
  `/usr/lib/${multiarchTriplet()}`,
  '/usr/local/lib',
];

function multiarchTriplet(): string {
  const machines: Record<string, string> = {
    x64: 'x86_64',
    arm64: 'aarch64',
    ia32: 'i386',
    arm: 'arm',
  };
  const machine = machines[process.arch] ?? process.arch;
  return process.arch === 'arm'
    ? 'arm-linux-gnueabihf'
    : `${machine}-linux-gnu`;
}

/**
 * The file a `-lname` prerequisite stands for, as GNU's library_search
 * finds it: each `.LIBPATTERNS` pattern (`lib%.so lib%.a`) with the name
 * for its `%`, looked for in the current directory (which wins at once),
 * through vpath, then in the standard directories; of the rest, the one
 * found earliest in the vpath order wins, the standard directories last.
 * `notPattern` hears of the elements that have no `%`.
 */
export function findLibrary(
  state: MakeState,
  name: string,
  notPattern: (element: string) => void,
): string | null {
  const variable = state.globalScope.lookup('.LIBPATTERNS');
  const patterns = variable
    ? state.expander.valueOf(variable, state.globalScope)
    : '';
  const library = name.slice(2);

  // The standard directories rank after every vpath directory.
  const standardBase = Number.MAX_SAFE_INTEGER - standardDirectories.length;
  let best: { path: string; entry: number; directory: number } | null = null;
  for (const element of patterns.split(/[ \t\n]+/)) {
    if (element === '') continue;
    const pattern = parsePattern(element);
    if (!pattern) {
      notPattern(element);
      continue;
    }
    const file = pattern.prefix + library + pattern.suffix;
    if (existsSync(file)) return file;
    const hit = searchVpath(state, file);
    if (
      hit &&
      (best === null ||
        hit.entryIndex < best.entry ||
        (hit.entryIndex === best.entry && hit.directoryIndex < best.directory))
    ) {
      best = {
        path: hit.path,
        entry: hit.entryIndex,
        directory: hit.directoryIndex,
      };
    }
    standardDirectories.forEach((directory, index) => {
      const path = `${directory}/${file}`;
      const entry = standardBase + index;
      if ((best === null || entry < best.entry) && existsSync(path)) {
        best = { path, entry, directory: best?.directory ?? 0 };
      }
    });
  }
  return best?.path ?? null;
}

/**
 * The words of a path variable (VPATH, GPATH), split at blanks and colons,
 * expanded quietly: an unset one is no --warn-undefined matter.
 */
function pathList(state: MakeState, name: string): string[] {
  const variable = state.globalScope.lookup(name);
  if (!variable) return [];
  const value = state.expander.valueOf(variable, state.globalScope);
  return value.split(/[ \t:]+/);
}

/**
 * A search path as GNU's construct_vpath_list keeps it: without empty
 * entries and `.`, each without one trailing slash.
 */
function searchDirectories(directories: readonly string[]): string[] {
  const kept: string[] = [];
  for (let directory of directories) {
    if (directory.length > 1 && directory.endsWith('/')) {
      directory = directory.slice(0, -1);
    }
    if (directory !== '' && directory !== '.') kept.push(directory);
  }
  return kept;
}
