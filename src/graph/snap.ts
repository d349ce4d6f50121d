import { FileNode } from '../evaluate/database';
import { MakeState } from '../evaluate/state';
import { words } from '../evaluate/text';

/**
 * Applies what the special targets say once every makefile has been read,
 * and turns suffix rules into pattern rules, as GNU's snap_deps and
 * convert_to_pattern do.
 */
export function finishDatabase(state: MakeState): void {
  const database = state.database;
  const prerequisitesOf = (name: string): FileNode[] | null => {
    const node = database.file(name);
    if (!node || !node.isTarget) return null;
    return node.rules
      .flatMap((rule) => rule.prerequisites)
      .map((p) => database.enter(p.name));
  };
  const markAll = (special: string, mark: (node: FileNode) => void) => {
    const nodes = prerequisitesOf(special);
    if (nodes) nodes.forEach(mark);
    return nodes;
  };
  markAll('.PHONY', (node) => (node.phony = true));
  markAll('.PRECIOUS', (node) => (node.precious = true));
  markAll('.INTERMEDIATE', (node) => (node.intermediate = true));
  markAll('.NOTINTERMEDIATE', (node) => (node.notIntermediate = true));
  const secondary = markAll('.SECONDARY', (node) => (node.secondary = true));
  if (secondary && secondary.length === 0) {
    for (const node of database.files.values()) node.secondary = true;
  }
  convertSuffixRules(state);
}

/** The suffixes `.SUFFIXES` lists now. */
export function suffixList(state: MakeState): string[] {
  const node = state.database.file('.SUFFIXES');
  if (!node) return [];
  return node.rules.flatMap((rule) => rule.prerequisites).map((p) => p.name);
}

/**
 * `.c.o:` becomes `%.o: %.c`, and `.c:` becomes `%: %.c`, for the known
 * suffixes. A suffix rule with prerequisites is an ordinary rule.
 */
function convertSuffixRules(state: MakeState): void {
  const suffixes = suffixList(state);
  if (suffixes.length === 0) return;
  const known = new Set(suffixes);
  for (const node of state.database.files.values()) {
    const name = node.name;
    if (!name.startsWith('.') || !node.isTarget) continue;
    const rule = node.rules[0];
    if (!rule || rule.prerequisites.length > 0) continue;
    const pair = splitSuffixRule(name, suffixes, known);
    if (!pair) continue;
    const [source, target] = pair;
    state.database.patternRules.push({
      targets: [target === '' ? '%' : `%${target}`],
      prerequisites: [{ name: `%${source}`, orderOnly: false }],
      recipe: rule.recipe,
      terminal: false,
      location: rule.recipe?.location ?? node.location,
      secondExpansion: null,
      builtin: false,
    });
  }
  void words;
}

function splitSuffixRule(
  name: string,
  suffixes: string[],
  known: Set<string>,
): [string, string] | null {
  if (known.has(name)) return [name, ''];
  for (const source of suffixes) {
    if (name.startsWith(source) && known.has(name.slice(source.length))) {
      return [source, name.slice(source.length)];
    }
  }
  return null;
}
