import {
  FileNode,
  PatternRule,
  Prerequisite,
  Recipe,
} from '../evaluate/database';
import { installImplicitRules } from '../evaluate/builtins';
import { expandFileName, hasGlobCharacters } from '../evaluate/glob';
import { MakeState } from '../evaluate/state';
import { parsePattern } from '../evaluate/text';
import { VariableScope, VariableSet, newVariable } from '../evaluate/variables';
import { patternScopes } from './scopes';
import { findInVpath } from './vpath';

// GNU make's implicit rule search (pattern_search in implicit.c): which
// pattern rule makes a file that has no recipe of its own, and through
// which intermediate files.

/** A pattern rule chosen to make a file, with its stem substituted. */
export interface ImplicitMatch {
  readonly rule: PatternRule;
  readonly recipe: Recipe | null;
  /**
   * The prerequisites the rule gives the file, in the rule's order. They
   * come before the file's explicit prerequisites, as in GNU make.
   */
  readonly prerequisites: Prerequisite[];
  /** `$*`: the part `%` matched, with the file's directory in front. */
  readonly stem: string;
  /** The other targets of a rule with several: one run makes them all. */
  readonly alsoMake: string[];
  /**
   * Prerequisites that do not exist and that nothing names, made by
   * chaining another pattern rule. The Builder updates each with its own
   * match, and deletes them once the goals are done.
   */
  readonly intermediates: IntermediateFile[];
  /** The rule's target pattern is a prerequisite of `.PRECIOUS`. */
  readonly precious: boolean;
  /**
   * Prerequisites a terminal (`::`) rule found: GNU does no implicit rule
   * search for them.
   */
  readonly terminalPrerequisites: string[];
}

/** A file an implicit rule chain makes on the way to its target. */
export interface IntermediateFile {
  readonly name: string;
  readonly match: ImplicitMatch;
}

/** What the search asks of the world outside the makefiles. */
export interface ImplicitSearchHooks {
  /** The file exists as named (GNU's file_exists_p). */
  exists(name: string): boolean;
  /** The file exists in a `vpath` or VPATH directory. */
  inVpath?(name: string): boolean;
  /** The variables the second expansion of a file's prerequisites sees. */
  scopeFor?(name: string): VariableScope | undefined;
}

/**
 * Finds the pattern rule that can make `node`, as GNU's try_implicit_rule
 * does: rules whose target pattern matches are tried shortest stem first,
 * in order of definition for equal stems, first with prerequisites that
 * exist or ought to exist, then allowing prerequisites made by other rules.
 * An archive member `lib(member)` is then tried as `(member)`. `name` is
 * the file's name if vpath has found it a new one in a GPATH directory.
 */
export function findImplicitRule(
  state: MakeState,
  node: FileNode,
  hooks: ImplicitSearchHooks,
  name: string = node.name,
): ImplicitMatch | null {
  installImplicitRules(state);
  const search = new Search(state, hooks);
  // Most files have one rule or none: its list serves as it is.
  const explicit =
    node.rules.length === 1
      ? node.rules[0]!.prerequisites
      : node.rules.flatMap((rule) => rule.prerequisites);
  const found = search.run(name, explicit, false, 0);
  if (found || !isArchiveMember(name)) return found;
  return search.run(name, explicit, true, 0);
}

/**
 * A pattern rule that matched a name, waiting to be tried. The objects are
 * reused from one name to the next (see CandidateLists): a search makes
 * one for every rule that matches every name it thinks of.
 */
interface Candidate {
  /** Null once a prerequisite was found impossible: not tried again. */
  rule: PatternRule | null;
  target: TargetEntry;
  /** The length of the stem, directory included, for the ordering. */
  stemLength: number;
  order: number;
  /** The target pattern has no slash: the directory stays out of the stem. */
  directoryKept: boolean;
  /**
   * What the first pass, without intermediate files, learned for the
   * second: the rule's prerequisite names (unless second expansion made
   * them: GNU expands them again) and how many of them, in order, exist
   * or ought to. Nothing the search looks at changes between the passes
   * but the names found impossible.
   */
  names: Prerequisite[] | null;
  namesFound: number;
}

/**
 * The candidates of the names being searched, one list for each depth of
 * the chain of intermediate files: a name's list is in use while the
 * intermediate files it needs are searched. A list and its objects are
 * reused for the next name at the same depth.
 */
class CandidateLists {
  private readonly lists: Candidate[][] = [];
  private readonly spare: Candidate[][] = [];

  /** The empty list for a name at this depth; the last one's is gone. */
  start(depth: number): Candidate[] {
    while (this.lists.length <= depth) {
      this.lists.push([]);
      this.spare.push([]);
    }
    const list = this.lists[depth]!;
    const spare = this.spare[depth]!;
    for (const candidate of list) spare.push(candidate);
    list.length = 0;
    return list;
  }

  /** A candidate to add to the list of this depth, as good as new. */
  make(
    depth: number,
    target: TargetEntry,
    stemLength: number,
    order: number,
    directoryKept: boolean,
  ): Candidate {
    const candidate = this.spare[depth]!.pop();
    if (candidate === undefined) {
      return {
        rule: target.rule,
        target,
        stemLength,
        order,
        directoryKept,
        names: null,
        namesFound: 0,
      };
    }
    candidate.rule = target.rule;
    candidate.target = target;
    candidate.stemLength = stemLength;
    candidate.order = order;
    candidate.directoryKept = directoryKept;
    candidate.names = null;
    candidate.namesFound = 0;
    return candidate;
  }
}

/** A prerequisite found for the rule being tried. */
interface FoundPrerequisite {
  readonly name: string;
  readonly orderOnly: boolean;
  /** From `.EXTRA_PREREQS`. */
  readonly extra?: boolean;
  readonly intermediate: ImplicitMatch | null;
}

/** What the searches of a run keep from one to the next. */
interface SearchMemory {
  /** Names GNU has found impossible to make, for the rest of the run. */
  readonly impossible: Set<string>;
  readonly candidates: CandidateLists;
}

const searchMemories = new WeakMap<MakeState, SearchMemory>();

class Search {
  /** Rules in use further up the chain: no rule is used twice in one. */
  private readonly inUse: PatternRule[] = [];
  private readonly impossible: Set<string>;
  private readonly candidateLists: CandidateLists;
  /** matchingRules' rules that give way, with their place in the order. */
  private readonly givingWay: { target: TargetEntry; order: number }[] = [];
  /** The makefiles set no vpath at all. */
  private readonly withoutVpath: boolean;

  constructor(
    private readonly state: MakeState,
    private readonly hooks: ImplicitSearchHooks,
  ) {
    let memory = searchMemories.get(state);
    if (!memory) {
      memory = { impossible: new Set(), candidates: new CandidateLists() };
      searchMemories.set(state, memory);
    }
    this.impossible = memory.impossible;
    this.candidateLists = memory.candidates;
    // Looked at once a search, as GNU reads its vpath lists once a run.
    this.withoutVpath =
      state.database.vpaths.length === 0 &&
      state.globalScope.lookup('VPATH') === undefined;
  }

  /**
   * GNU's pattern_search for `fileName`. `explicit` holds the file's own
   * prerequisites; `recursions` counts the intermediate files above.
   */
  run(
    fileName: string,
    explicit: readonly Prerequisite[],
    archive: boolean,
    recursions: number,
  ): ImplicitMatch | null {
    const name = archive ? fileName.slice(fileName.indexOf('(')) : fileName;

    // The directory part, kept out of the stem of slash-less patterns.
    let lastSlash = -1;
    if (!archive && !isArchiveMember(name)) {
      lastSlash = name.lastIndexOf('/');
      if (lastSlash === name.length - 1) lastSlash = -1;
    }
    const directory = name.slice(0, lastSlash + 1);

    // Which rules match the name at all.
    const candidates = this.matchingRules(name, directory, recursions);
    if (candidates.length === 0) return null;
    sortCandidates(candidates);

    // Try each rule with existing prerequisites, then with intermediates.
    for (let pass = 0; pass < 2; pass++) {
      const intermediateOk = pass === 1;
      for (const candidate of candidates) {
        const rule = candidate.rule;
        if (rule === null) continue;
        if (intermediateOk && rule.terminal) continue;
        const found = this.tryRule(
          fileName,
          name,
          directory,
          explicit,
          candidate,
          intermediateOk,
          recursions,
        );
        if (found) {
          const fullStem = fullStemOf(candidate, name, directory);
          return this.matchOf(candidate, found, fullStem);
        }
      }
    }
    return null;
  }

  /** The rules with a target pattern that matches `name`, in order. */
  private matchingRules(
    name: string,
    directory: string,
    recursions: number,
  ): Candidate[] {
    const candidates = this.candidateLists.start(recursions);
    // A rule whose target is only `%` gives way to any rule that matched
    // with a real pattern, unless it is terminal: those wait here, with
    // their place among the others, and count only if nothing else did.
    const givingWay = this.givingWay;
    givingWay.length = 0;
    let specificRuleMatched = false;
    const index = targetIndexOf(this.state.database.patternRules);
    const last = name.length > 0 ? name[name.length - 1]! : '';
    // A match-anything rule cannot make an intermediate file: the lists
    // for those leave out the ones that are not terminal.
    const groups = recursions > 0 ? index.forIntermediates : index.forFiles;
    const targets = groups.byLastCharacter.get(last) ?? groups.emptySuffix;
    const checkInUse = this.inUse.length > 0;
    for (const target of targets) {
      const rule = target.rule;
      if (checkInUse && this.inUse.includes(rule)) continue;
      const { prefix, suffix } = target;
      if (!name.endsWith(suffix)) continue;

      // GNU's arithmetic: the stem is never empty, except where the
      // directory has been taken off.
      const patternLength = prefix.length + 1 + suffix.length;
      if (patternLength > name.length) continue;
      const stemLength = name.length - patternLength + 1;
      const directoryKept = directory !== '' && !target.hasSlash;
      if (directoryKept && directory.length > stemLength) continue;
      const prefixAt = directoryKept ? directory.length : 0;
      if (!name.startsWith(prefix, prefixAt)) continue;

      if (!target.matchAnything) specificRuleMatched = true;
      // A rule with neither prerequisites nor recipe (`%.c:`, made for
      // each known suffix) only keeps match-anything rules away.
      if (target.blocksOnly) continue;
      // It would give way: spare most match-anything rules a candidate.
      if (target.givesWay && specificRuleMatched) continue;
      const order = candidates.length + givingWay.length;
      if (target.givesWay) {
        givingWay.push({ target, order });
        continue;
      }
      candidates.push(
        this.candidateLists.make(
          recursions,
          target,
          stemLength,
          order,
          directoryKept,
        ),
      );
    }
    if (specificRuleMatched) return candidates;
    for (const { target, order } of givingWay) {
      const patternLength = target.prefix.length + 1 + target.suffix.length;
      candidates.push(
        this.candidateLists.make(
          recursions,
          target,
          name.length - patternLength + 1,
          order,
          directory !== '' && !target.hasSlash,
        ),
      );
    }
    return candidates;
  }

  /**
   * Sees whether every prerequisite of the rule exists, ought to exist or,
   * when `intermediateOk`, can be made by another rule. Returns them, or
   * null when the rule does not apply.
   */
  private tryRule(
    fileName: string,
    name: string,
    directory: string,
    explicit: readonly Prerequisite[],
    candidate: Candidate,
    intermediateOk: boolean,
    recursions: number,
  ): FoundPrerequisite[] | null {
    const rule = candidate.rule!;
    const extras = this.state.database.extraPrerequisites;
    if (!hasPrerequisites(rule) && extras.length === 0) return [];
    this.inUse.push(rule);
    try {
      // The second pass starts where the first one stopped.
      let names = candidate.names;
      const known = names === null ? -1 : candidate.namesFound;
      if (names === null) {
        const stem = stemOf(candidate, name, directory);
        // The directory goes in front of names made from a stem without it.
        const kept = candidate.directoryKept ? directory : '';
        names = rule.secondExpansion
          ? this.expandedNames(
              rule.secondExpansion,
              fileName,
              explicit,
              candidate.directoryKept ? directory + stem : stem,
              kept,
            )
          : namesFromTemplates(
              candidate.target.templates ?? rule.prerequisites.map(templateOf),
              stem,
              kept,
            );
        // Every pattern rule has the global `.EXTRA_PREREQS` last.
        for (const extra of extras) {
          names.push({
            ...extra,
            name: substituteStem(extra.name, stem, kept),
          });
        }
      }
      // The matches of the names made through intermediate files, by
      // index: made only when one is, since most tries fail at once.
      let chained: (ImplicitMatch | null)[] | null = null;
      for (let i = 0; i < names.length; i++) {
        // Found by the first pass: an existing name is never impossible.
        if (i < known) continue;
        const prerequisite = names[i]!.name;
        // A name already found impossible fails the rule for good.
        if (this.impossible.has(prerequisite)) {
          candidate.rule = null;
          return null;
        }
        // The name the first pass stopped at is known not to be there.
        if (
          i !== known &&
          (isNamedIn(explicit, prerequisite) ||
            this.oughtToExist(prerequisite) ||
            this.hooks.exists(prerequisite) ||
            this.isInVpath(prerequisite))
        ) {
          continue;
        }
        if (!intermediateOk) {
          // GNU expands the names of a second expansion again.
          if (!rule.secondExpansion) {
            candidate.names = names;
            candidate.namesFound = i;
          }
          return null;
        }
        const match = this.run(prerequisite, [], false, recursions + 1);
        if (match) {
          chained ??= new Array<ImplicitMatch | null>(names.length).fill(null);
          chained[i] = match;
          continue;
        }
        this.impossible.add(prerequisite);
        return null;
      }
      return names.map(({ name, orderOnly, extra }, i) => ({
        name,
        orderOnly,
        extra,
        intermediate: chained?.[i] ?? null,
      }));
    } finally {
      this.inUse.pop();
    }
  }

  /**
   * The prerequisites of a rule with `.SECONDEXPANSION` for this stem:
   * each word is expanded with `$@`, `$*` and the file's explicit
   * prerequisites in `$<`, `$^`, `$+` and `$|`.
   */
  private expandedNames(
    parts: NonNullable<PatternRule['secondExpansion']>,
    fileName: string,
    explicit: readonly Prerequisite[],
    fullStem: string,
    directory: string,
  ): Prerequisite[] {
    const scope = this.secondExpansionScope(fileName, explicit, fullStem);
    const names: Prerequisite[] = [];
    for (const part of parts) {
      let orderOnly = part.orderOnly;
      for (const word of prerequisiteWords(part.text)) {
        if (word === '|' && !orderOnly) {
          orderOnly = true;
          continue;
        }
        // The `%` becomes `$*` (`$(*F)` when the directory was taken off),
        // so that a stem with a `$` in it is not expanded again; words that
        // had one get the directory in front of each name they expand to.
        const percent = word.indexOf('%');
        const stemReference = directory === '' ? '$*' : '$(*F)';
        const text =
          percent < 0
            ? word
            : word.slice(0, percent) + stemReference + word.slice(percent + 1);
        const expanded = this.state.expander.expand(text, scope);
        const add = (piece: string) => {
          const name = percent >= 0 ? directory + piece : piece;
          for (const each of globbed(name))
            names.push({ name: each, orderOnly });
        };
        for (const piece of expanded.split(/[ \t\n]+/)) {
          // Until the order-only ones start, a `|` ends a name (`p1|p2`).
          const bar = orderOnly ? -1 : piece.indexOf('|');
          if (bar < 0) {
            if (piece !== '') add(piece);
            continue;
          }
          if (bar > 0) add(piece.slice(0, bar));
          orderOnly = true;
          if (bar + 1 < piece.length) add(piece.slice(bar + 1));
        }
      }
    }
    return names;
  }

  private secondExpansionScope(
    fileName: string,
    explicit: readonly Prerequisite[],
    fullStem: string,
  ): VariableScope {
    const automatic = new VariableSet();
    const define = (name: string, value: string) => {
      automatic.set(newVariable(name, value, 'simple', 'automatic'));
    };
    const member = archiveParts(fileName);
    // `.EXTRA_PREREQS` are in none of them, and a name that is also a
    // normal prerequisite is not order-only.
    const counted = explicit.filter((p) => !p.extra);
    const normal = counted.filter((p) => !p.orderOnly).map((p) => p.name);
    const orderOnly = counted
      .filter((p) => p.orderOnly && !normal.includes(p.name))
      .map((p) => p.name);
    define('@', member ? member.archive : fileName);
    define('%', member ? member.member : '');
    define('*', fullStem);
    // What `%` becomes when the directory is kept out of the stem.
    define('*F', fullStem.slice(fullStem.lastIndexOf('/') + 1));
    define('<', normal[0] ?? '');
    define('^', [...new Set(normal)].join(' '));
    define('+', normal.join(' '));
    define('|', [...new Set(orderOnly)].join(' '));
    define('?', '');
    const scope =
      this.hooks.scopeFor?.(fileName) ?? this.defaultScope(fileName);
    return new VariableScope(automatic, scope);
  }

  /** Global variables, then pattern-specific ones, then the file's own. */
  private defaultScope(fileName: string): VariableScope {
    let scope = this.state.globalScope;
    for (const set of patternScopes(this.state, fileName)) {
      scope = new VariableScope(set, scope);
    }
    const variables = this.state.database.file(fileName)?.variables;
    if (variables) scope = new VariableScope(variables, scope);
    return scope;
  }

  /**
   * GNU's "ought to exist": a file the makefiles name, as a target or a
   * prerequisite, or that the build has entered since.
   */
  private oughtToExist(name: string): boolean {
    // finishDatabase entered every prerequisite as a file, as GNU does.
    return this.state.database.file(name) !== undefined;
  }

  private isInVpath(name: string): boolean {
    if (this.hooks.inVpath) return this.hooks.inVpath(name);
    if (this.withoutVpath) return false;
    return findInVpath(this.state, name) !== null;
  }

  /** The match for the rule that applied. */
  private matchOf(
    candidate: Candidate,
    found: FoundPrerequisite[],
    fullStem: string,
  ): ImplicitMatch {
    const rule = candidate.rule!;
    const targetIndex = candidate.target.targetIndex;
    const targetText = rule.targets[targetIndex]!;
    const alsoMake = rule.targets
      .filter((_, index) => index !== targetIndex)
      .map((other) => {
        const pattern = parsePattern(other)!;
        return pattern.prefix + fullStem + pattern.suffix;
      });
    return {
      rule,
      recipe: rule.recipe,
      prerequisites: found.map((p) => ({
        name: p.name,
        orderOnly: p.orderOnly,
        ...(p.extra ? { extra: true } : {}),
      })),
      stem: fullStem,
      alsoMake,
      intermediates: found
        .filter((p) => p.intermediate !== null)
        .map((p) => ({ name: p.name, match: p.intermediate! })),
      precious: this.state.database.file(targetText)?.precious ?? false,
      terminalPrerequisites: rule.terminal
        ? found.filter((p) => p.intermediate === null).map((p) => p.name)
        : [],
    };
  }
}

/** The part of the name the candidate's `%` matches. */
function stemOf(candidate: Candidate, name: string, directory: string) {
  const { prefix, suffix } = candidate.target;
  const start =
    prefix.length + (candidate.directoryKept ? directory.length : 0);
  return name.slice(start, name.length - suffix.length);
}

/** `$*`: the stem with the directory kept out of it put back. */
function fullStemOf(candidate: Candidate, name: string, directory: string) {
  const stem = stemOf(candidate, name, directory);
  return candidate.directoryKept ? directory + stem : stem;
}

/**
 * Puts the candidates in the order they are tried: shortest stem first,
 * then as they were found. An insertion sort: the lists are short, and
 * this runs for every file searched.
 */
function sortCandidates(candidates: Candidate[]): void {
  for (let i = 1; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const before = candidates[j]!;
      if (before.stemLength < candidate.stemLength) break;
      if (before.stemLength === candidate.stemLength) {
        if (before.order < candidate.order) break;
      }
      candidates[j + 1] = before;
    }
    candidates[j + 1] = candidate;
  }
}

function hasPrerequisites(rule: PatternRule): boolean {
  if (rule.secondExpansion) {
    return rule.secondExpansion.some((part) => part.text.trim() !== '');
  }
  return rule.prerequisites.length > 0;
}

/** Whether one of the prerequisites has the name. */
function isNamedIn(prerequisites: readonly Prerequisite[], name: string) {
  for (const prerequisite of prerequisites) {
    if (prerequisite.name === name) return true;
  }
  return false;
}

/**
 * The names of a rule's prerequisites for a stem: the first `%` of each
 * becomes the stem, with the directory in front when the target pattern
 * left it out.
 */
function namesFromTemplates(
  templates: readonly PrerequisiteTemplate[],
  stem: string,
  directory: string,
): Prerequisite[] {
  // With the stem in place, a wildcard may now match files. The parts are
  // looked at, not the names made of them: those are new strings.
  const partsHaveWildcards =
    hasGlobCharacters(stem) || hasGlobCharacters(directory);
  // A name a prerequisite, unless wildcards make more. This runs for every
  // rule tried on every name: the list is made to size.
  const names = new Array<Prerequisite>(templates.length);
  for (let i = 0; i < templates.length; i++) {
    const { orderOnly, before, after, percent, wildcards } = templates[i]!;
    const name = percent ? directory + before + stem + after : before;
    // A `~` in front is expanded too.
    const first = percent ? directory || before || stem || after : '';
    if (wildcards || partsHaveWildcards || first.charCodeAt(0) === 0x7e) {
      return globbedNames(templates, stem, directory);
    }
    names[i] = { name, orderOnly };
  }
  return names;
}

/** namesFromTemplates when wildcards may be in them: those are globbed. */
function globbedNames(
  templates: readonly PrerequisiteTemplate[],
  stem: string,
  directory: string,
): Prerequisite[] {
  const names: Prerequisite[] = [];
  for (const { orderOnly, before, after, percent } of templates) {
    const name = percent ? directory + before + stem + after : before;
    for (const each of globbed(name)) names.push({ name: each, orderOnly });
  }
  return names;
}

/**
 * A prerequisite pattern with its first `%` replaced by the stem, and the
 * directory put in front when there was a `%`.
 */
function substituteStem(text: string, stem: string, directory: string) {
  const percent = text.indexOf('%');
  if (percent < 0) return text;
  return directory + text.slice(0, percent) + stem + text.slice(percent + 1);
}

/**
 * Splits prerequisite text into words as GNU's get_next_word does for
 * second expansion: a `$(...)` or `${...}` reference is one word however
 * many blanks it holds, and `|` is a word of its own.
 */
export function prerequisiteWords(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /[ \t\n]/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    if (text[i] === '|') {
      found.push('|');
      i++;
      continue;
    }
    while (i < text.length && !/[ \t\n|]/.test(text[i]!)) {
      if (text[i] === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
        i = referenceEnd(text, i + 1);
        continue;
      }
      i += text[i] === '$' ? 2 : 1;
    }
    found.push(text.slice(start, Math.min(i, text.length)));
  }
  return found;
}

/** The index just past the parenthesis that closes the one at `open`. */
function referenceEnd(text: string, open: number): number {
  const opening = text[open]!;
  const closing = opening === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === opening) depth++;
    else if (text[i] === closing && --depth < 0) return i + 1;
  }
  return text.length;
}

/** Every name that a rule of the makefiles has as target or prerequisite. */
/** GNU's ar_name: `lib(member)`, but not `(member)` or `lib((entry))`. */
export function isArchiveMember(name: string): boolean {
  const open = name.indexOf('(');
  if (open <= 0) return false;
  const end = name.length - 1;
  if (name[end] !== ')' || end === open + 1) return false;
  return !(name[open + 1] === '(' && name[end - 1] === ')');
}

function archiveParts(
  name: string,
): { archive: string; member: string } | null {
  if (!isArchiveMember(name)) return null;
  const open = name.indexOf('(');
  return { archive: name.slice(0, open), member: name.slice(open + 1, -1) };
}

/** One target pattern of a pattern rule that can be used. */
interface TargetEntry {
  readonly rule: PatternRule;
  readonly targetIndex: number;
  readonly prefix: string;
  readonly suffix: string;
  /** The target is `%` alone. */
  readonly matchAnything: boolean;
  /** The name's directory is matched by the pattern, not kept aside. */
  readonly hasSlash: boolean;
  /** The rule has neither prerequisites nor a recipe. */
  readonly blocksOnly: boolean;
  /** The rule has a target of `%` alone, and is not terminal. */
  readonly givesWay: boolean;
  /** The rule's prerequisites, or null when second expansion makes them. */
  readonly templates: readonly PrerequisiteTemplate[] | null;
}

/**
 * A prerequisite of a pattern rule cut at its first `%` once, for the
 * names the search makes of it: `directory + before + stem + after`.
 */
interface PrerequisiteTemplate {
  readonly orderOnly: boolean;
  /** The text before the `%`; all of it when there is none. */
  readonly before: string;
  readonly after: string;
  readonly percent: boolean;
  /** The text alone has wildcard characters, or starts with a `~`. */
  readonly wildcards: boolean;
}

function templateOf({ name, orderOnly }: Prerequisite): PrerequisiteTemplate {
  const percent = name.indexOf('%');
  const wildcards = hasGlobCharacters(name);
  if (percent < 0) {
    return { orderOnly, before: name, after: '', percent: false, wildcards };
  }
  return {
    orderOnly,
    before: name.slice(0, percent),
    after: name.slice(percent + 1),
    percent: true,
    wildcards,
  };
}

/**
 * The target patterns of the usable pattern rules, grouped by the last
 * character of their suffix, each group in the rules' order with the
 * patterns of empty suffix merged in. Every file without a recipe is
 * searched for, and most rules cannot end its name: a group holds those
 * that may.
 */
interface TargetIndex {
  /** What the index was built from, to see that the rules changed. */
  readonly length: number;
  readonly first: PatternRule | undefined;
  readonly last: PatternRule | undefined;
  /** For the files the Builder asks about. */
  readonly forFiles: TargetGroups;
  /** For intermediate files: no match-anything rule but terminal ones. */
  readonly forIntermediates: TargetGroups;
}

interface TargetGroups {
  readonly byLastCharacter: Map<string, TargetEntry[]>;
  readonly emptySuffix: TargetEntry[];
}

const targetIndexes = new WeakMap<readonly PatternRule[], TargetIndex>();

/**
 * The index of `rules`, built again when they changed. The list is only
 * ever replaced as a whole (installImplicitRules) or added to (`$(eval)`
 * of a pattern rule), so its length and ends tell a change.
 */
function targetIndexOf(rules: readonly PatternRule[]): TargetIndex {
  const known = targetIndexes.get(rules);
  if (
    known &&
    known.length === rules.length &&
    known.first === rules[0] &&
    known.last === rules[rules.length - 1]
  ) {
    return known;
  }
  const entries: TargetEntry[] = [];
  for (const rule of rules) {
    // A rule with prerequisites and no recipe cancels, and is not used.
    const prerequisites = hasPrerequisites(rule);
    if (prerequisites && rule.recipe === null) continue;
    const givesWay = !rule.terminal && rule.targets.some((t) => t === '%');
    const templates = rule.secondExpansion
      ? null
      : rule.prerequisites.map(templateOf);
    rule.targets.forEach((text, targetIndex) => {
      const pattern = parsePattern(text);
      if (!pattern) return;
      entries.push({
        rule,
        targetIndex,
        prefix: pattern.prefix,
        suffix: pattern.suffix,
        matchAnything: pattern.prefix === '' && pattern.suffix === '',
        hasSlash: text.includes('/'),
        blocksOnly: !prerequisites && rule.recipe === null,
        givesWay,
        templates,
      });
    });
  }
  const index: TargetIndex = {
    length: rules.length,
    first: rules[0],
    last: rules[rules.length - 1],
    forFiles: groupByLastCharacter(entries),
    forIntermediates: groupByLastCharacter(
      entries.filter((entry) => !entry.matchAnything || entry.rule.terminal),
    ),
  };
  targetIndexes.set(rules, index);
  return index;
}

function groupByLastCharacter(entries: TargetEntry[]): TargetGroups {
  const byLastCharacter = new Map<string, TargetEntry[]>();
  for (const entry of entries) {
    const last = entry.suffix[entry.suffix.length - 1];
    if (last !== undefined && !byLastCharacter.has(last)) {
      byLastCharacter.set(
        last,
        entries.filter((e) => e.suffix === '' || e.suffix.endsWith(last)),
      );
    }
  }
  const emptySuffix = entries.filter((entry) => entry.suffix === '');
  return { byLastCharacter, emptySuffix };
}

/** A name with wildcards: the files it matches, or itself. */
function globbed(name: string): string[] {
  return hasGlobCharacters(name) ? expandFileName(name) : [name];
}
