import { FileNode } from '../evaluate/database';
import { MakeState } from '../evaluate/state';

/**
 * Applies what the special targets say once every makefile has been read,
 * as GNU's snap_deps does. (Suffix rules become pattern rules in
 * installImplicitRules.)
 */
export function finishDatabase(state: MakeState): void {
  const database = state.database;

  // Every prerequisite becomes a file make knows of.
  const named = [...database.files.values()].flatMap((node) =>
    node.rules.flatMap((rule) => rule.prerequisites.map((p) => p.name)),
  );
  for (const name of named) database.enter(name);

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
  const secondary = markAll('.SECONDARY', (node) => {
    node.secondary = true;
    node.intermediate = true;
  });
  if (secondary && secondary.length === 0) {
    for (const node of database.files.values()) node.secondary = true;
  }
}

/** The suffixes `.SUFFIXES` lists now. */
export function suffixList(state: MakeState): string[] {
  const node = state.database.file('.SUFFIXES');
  if (!node) return [];
  return node.rules.flatMap((rule) => rule.prerequisites).map((p) => p.name);
}
