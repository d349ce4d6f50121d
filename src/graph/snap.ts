import { FileNode, Prerequisite } from '../evaluate/database';
import { splitPrerequisites } from '../evaluate/rules';
import { MakeState } from '../evaluate/state';
import { Variable } from '../evaluate/variables';
import { expandSecondPrerequisites } from './second_expansion';

/**
 * Completes the database once every makefile has been read, as GNU's
 * snap_deps does: the second expansion of prerequisites, what the special
 * targets say, and `.EXTRA_PREREQS`. (Suffix rules become pattern rules
 * in installImplicitRules.) No rule can be defined after this.
 */
export function finishDatabase(state: MakeState): void {
  const database = state.database;
  state.databaseFinished = true;

  // The second expansion first: the files it names count in what follows.
  const withVariableSets = state.secondExpansion
    ? expandSecondPrerequisites(state)
    : new Set<FileNode>();

  // Every prerequisite becomes a file make knows of. The files entered
  // here come last in the table, and have no rules to add more.
  for (const node of database.files.values()) {
    for (const rule of node.rules) {
      for (const prerequisite of rule.prerequisites) {
        database.enter(prerequisite.name);
      }
    }
  }

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
  markAll('.LOW_RESOLUTION_TIME', (node) => (node.lowResolutionTime = true));
  const secondary = markAll('.SECONDARY', (node) => {
    node.secondary = true;
    node.intermediate = true;
  });
  // Without prerequisites it makes every file intermediate, and secondary:
  // a missing one is not remade for its own sake, and none is deleted.
  if (secondary && secondary.length === 0) {
    for (const node of database.files.values()) {
      node.secondary = true;
      node.intermediate = true;
    }
  }

  addExtraPrerequisites(state, withVariableSets);
}

/** GNU's special targets, which amake reads after `.EXTRA_PREREQS` came. */
const specialTargets = new Set([
  '.DEFAULT',
  '.DELETE_ON_ERROR',
  '.EXPORT_ALL_VARIABLES',
  '.IGNORE',
  '.INTERMEDIATE',
  '.LOW_RESOLUTION_TIME',
  '.NOTINTERMEDIATE',
  '.NOTPARALLEL',
  '.ONESHELL',
  '.PHONY',
  '.POSIX',
  '.PRECIOUS',
  '.SECONDARY',
  '.SECONDEXPANSION',
  '.SILENT',
  '.SUFFIXES',
]);

/**
 * Adds `.EXTRA_PREREQS` after each file's prerequisites, as GNU's
 * snap_file does: a file with a variable set of its own gets the value in
 * that set, if any, and any other target the global value. A list that
 * names the file itself is left out. The special targets get none here:
 * GNU gives them the list only after reading what they say, and amake
 * reads some of them later.
 */
function addExtraPrerequisites(
  state: MakeState,
  withVariableSets: ReadonlySet<FileNode>,
): void {
  const database = state.database;
  const global = extraPrerequisites(state, state.globals.get('.EXTRA_PREREQS'));
  database.extraPrerequisites = global;
  for (const node of [...database.files.values()]) {
    // Most files have neither a variable set nor, as targets, the global
    // list: spare them the lookups.
    const ownSet =
      node.variables !== null ||
      (withVariableSets.size > 0 && withVariableSets.has(node));
    if (!ownSet && (global.length === 0 || !node.isTarget)) continue;
    if (specialTargets.has(node.name)) continue;
    let extras: Prerequisite[] = [];
    if (ownSet) {
      const own = node.variables?.get('.EXTRA_PREREQS');
      extras = extraPrerequisites(state, own);
    } else if (node.isTarget) {
      extras = global;
    }
    if (extras.length === 0) continue;
    if (extras.some((extra) => extra.name === node.name)) continue;
    const rule = node.rules[0];
    if (rule) {
      rule.prerequisites.push(...extras);
      continue;
    }
    node.rules.push({
      prerequisites: [...extras],
      recipe: null,
      doubleColon: false,
      stem: null,
      group: null,
    });
  }
}

/** The value of a `.EXTRA_PREREQS`, expanded (again) and split. */
function extraPrerequisites(
  state: MakeState,
  variable: Variable | undefined,
): Prerequisite[] {
  if (!variable) return [];
  const saved = state.expander.location;
  state.expander.location = null;
  try {
    const text = state.expander.expand(variable.value, state.globalScope);
    const extras = splitPrerequisites(text);
    for (const extra of extras) state.database.enter(extra.name);
    return extras.map((extra) => ({ ...extra, extra: true }));
  } finally {
    state.expander.location = saved;
  }
}
