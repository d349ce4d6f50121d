/**
 * `make -p`: the database printed in GNU make 4.3's format, section by
 * section, in the order GNU lists entries in (see hash_order.ts).
 *
 * What cannot be the same, and is not:
 * - the banner names amake, and the dates are amake's;
 * - the hash-table statistics count amake's own insertions, so the
 *   collision and lookup counts differ from GNU's (which also count every
 *   variable lookup made while expanding), while the load figures agree;
 * - `# Directories` lists no directory: GNU reports its directory cache,
 *   which amake does not have, so only the summary line is printed;
 * - the strcache figures are estimates from the names amake knows;
 * - recipes defined under another `.RECIPEPREFIX` print with the final
 *   one, without GNU's `.RECIPEPREFIX = ` lines, since amake does not keep
 *   the prefix each recipe was read with.
 *
 * Known differences that could be closed:
 * - the rules of a double-colon target share one state in amake, where
 *   GNU keeps one per rule (so under -q, rules after the first that needs
 *   remaking show as updated too);
 * - GNU clears the intermediate mark of an existing `.INTERMEDIATE` file
 *   that an implicit rule uses; amake still shows it.
 */

import {
  ExplicitRule,
  FileNode,
  Prerequisite,
  Recipe,
} from '../evaluate/database';
import {
  builtinLocation,
  builtinSuffixRules,
  defaultSuffixes,
  installImplicitRules,
} from '../evaluate/builtins';
import { MakeState } from '../evaluate/state';
import { Variable, VariableSet } from '../evaluate/variables';
import { words } from '../evaluate/text';
import { GnuHashTable, HashTableStats, jhash, jhashString } from './hash_order';

/** A file's modification time as the build last saw it. */
export type ReportedTime =
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'missing' }
  /** `-o`: older than anything. */
  | { readonly kind: 'old' }
  /** Its recipe ran under -n, -t touched it, or -W named it: newest. */
  | { readonly kind: 'new' }
  | { readonly kind: 'time'; readonly nanoseconds: bigint };

/** What the build learned of one file, as `-p` shows it. */
export interface FileBuildReport {
  /** Implicit rule search was done for it. */
  readonly implicitSearched: boolean;
  /** null: never considered. */
  readonly status: 'succeeded' | 'failed' | 'question' | null;
  readonly time: ReportedTime;
  /** The stem of the implicit rule used, or `$*` of the recipe that ran. */
  readonly stem: string | null;
  /** The recipe found by implicit search or taken from `.DEFAULT`. */
  readonly recipe: Recipe | null;
  /** An implicit rule was found for it, which makes it a target. */
  readonly implicitRule: boolean;
  /** Prerequisites the implicit rule added, listed before the others. */
  readonly implicitPrerequisites: readonly Prerequisite[];
  /** The other targets of the pattern rule that made it. */
  readonly alsoMake: readonly string[];
  /** The automatic variables its recipe ran with (or would have). */
  readonly automatic: VariableSet | null;
  /**
   * GNU made it a variable set: its recipe ran, or the recipe of one of
   * its prerequisites did while this file was asking for it.
   */
  readonly hasVariableSet: boolean;
  /** The name it was found by through vpath and kept, if any. */
  readonly foundAs: string | null;
}

/** All `-p` needs: the database, the command line, the build's findings. */
export interface DatabaseSource {
  readonly state: MakeState;
  /** amake's `--version` text; each line is printed after `# `. */
  readonly banner: string;
  /** The goals named on the command line. */
  readonly commandLineGoals: readonly string[];
  /** The files named by -o and -W, which GNU enters at startup. */
  readonly commandLineFiles: readonly string[];
  readonly noBuiltinRules: boolean;
  /** What the build learned of a file, null if nothing. */
  readonly report: (node: FileNode) => FileBuildReport | null;
  /** The clock, replaceable for tests. */
  readonly now?: () => Date;
}

/** GNU's initial table sizes (before rounding up to a power of two). */
const globalVariableBuckets = 523;
const fileVariableBuckets = 23;
const fileBuckets = 1007;
const stringCacheBuckets = 8000;
const stringCacheBufferSize = 8162;

/** The order GNU defines a recipe's automatic variables in. */
const automaticNames = ['<', '*', '@', '%', '+', '^', '?', '|'];

/** Formats the whole database as `make -p` prints it at exit. */
export function formatDatabase(source: DatabaseSource): string {
  const now = source.now ?? (() => new Date());
  const out = new Output();

  // The banner, the variables and the pattern-specific variables.
  for (const line of source.banner.replace(/\n$/, '').split('\n')) {
    out.line(`# ${line}`);
  }
  out.line('');
  out.line(`# Make data base, printed on ${formatClock(now())}`);
  printVariables(out, source.state);
  printPatternVariables(out, source.state);

  // Directories, rules, files, search paths, the string cache.
  out.text('\n# Directories\n\n');
  out.line('\n# No files, no impossibilities in 0 directories.');
  printImplicitRules(out, source);
  printFiles(out, source);
  printSearchPaths(out, source.state);
  printStringCache(out, source.state);
  out.line(`\n# Finished Make data base on ${formatClock(now())}\n`);
  return out.toString();
}

/** Collects the text; `line` adds a newline as C's puts does. */
class Output {
  private readonly parts: string[] = [];
  text(text: string): void {
    this.parts.push(text);
  }
  line(text: string): void {
    this.parts.push(text, '\n');
  }
  toString(): string {
    return this.parts.join('');
  }
}

function printVariables(out: Output, state: MakeState): void {
  out.line('\n# Variables\n');
  const table = new GnuHashTable<Variable>(jhash, globalVariableBuckets);
  for (const variable of state.globals.variables.values()) {
    table.insert(variable.name, variable);
  }
  for (const variable of table.values()) {
    printVariable(out, variable, '', 'as defined');
  }
  printSetStats(out, table.stats());
}

/**
 * GNU keeps one pattern-specific variable per entry and never sets its
 * `recursive` bit, so every one prints as `:=` with `$` doubled.
 */
function printPatternVariables(out: Output, state: MakeState): void {
  out.line('\n# Pattern-specific Variable Values');
  let count = 0;
  for (const entry of state.database.patternVariables) {
    for (const variable of entry.variables.variables.values()) {
      count++;
      out.text(`\n${entry.pattern} :\n`);
      printVariable(out, variable, '# ', 'simple');
    }
  }
  if (count === 0) {
    out.line('\n# No pattern-specific variable values.');
  } else {
    out.text(`\n# ${count} pattern-specific variable values`);
  }
}

/** The origin comment and the assignment, as GNU's print_variable. */
function printVariable(
  out: Output,
  variable: Variable,
  prefix: string,
  flavor: 'as defined' | 'simple',
): void {
  let comment = `# ${originLabel(variable)}`;
  if (variable.isPrivate) comment += ' private';
  const location = variable.location;
  if (location && location.line > 0 && !location.file.startsWith('<')) {
    comment += ` (from '${location.file}', line ${location.line})`;
  }
  out.line(comment);
  out.text(prefix);

  const recursive = flavor === 'as defined' && variable.flavor === 'recursive';
  const value = variable.value;
  if (recursive && value.includes('\n')) {
    out.line(`define ${variable.name}\n${value}\nendef`);
    return;
  }
  const operator = recursive
    ? variable.appendsToInherited
      ? '+='
      : '='
    : ':=';
  let shown: string;
  if (value !== '' && /^[ \t]+$/.test(value)) {
    // A value of blanks alone would vanish when read back.
    shown = `$(subst ,,${value})`;
  } else if (recursive) {
    shown = value;
  } else {
    shown = value.replace(/\$/g, '$$$$');
  }
  out.line(`${variable.name} ${operator} ${shown}`);
}

function originLabel(variable: Variable): string {
  switch (variable.origin) {
    case 'default':
      return 'default';
    case 'environment':
      return 'environment';
    case 'file':
      return 'makefile';
    case 'environment override':
      return 'environment under -e';
    case 'command line':
      return 'command line';
    case 'override':
      return "'override' directive";
    case 'automatic':
      return 'automatic';
  }
}

function printSetStats(out: Output, stats: HashTableStats): void {
  out.line('# variable set hash-table stats:');
  out.line(`# ${formatStats(stats)}`);
}

/** `Load=110/1024=11%, Rehash=0, Collisions=6/152=4%`. */
function formatStats(stats: HashTableStats): string {
  const load = formatFixed((100 * stats.fill) / stats.size, 0);
  const collisions = stats.lookups
    ? formatFixed((100 * stats.collisions) / stats.lookups, 0)
    : '0';
  return (
    `Load=${stats.fill}/${stats.size}=${load}%, ` +
    `Rehash=${stats.rehashes}, ` +
    `Collisions=${stats.collisions}/${stats.lookups}=${collisions}%`
  );
}

function printImplicitRules(out: Output, source: DatabaseSource): void {
  out.line('\n# Implicit Rules');
  // GNU has always installed its built-in rules by now; amake may not have
  // needed them yet.
  installImplicitRules(source.state);
  const rules = source.state.database.patternRules;
  let terminal = 0;
  for (const rule of rules) {
    if (rule.terminal) terminal++;
    out.text('\n');
    out.text(rule.targets.join(' ') + ':');
    if (rule.terminal) out.text(':');
    out.line(formatPrerequisites(pendingOrExpanded(rule)));
    if (rule.recipe) {
      printRecipe(out, rule.recipe, rule.builtin, source.state.recipePrefix);
    }
  }
  if (rules.length === 0) {
    out.line('\n# No implicit rules.');
  } else {
    const share = formatFixed((terminal / rules.length) * 100, 1);
    out.text(
      `\n# ${rules.length} implicit rules, ${terminal} (${share}%) terminal.`,
    );
  }
}

/** The prerequisites, or their text while second expansion is pending. */
function pendingOrExpanded(rule: {
  prerequisites: readonly Prerequisite[];
  secondExpansion?: readonly { text: string; orderOnly: boolean }[] | null;
}): Prerequisite[] {
  const pending = (rule.secondExpansion ?? []).flatMap((part) =>
    words(part.text).map((name) => ({ name, orderOnly: part.orderOnly })),
  );
  return [...rule.prerequisites, ...pending];
}

/** ` a b | c d`: normal prerequisites, then the order-only ones. */
function formatPrerequisites(
  prerequisites: readonly Prerequisite[],
  nameOf: (name: string) => string = (name) => name,
): string {
  const normal = prerequisites.filter((p) => !p.orderOnly);
  const orderOnly = prerequisites.filter((p) => p.orderOnly);
  let text = normal.map((p) => ` ${nameOf(p.name)}`).join('');
  if (orderOnly.length > 0) {
    text += ' |' + orderOnly.map((p) => ` ${nameOf(p.name)}`).join('');
  }
  return text;
}

/** `#  recipe to execute (from 'Makefile', line 4):` and the lines. */
function printRecipe(
  out: Output,
  recipe: Recipe,
  builtin: boolean,
  recipePrefix: string,
): void {
  const location = recipe.location;
  if (builtin || !location || location.line <= 0) {
    out.line('#  recipe to execute (built-in):');
  } else {
    out.line(
      `#  recipe to execute (from '${location.file}', line ${location.line}):`,
    );
  }
  for (const line of recipe.lines) out.line(recipePrefix + line.text);
}

function printFiles(out: Output, source: DatabaseSource): void {
  out.line('\n# Files');
  const { state } = source;
  const table = new GnuHashTable<FileEntry>(jhashString, fileBuckets);
  // A file found through vpath is renamed, and moves in GNU's table.
  const entries = fileEntries(state, source.report, source.commandLineFiles);
  for (const entry of entries) {
    const foundAs = source.report(entry.node)?.foundAs;
    table.insert(foundAs || entry.node.name, entry);
  }
  const goals = new Set(source.commandLineGoals);
  for (const entry of table.values()) {
    if (source.noBuiltinRules && entry.builtin) continue;
    printFile(out, entry, source, goals.has(entry.node.name));
  }
  out.text(`\n# files hash-table stats:\n# ${formatStats(table.stats())}`);
}

/** A file as `-p` lists it. */
interface FileEntry {
  readonly node: FileNode;
  /** One of GNU's built-in entries, which `-p` hides under -r. */
  readonly builtin: boolean;
  /** Its rules, or the built-in suffix rule's recipe GNU keeps on it. */
  readonly rules: readonly ExplicitRule[];
}

/**
 * The files in the order GNU enters them, with those GNU has and amake
 * may not: `.DEFAULT`, `.SUFFIXES` (a built-in entry under -r), every
 * prerequisite, and unless -r, each default suffix and built-in suffix
 * rule (`.c`, `.c.o`), which GNU enters before reading makefiles.
 */
function fileEntries(
  state: MakeState,
  report: DatabaseSource['report'],
  commandLineFiles: readonly string[],
): FileEntry[] {
  const database = state.database;
  const noRules =
    state.settings.noBuiltinRules || state.settings.noBuiltinVariables;
  // `.SUFFIXES` is a built-in entry until a makefile names it as a target
  // or GNU looks it up (which clears the mark) to set `$*` for the first
  // recipe that runs without a stem from a pattern.
  const recipeRan = [...database.files.values()].some((node) => {
    const found = report(node);
    const staticStem = node.rules.some((rule) => rule.stem !== null);
    return found?.automatic && !found.implicitRule && !staticStem;
  });
  const entries: FileEntry[] = [];
  const named = new Set<string>();
  const add = (node: FileNode, builtinRecipe?: string | null) => {
    if (named.has(node.name)) return;
    named.add(node.name);
    const untouched = !node.isTarget && node.rules.length === 0;
    let builtin = node.builtin;
    let rules: readonly ExplicitRule[] = node.rules;
    if (builtinRecipe !== undefined && untouched) {
      builtin = true;
      rules = builtinRecipe === null ? [] : [builtinSuffixRule(builtinRecipe)];
    }
    if (node.name === '.SUFFIXES' && !node.isTarget && !recipeRan) {
      builtin = true;
    }
    entries.push({ node, builtin, rules });
  };

  // What GNU enters at startup, then the makefiles' files.
  add(database.file('.DEFAULT') ?? new FileNode('.DEFAULT'));
  add(database.file('.SUFFIXES') ?? new FileNode('.SUFFIXES'));
  if (!noRules) {
    const recipes = new Map(builtinSuffixRules);
    for (const name of [...words(defaultSuffixes), ...recipes.keys()]) {
      add(database.file(name) ?? new FileNode(name), recipes.get(name) ?? null);
    }
  }
  for (const name of commandLineFiles) {
    add(database.file(name) ?? new FileNode(name));
  }
  // GNU enters each makefile as it starts reading it (amake does once it
  // has read them all), and a rule's prerequisites before its targets: the
  // order decides which name moves on when two want the same slot.
  for (const name of state.makefiles) {
    add(database.file(name) ?? new FileNode(name));
  }
  for (const node of database.files.values()) {
    for (const rule of node.rules) {
      for (const prerequisite of rule.prerequisites) {
        const name = prerequisite.name;
        add(database.file(name) ?? new FileNode(name));
      }
    }
    add(node);
  }
  return entries;
}

/** The rule GNU keeps on a built-in suffix rule's file: a recipe alone. */
function builtinSuffixRule(recipeText: string): ExplicitRule {
  const lines = recipeText
    .split('\n')
    .map((text) => ({ text, location: builtinLocation }));
  return {
    prerequisites: [],
    recipe: { lines, location: builtinLocation },
    doubleColon: false,
    stem: null,
    group: null,
  };
}

function printFile(
  out: Output,
  entry: FileEntry,
  source: DatabaseSource,
  commandLineGoal: boolean,
): void {
  const { node } = entry;
  const report = source.report(node);
  const rules = entry.rules.length > 0 ? entry.rules : [null];
  const nameOf = (name: string): string => {
    const file = source.state.database.file(name);
    return (file && source.report(file)?.foundAs) || name;
  };
  const shownName = report?.foundAs || node.name;

  // A double-colon target prints once per rule, each with its own recipe.
  rules.forEach((rule) => {
    out.text('\n');
    if (node.variables) printTargetVariables(out, node, shownName, report);
    if (!node.isTarget && !report?.implicitRule) out.line('# Not a target:');
    const prerequisites = [
      ...(report && !node.isDoubleColon ? report.implicitPrerequisites : []),
      ...(rule ? pendingOrExpanded(rule) : []),
    ];
    out.line(
      `${shownName}:${node.isDoubleColon ? ':' : ''}` +
        formatPrerequisites(prerequisites, nameOf),
    );
    const flags = { commandLineGoal, builtin: entry.builtin };
    printFileFlags(out, node, report, flags, rule?.stem ?? null);
    if (node.variables || report?.hasVariableSet) {
      printFileVariables(out, node, report);
    }
    const recipe = rule?.recipe ?? (rule?.doubleColon ? null : report?.recipe);
    if (recipe) {
      const builtinRecipe = entry.builtin || !recipe.location;
      printRecipe(out, recipe, builtinRecipe, source.state.recipePrefix);
    }
  });
}

function printFileFlags(
  out: Output,
  node: FileNode,
  report: FileBuildReport | null,
  flags: { commandLineGoal: boolean; builtin: boolean },
  staticStem: string | null,
): void {
  if (node.precious) out.line('#  Precious file (prerequisite of .PRECIOUS).');
  if (node.phony) out.line('#  Phony target (prerequisite of .PHONY).');
  if (flags.commandLineGoal) out.line('#  Command line target.');
  if (flags.builtin) out.line('#  Builtin rule');
  out.line(
    report?.implicitSearched
      ? '#  Implicit rule search has been done.'
      : '#  Implicit rule search has not been done.',
  );
  const stem = staticStem ?? report?.stem ?? null;
  if (stem !== null) out.line(`#  Implicit/static pattern stem: '${stem}'`);
  // GNU 4.3 marks `.SECONDARY` files intermediate, and says only that.
  if (node.intermediate || node.secondary) {
    out.line('#  File is an intermediate prerequisite.');
  }
  const group = node.rules.find((rule) => rule.group)?.group;
  const alsoMake = group ? [...group].reverse() : (report?.alsoMake ?? []);
  if (alsoMake.length > 0) out.line(`#  Also makes: ${alsoMake.join(' ')}`);

  // The time, and what updating it came to. GNU takes phony targets not
  // to exist from the start.
  let time = report?.time ?? { kind: 'unchecked' };
  if (node.phony && time.kind === 'unchecked') time = { kind: 'missing' };
  out.line(formatReportedTime(time));
  const status = report?.status ?? null;
  out.line(
    status === null
      ? '#  File has not been updated.'
      : '#  File has been updated.',
  );
  if (status === 'succeeded') out.line('#  Successfully updated.');
  if (status === 'question') out.line('#  Needs to be updated (-q is set).');
  if (status === 'failed') out.line('#  Failed to be updated.');
}

function formatReportedTime(time: ReportedTime): string {
  switch (time.kind) {
    case 'unchecked':
      return '#  Modification time never checked.';
    case 'missing':
      return '#  File does not exist.';
    case 'old':
      return '#  File is very old.';
    case 'new':
      return `#  Last modified ${formatTimestamp(newestSeconds, newestFraction)}`;
    case 'time': {
      const seconds = time.nanoseconds / 1_000_000_000n;
      const fraction = time.nanoseconds % 1_000_000_000n;
      return `#  Last modified ${formatTimestamp(seconds, fraction)}`;
    }
  }
}

/**
 * GNU's "newer than anything" time, as it prints it: the largest 64-bit
 * timestamp, whose nanosecond field (30 bits) overflows nine digits.
 */
const newestSeconds = (2n ** 64n - 4n) >> 30n;
const newestFraction = (2n ** 64n - 4n) & (2n ** 30n - 1n);

/** `2001-01-01 00:00:00.5`: local time, the fraction without zeros. */
function formatTimestamp(seconds: bigint, fraction: bigint): string {
  const date = new Date(Number(seconds) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  let text =
    `${String(date.getFullYear()).padStart(4, '0')}-` +
    `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:` +
    pad(date.getSeconds());
  const digits = String(fraction).padStart(9, '0').replace(/0+$/, '');
  if (digits !== '') text += `.${digits}`;
  return text;
}

/**
 * A file's variable set, as GNU holds it: the target-specific variables,
 * then the automatic ones its recipe defined, in one table.
 */
function fileVariableTable(
  node: FileNode,
  report: FileBuildReport | null,
): GnuHashTable<Variable> {
  const table = new GnuHashTable<Variable>(jhash, fileVariableBuckets);
  for (const variable of node.variables?.variables.values() ?? []) {
    table.insert(variable.name, variable);
  }
  const automatic = report?.automatic;
  if (automatic) {
    for (const name of automaticNames) {
      const variable = automatic.get(name);
      if (variable) table.insert(name, variable);
    }
  }
  return table;
}

/** `# makefile (from ...)` and `target: NAME = value`, before the target. */
function printTargetVariables(
  out: Output,
  node: FileNode,
  shownName: string,
  report: FileBuildReport | null,
): void {
  for (const variable of fileVariableTable(node, report).values()) {
    if (variable.origin === 'automatic') continue;
    printVariable(out, variable, `${shownName}: `, 'as defined');
  }
}

/** The automatic variables, commented out, and the table's figures. */
function printFileVariables(
  out: Output,
  node: FileNode,
  report: FileBuildReport | null,
): void {
  const table = fileVariableTable(node, report);
  for (const variable of table.values()) {
    if (variable.origin !== 'automatic') continue;
    printVariable(out, variable, '# ', 'as defined');
  }
  printSetStats(out, table.stats());
}

function printSearchPaths(out: Output, state: MakeState): void {
  out.line('\n# VPATH Search Paths\n');
  const vpaths = state.database.vpaths;
  for (const entry of vpaths) {
    out.line(`vpath ${entry.pattern} ${entry.directories.join(':')}`);
  }
  if (vpaths.length === 0) {
    out.line("# No 'vpath' search paths.");
  } else {
    out.text(`\n# ${vpaths.length} 'vpath' search paths.\n`);
  }
  const general = generalSearchPath(state);
  if (general.length === 0) {
    out.line("\n# No general ('VPATH' variable) search path.");
  } else {
    out.text("\n# General ('VPATH' variable) search path:\n# ");
    out.line(general.join(':'));
  }
}

/** The directories of `VPATH`, split at blanks and colons. */
function generalSearchPath(state: MakeState): string[] {
  if (!state.globals.get('VPATH')) return [];
  return state
    .value('VPATH')
    .split(/[ \t:]+/)
    .filter((directory) => directory !== '')
    .map((directory) =>
      directory.length > 1 ? directory.replace(/\/+$/, '') : directory,
    );
}

/**
 * GNU's string cache statistics. amake has no such cache; the figures
 * count the distinct file and prerequisite names, which is most of what
 * GNU's cache holds.
 */
function printStringCache(out: Output, state: MakeState): void {
  const strings = new Set<string>();
  for (const node of state.database.files.values()) {
    strings.add(node.name);
    for (const rule of node.rules) {
      for (const prerequisite of rule.prerequisites) {
        strings.add(prerequisite.name);
      }
    }
  }
  const table = new GnuHashTable<string>(jhashString, stringCacheBuckets);
  let storage = 0;
  for (const text of strings) {
    table.insert(text, text);
    storage += Buffer.byteLength(text, 'latin1') + 1;
  }
  const count = Math.max(strings.size, 1);
  const used = Math.min(storage, stringCacheBufferSize);
  const average = Math.floor(storage / count);
  out.line(
    `\n# strcache buffers: 1 (0) / strings = ${strings.size} / ` +
      `storage = ${storage} B / avg = ${average} B`,
  );
  out.line(
    `# current buf: size = ${stringCacheBufferSize} B / used = ${used} B / ` +
      `count = ${strings.size} / avg = ${average} B`,
  );
  const stats = table.stats();
  out.line(
    `\n# strcache performance: lookups = ${stats.lookups} / hit rate = 0%`,
  );
  out.line('# hash-table stats:');
  out.text(`# ${formatStats(stats)}`);
}

/** C's `ctime`, without its newline: `Thu Dec  3 17:44:09 2026`. */
export function formatClock(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${days[date.getDay()]} ${months[date.getMonth()]} ` +
    `${String(date.getDate()).padStart(2, ' ')} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:` +
    `${pad(date.getSeconds())} ${date.getFullYear()}`
  );
}

/**
 * C's `%.Nf`: rounds to nearest, and an exact tie to the even digit, where
 * JavaScript's toFixed rounds a tie up.
 */
export function formatFixed(value: number, digits: number): string {
  const scale = 10 ** digits;
  const scaled = value * scale;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5) {
    const even = floor % 2 === 0 ? floor : floor + 1;
    return (even / scale).toFixed(digits);
  }
  return value.toFixed(digits);
}
