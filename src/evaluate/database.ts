import { Location } from '../parse/location';
import { VariableSet } from './variables';

/** One line of a recipe as written, without its recipe prefix. */
export interface RecipeLine {
  readonly text: string;
  readonly location: Location;
  /**
   * `.RECIPEPREFIX` when the line was read, if not a tab: after a
   * backslash-newline it is taken out, even once the prefix has changed.
   */
  readonly prefix?: string;
}

/** The recipe of a rule, expanded only when its job is about to run. */
export interface Recipe {
  readonly lines: readonly RecipeLine[];
  /** Where the rule that owns the recipe starts. */
  readonly location: Location;
}

/** A prerequisite as a rule names it. */
export interface Prerequisite {
  readonly name: string;
  readonly orderOnly: boolean;
  /**
   * GNU make 4.4's `.WAIT` stood before it: in a parallel build it is
   * started only once the prerequisites before it are done.
   */
  readonly waitBefore?: boolean;
  /**
   * Named by `.EXTRA_PREREQS`: made like the others, but left out of `$<`,
   * `$^` and the other automatic variables.
   */
  readonly extra?: boolean;
  /**
   * Under `.SECONDEXPANSION`, `name` is still text with a `$` in it, with
   * the stem of its static pattern rule (if any) for `%`. finishDatabase
   * expands it a second time, as GNU does before building anything, and
   * puts the prerequisites it names in its place.
   */
  readonly secondExpansion?: { readonly stem: string | null };
}

/**
 * One explicit rule for a target. A target has at most one, unless its rules
 * are double-colon rules, each of which is updated on its own.
 */
export interface ExplicitRule {
  prerequisites: Prerequisite[];
  recipe: Recipe | null;
  readonly doubleColon: boolean;
  /** The stem of a static pattern rule, for `$*`. */
  stem: string | null;
  /** The other targets of a grouped (`&:`) rule, including this one. */
  group: string[] | null;
  /**
   * `#pragma runlocal`: its job runs on the build host, after every
   * serially earlier job has ended and before any later one starts.
   */
  runLocal?: boolean;
  /**
   * `#pragma keepdaemons`: the daemons its job starts (fakeroot's faked,
   * for later jobs) live until the build is done, and are ended then.
   */
  keepDaemons?: boolean;
  /** `#pragma nocache`: its results are never taken from a cache. */
  noCache?: boolean;
}

/** A file make knows of: a target, a prerequisite, or both. */
export class FileNode {
  /** The rules naming it as a target; several only for double-colon. */
  readonly rules: ExplicitRule[] = [];
  /** Target-specific variables (`target: VAR = value`). */
  variables: VariableSet | null = null;
  /** The last target-specific `private`, `export` and the like. */
  isTarget = false;
  phony = false;
  precious = false;
  intermediate = false;
  secondary = false;
  notIntermediate = false;
  /** `.LOW_RESOLUTION_TIME`: its time is known to the second only. */
  lowResolutionTime = false;
  /** One of GNU's built-in suffix rules (`.c.o`); `-p` hides it under -r. */
  builtin = false;
  /** Named on the command line or a rule, as opposed to found by search. */
  mentioned = false;
  /** Where it first appeared as a target, for messages. */
  location: Location | null = null;

  constructor(readonly name: string) {}

  get isDoubleColon(): boolean {
    return this.rules.length > 0 && this.rules[0]!.doubleColon;
  }
}

/** A pattern rule: `%.o: %.c`, or one made from a suffix rule. */
export interface PatternRule {
  readonly targets: readonly string[];
  readonly prerequisites: readonly Prerequisite[];
  readonly recipe: Recipe | null;
  /** `%:: ...`: a match-anything rule whose prerequisites must exist. */
  readonly terminal: boolean;
  readonly location: Location | null;
  /** `.SECONDEXPANSION` text of the prerequisites, expanded when matched. */
  readonly secondExpansion: { text: string; orderOnly: boolean }[] | null;
  /** Made from a built-in rule (printed under "# Implicit Rules" too). */
  readonly builtin: boolean;
}

/** A pattern-specific variable: `%.o: CFLAGS += -O2`. */
export interface PatternVariables {
  readonly pattern: string;
  readonly variables: VariableSet;
}

/** `vpath pattern dirs`. */
export interface VpathEntry {
  readonly pattern: string;
  readonly directories: readonly string[];
}

/** All a read makefile says: files, rules, variables per target. */
export class Database {
  readonly files = new Map<string, FileNode>();
  readonly patternRules: PatternRule[] = [];
  readonly patternVariables: PatternVariables[] = [];
  readonly vpaths: VpathEntry[] = [];
  /**
   * The global `.EXTRA_PREREQS`, as finishDatabase found them: every
   * pattern rule has them too, as in GNU's snap_implicit_rules.
   */
  extraPrerequisites: readonly Prerequisite[] = [];
  /** The first target eligible as the default goal, if no .DEFAULT_GOAL. */
  defaultGoal: string | null = null;

  file(name: string): FileNode | undefined {
    return this.files.get(name);
  }

  /** The node for `name`, made when it does not exist yet. */
  enter(name: string): FileNode {
    let node = this.files.get(name);
    if (!node) {
      node = new FileNode(name);
      this.files.set(name, node);
    }
    return node;
  }
}
