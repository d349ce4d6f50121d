import { suffixList } from '../evaluate/builtins';
import { ExplicitRule, FileNode, Prerequisite } from '../evaluate/database';
import { splitPrerequisites } from '../evaluate/rules';
import { MakeState } from '../evaluate/state';
import { parsePattern } from '../evaluate/text';
import { VariableScope, VariableSet, newVariable } from '../evaluate/variables';
import { isArchiveMember } from './implicit';
import { inFileTableOrder } from './intermediate';
import { patternScopes } from './scopes';

// `.SECONDEXPANSION` for explicit and static pattern rules: GNU's
// expand_deps, which snap_deps runs for every file before anything is
// built. (Pattern rules expand theirs during the implicit rule search.)

/**
 * Expands the prerequisite text each rule left for a second expansion, and
 * puts the prerequisites it names in its place. `.SUFFIXES` goes first, as
 * the others' `$*` depends on it; then every file, in the order of GNU's
 * file table, which is the order the expansions' side effects appear in.
 * Returns the files that had any: GNU gives each of them a variable set,
 * which keeps the global `.EXTRA_PREREQS` away from them.
 */
export function expandSecondPrerequisites(state: MakeState): Set<FileNode> {
  const expanded = new Set<FileNode>();
  const database = state.database;
  const suffixes = database.file('.SUFFIXES');
  const files = inFileTableOrder(
    state,
    [...database.files.values()].map((node) => [node, null]),
  ).map(([node]) => node);
  const others = files.filter((node) => node !== suffixes);
  for (const node of suffixes ? [suffixes, ...others] : others) {
    if (expandFile(state, node)) expanded.add(node);
  }
  return expanded;
}

/** The second expansion of one file's rules; false if none had any. */
function expandFile(state: MakeState, node: FileNode): boolean {
  let scope: VariableScope | null = null;
  for (const rule of node.rules) {
    if (!rule.prerequisites.some((p) => p.secondExpansion)) continue;
    scope ??= fileScope(state, node);
    const saved = state.expander.location;
    // GNU reports errors at the file's recipe, if it has one.
    state.expander.location = rule.recipe?.location ?? null;
    try {
      expandRule(state, node, rule, scope);
    } finally {
      state.expander.location = saved;
    }
  }
  return scope !== null;
}

/**
 * Expands the rule's pending texts in order: each sees, in `$<`, `$^` and
 * the like, the prerequisites before and after it that are expanded
 * already, including those the texts before it expanded to.
 */
function expandRule(
  state: MakeState,
  node: FileNode,
  rule: ExplicitRule,
  scope: VariableScope,
): void {
  const done: Prerequisite[] = [];
  const listed = rule.prerequisites;
  listed.forEach((prerequisite, index) => {
    if (!prerequisite.secondExpansion) {
      done.push(prerequisite);
      return;
    }
    const stem = prerequisite.secondExpansion.stem;

    // A static pattern's `%` becomes `$*`, so that the stem is not
    // expanded again.
    const text =
      stem === null ? prerequisite.name : prerequisite.name.replace(/%/g, '$*');
    const around = [...done, prerequisite, ...listed.slice(index + 1)];
    const automatic = automaticVariables(
      node.name,
      around,
      stem ?? rule.stem ?? suffixStem(state, node.name),
    );
    const expanded = state.expander.expand(
      text,
      new VariableScope(automatic, scope),
    );
    for (const found of splitPrerequisites(expanded)) {
      if (stem === null) {
        done.push(found);
        continue;
      }
      const pattern = parsePattern(found.name);
      const name = pattern
        ? pattern.prefix + stem + pattern.suffix
        : found.name;
      if (name !== '') done.push({ ...found, name });
    }
  });
  rule.prerequisites = done;
}

/**
 * The automatic variables a second expansion sees, as GNU's
 * set_file_variables sets them from prerequisites some of which may still
 * wait for theirs: those are left out, and when the first normal one is
 * such, `$<` is empty. `.EXTRA_PREREQS` are left out too, and a name
 * listed both as normal and as order-only counts as normal.
 */
function automaticVariables(
  target: string,
  prerequisites: readonly Prerequisite[],
  stem: string,
): VariableSet {
  const automatic = new VariableSet();
  const define = (name: string, value: string) => {
    automatic.set(newVariable(name, value, 'simple', 'automatic'));
  };
  const counted = prerequisites.filter((p) => !p.extra);
  const first = counted.find((p) => !p.orderOnly);
  const known = counted.filter((p) => !p.secondExpansion);
  const normal = known.filter((p) => !p.orderOnly).map((p) => p.name);
  const unique = new Set(normal);
  const orderOnly = known
    .filter((p) => p.orderOnly && !unique.has(p.name))
    .map((p) => p.name);
  const member = archiveMember(target);
  define('@', member ? member.archive : target);
  define('%', member ? member.member : '');
  define('*', stem);
  define('<', first && !first.secondExpansion ? first.name : '');
  define('^', [...unique].join(' '));
  define('+', normal.join(' '));
  define('|', [...new Set(orderOnly)].join(' '));
  define('?', '');
  return automatic;
}

/** Global variables, then pattern-specific ones, then the file's own. */
function fileScope(state: MakeState, node: FileNode): VariableScope {
  let scope = state.globalScope;
  for (const set of patternScopes(state, node.name)) {
    scope = new VariableScope(set, scope);
  }
  if (node.variables) scope = new VariableScope(node.variables, scope);
  return scope;
}

/** `$*` of an explicit rule: the name less a suffix `.SUFFIXES` lists. */
function suffixStem(state: MakeState, name: string): string {
  for (const suffix of suffixList(state)) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      return name.slice(0, -suffix.length);
    }
  }
  return '';
}

/** `lib(member)` as its archive and member, as GNU's ar_name sees it. */
function archiveMember(
  name: string,
): { archive: string; member: string } | null {
  if (!isArchiveMember(name)) return null;
  const open = name.indexOf('(');
  return { archive: name.slice(0, open), member: name.slice(open + 1, -1) };
}
