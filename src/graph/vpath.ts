import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { MakeState } from '../evaluate/state';
import { matchPattern, parsePattern } from '../evaluate/text';

/**
 * Looks for a file that does not exist as named in the directories of the
 * matching `vpath` directives, then in those of `VPATH`. Returns the path
 * it was found at, or null.
 */
export function findInVpath(state: MakeState, name: string): string | null {
  if (path.isAbsolute(name)) return null;
  for (const directory of vpathDirectories(state, name)) {
    const candidate = path.join(directory, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function vpathDirectories(state: MakeState, name: string): string[] {
  const directories: string[] = [];
  for (const entry of state.database.vpaths) {
    const pattern = parsePattern(entry.pattern);
    const matches = pattern
      ? matchPattern(pattern, name) !== null
      : entry.pattern === name;
    if (matches) directories.push(...entry.directories);
  }
  // Looked up quietly: an unset VPATH is no --warn-undefined matter.
  const variable = state.globalScope.lookup('VPATH');
  const general = variable
    ? state.expander.valueOf(variable, state.globalScope)
    : '';
  for (const directory of general.split(/[ \t:]+/)) {
    if (directory !== '') directories.push(directory);
  }
  return directories;
}
