import { MakeError } from '../report/errors';
import { parseModifiedAssignment, noModifiers } from '../parse/assignment';
import { collapseContinuations, removeComment } from '../parse/lines';
import { Location } from '../parse/location';
import { ExplicitRule, Prerequisite, Recipe, RecipeLine } from './database';
import type { ReadContext } from './evaluator';
import {
  expandFileNames,
  splitNames,
  withoutLeadingDotSlash,
} from './filenames';
import { MakeState } from './state';
import { matchPattern, parsePattern, words } from './text';
import { VariableScope, VariableSet } from './variables';

/** A rule whose line has been read; its recipe lines may still follow. */
export interface PendingRule {
  readonly targets: string[];
  readonly doubleColon: boolean;
  readonly grouped: boolean;
  /** Prerequisite text after the first expansion. */
  readonly prerequisites: string;
  /** For static pattern rules: the target pattern. */
  readonly targetPattern: string | null;
  /**
   * For static pattern rules: the words of the prerequisites, split once
   * for all the targets (a rule may have thousands).
   */
  readonly patternWords: string[];
  readonly recipe: RecipeLine[];
  /** Targets it names more than once. */
  readonly repeated: string[];
  /** `#pragma runlocal` came before it. */
  readonly runLocal: boolean;
  /** `#pragma keepdaemons` came before it. */
  readonly keepDaemons: boolean;
  /** `#pragma nocache` came before it. */
  readonly noCache: boolean;
  readonly location: Location;
}

/** The default variables `.POSIX` sets, as GNU make 4.3 has them. */
const posixDefaults: [string, string][] = [
  ['ARFLAGS', '-rvU'],
  ['CC', 'c99'],
  ['CFLAGS', '-O1'],
  ['FC', 'fort77'],
  ['FFLAGS', '-O1'],
  ['SCCSGETFLAGS', '-s'],
];

/** Special targets whose effect is immediate, as in GNU make. */
const immediateSpecials = new Set([
  '.POSIX',
  '.SECONDEXPANSION',
  '.ONESHELL',
  '.NOTPARALLEL',
  '.EXPORT_ALL_VARIABLES',
]);

/**
 * Reads rule lines and records rules in the database: explicit, static
 * pattern, pattern and double-colon rules, and target-specific variables.
 */
export class RuleRecorder {
  /** Set by the evaluator to define target-specific variables. */
  defineTargetVariable: (
    set: VariableSet,
    name: string,
    operator: string,
    value: string,
    override: boolean,
    location: Location,
    scope: VariableScope,
  ) => ReturnType<MakeState['define']> = () => {
    throw new Error('target variables are not wired');
  };

  /** False while reading MAKEFILES, which give no default goal. */
  setsDefaultGoal = true;

  constructor(private readonly state: MakeState) {}

  /** The `#pragma` words read since the last statement. */
  private pragmas = new Set<string>();

  /**
   * Reads a `#pragma` line: make takes it as a comment; amake takes its
   * words as pragmas for the rule on the next line (`runlocal`, `multi`)
   * or for the whole makefile (`allserial`), and warns of others.
   */
  readPragma(context: ReadContext, raw: string): void {
    for (const word of words(raw.slice('#pragma'.length))) {
      if (word === 'allserial') {
        this.state.serialMakefiles.add(context.location.file);
      } else if (
        ['runlocal', 'multi', 'keepdaemons', 'nocache'].includes(word)
      ) {
        this.pragmas.add(word);
      } else {
        this.state.diagnostics.warning(
          context.location,
          `warning: unknown pragma '${word}'`,
        );
      }
    }
  }

  /** The pragmas for the statement read now; none remain for the next. */
  takePragmas(): Set<string> {
    const pragmas = this.pragmas;
    if (pragmas.size > 0) this.pragmas = new Set();
    return pragmas;
  }

  /** Reads a line that is neither an assignment nor a directive. */
  readRuleLine(context: ReadContext, raw: string): void {
    const state = this.state;
    const expander = state.expander;
    this.finishRule(context);
    context.noTargets = false;

    // A `;` starts the recipe, unless a comment starts first.
    let head = raw;
    let recipeText: string | null = null;
    const semicolon = findSemicolonOrComment(raw);
    if (semicolon >= 0 && raw[semicolon] === '#') {
      head = raw.slice(0, semicolon);
    } else if (semicolon >= 0) {
      head = raw.slice(0, semicolon);
      recipeText = raw.slice(semicolon + 1);
    }
    // No comment is left in it, but `\#` still becomes `#`.
    head = removeComment(collapseContinuations(head, this.state.posix));

    // Expand word by word up to the first colon: what follows may be a
    // target-specific assignment, which must not be expanded yet.
    const tokens = tokenize(head);
    if (tokens.length === 0) {
      if (recipeText !== null) {
        throw new MakeError('missing rule before recipe', context.location);
      }
      return;
    }
    if (tokens[0]!.text === ':' || tokens[0]!.text === '::') {
      context.noTargets = true;
      context.rule = 'ignored';
      return;
    }
    let expanded = '';
    let colon = -1;
    let consumed = 0;
    for (const token of tokens) {
      expanded +=
        (expanded === '' ? '' : ' ') +
        expander.expand(token.text, context.scope);
      consumed = token.end;
      let semicolonFound = false;
      if (recipeText === null) {
        const found = findUnquoted(expanded, ';');
        if (found >= 0) {
          // The rest of the line is recipe; GNU expands it here too.
          recipeText =
            expanded.slice(found + 1) +
            expander.expand(head.slice(consumed), context.scope);
          expanded = expanded.slice(0, found);
          consumed = head.length;
          semicolonFound = true;
        }
      }
      colon = findUnquoted(expanded, ':');
      if (colon >= 0 || semicolonFound) break;
    }
    if (colon < 0) {
      if (expanded.trim() === '') return;
      const eightSpaces =
        state.recipePrefix === '\t' && raw.startsWith('        ');
      throw new MakeError(
        eightSpaces
          ? 'missing separator (did you mean TAB instead of 8 spaces?)'
          : 'missing separator',
        context.location,
      );
    }

    // Targets: the words before the colon; `&:` groups them.
    let targetText = expanded.slice(0, colon);
    let grouped = false;
    if (targetText.endsWith('&')) {
      grouped = true;
      targetText = targetText.slice(0, -1);
    }
    let after = expanded.slice(colon + 1);
    const doubleColon = after.startsWith(':');
    if (doubleColon) after = after.slice(1);
    // A double-colon target named twice gets two rules, as in GNU make.
    const names = expandFileNames(splitNames(targetText), true);
    const { targets, repeated } = doubleColon
      ? { targets: names, repeated: [] }
      : this.withoutRepeats(names);
    if (targets.length === 0) {
      context.noTargets = true;
      context.rule = 'ignored';
      return;
    }

    // `target: VAR = value` defines a target-specific variable.
    const unexpandedRest = after + head.slice(consumed);
    const modifiers = noModifiers();
    const assignment = parseModifiedAssignment(unexpandedRest, true, modifiers);
    if (assignment && assignment.assignment) {
      let value = assignment.assignment.value;
      if (recipeText !== null)
        value += ';' + collapseContinuations(recipeText, this.state.posix);
      this.recordTargetVariables(
        context,
        targets,
        assignment.assignment.name,
        assignment.assignment.operator,
        value,
        modifiers,
      );
      context.rule = null;
      return;
    }

    let prerequisites =
      after + expander.expand(head.slice(consumed), context.scope);
    if (recipeText === null) {
      const found = findUnquoted(prerequisites, ';');
      if (found >= 0) {
        recipeText = prerequisites.slice(found + 1);
        prerequisites = prerequisites.slice(0, found);
      }
    }

    // `targets: target-pattern: prerequisite-patterns` is a static pattern.
    let targetPattern: string | null = null;
    const secondColon = findUnquoted(prerequisites, ':');
    if (secondColon >= 0) {
      const patterns = words(prerequisites.slice(0, secondColon));
      if (patterns.length === 0) {
        throw new MakeError('missing target pattern', context.location);
      }
      if (patterns.length > 1) {
        throw new MakeError('multiple target patterns', context.location);
      }
      // Its `./` goes, as it goes from the targets it must match.
      targetPattern = withoutLeadingDotSlash(patterns[0]!);
      if (!parsePattern(targetPattern)) {
        throw new MakeError("target pattern contains no '%'", context.location);
      }
      prerequisites = prerequisites.slice(secondColon + 1);
    }

    // `#pragma multi`: one run of the recipe makes every target, as `&:`.
    const pragmas = this.takePragmas();
    if (pragmas.has('multi') && targets.length > 1) grouped = true;
    const rule: PendingRule = {
      repeated,
      runLocal: pragmas.has('runlocal'),
      keepDaemons: pragmas.has('keepdaemons'),
      noCache: pragmas.has('nocache'),
      targets,
      doubleColon,
      grouped,
      prerequisites: prerequisites.trim(),
      targetPattern,
      patternWords: targetPattern === null ? [] : words(prerequisites),
      recipe: [],
      location: context.location,
    };
    if (recipeText !== null) {
      const prefix = this.state.recipePrefix;
      rule.recipe.push({
        text: recipeText,
        location: context.location,
        ...(prefix !== '\t' ? { prefix } : {}),
      });
    }
    context.rule = rule;
    this.noteDefaultGoal(targets);
  }

  /** Records the rule being read, with its recipe, in the database. */
  finishRule(context: ReadContext): void {
    const rule = context.rule;
    context.rule = null;
    if (rule === null || rule === 'ignored') return;
    if (this.state.databaseFinished) {
      // Text a second expansion evaluates has no location in GNU make.
      const where = rule.location.file === '<eval>' ? null : rule.location;
      throw new MakeError('prerequisites cannot be defined in recipes', where);
    }
    const recipe: Recipe | null =
      rule.recipe.length > 0
        ? { lines: rule.recipe, location: rule.recipe[0]!.location }
        : null;
    if (rule.grouped && recipe === null) {
      throw new MakeError(
        'grouped targets must provide a recipe',
        rule.location,
      );
    }
    // Harmless, says GNU make, but it says so when there is a recipe.
    if (recipe !== null && !rule.doubleColon) {
      for (const target of rule.repeated) {
        this.state.diagnostics.warning(
          rule.location,
          `target '${target}' given more than once in the same rule`,
        );
      }
    }
    const patternTargets = rule.targets.filter((target) =>
      parsePattern(target),
    );
    if (rule.targetPattern === null && patternTargets.length > 0) {
      if (patternTargets.length !== rule.targets.length) {
        // GNU 4.3 still accepts this, with an error message, and reads
        // the pattern targets as a pattern rule, the others as explicit.
        this.state.diagnostics.error(
          rule.location,
          'mixed implicit and normal rules: deprecated syntax',
        );
        const normal = rule.targets.filter((t) => !parsePattern(t));
        for (const target of normal) this.recordExplicit(rule, target, recipe);
      }
      this.recordPatternRule({ ...rule, targets: patternTargets }, recipe);
      return;
    }
    if (rule.targetPattern !== null && patternTargets.length > 0) {
      throw new MakeError(
        'mixed implicit and static pattern rules',
        rule.location,
      );
    }
    const regrouped = rule.grouped
      ? rule.targets.filter(
          (target) =>
            !rule.doubleColon &&
            this.state.database.file(target)?.rules[0]?.group,
        )
      : [];
    for (const target of rule.targets) {
      this.recordExplicit(rule, target, recipe);
    }
    // GNU warns once the rule is recorded, last target first.
    for (const target of regrouped.reverse()) {
      this.state.diagnostics.warning(
        recipe!.location,
        `warning: overriding group membership for target '${target}'`,
      );
    }
  }

  private recordPatternRule(rule: PendingRule, recipe: Recipe | null): void {
    const secondExpansion = this.state.secondExpansion;
    const parsed = splitPrerequisites(rule.prerequisites);
    this.state.database.patternRules.push({
      targets: rule.targets,
      prerequisites: secondExpansion ? [] : parsed,
      recipe,
      terminal: rule.doubleColon,
      location: rule.location,
      secondExpansion: secondExpansion
        ? [{ text: rule.prerequisites, orderOnly: false }]
        : null,
      builtin: false,
    });
  }

  private recordExplicit(
    rule: PendingRule,
    target: string,
    recipe: Recipe | null,
  ): void {
    const database = this.state.database;
    let stem: string | null = null;
    let prerequisiteText = rule.prerequisites;
    if (rule.targetPattern !== null) {
      const pattern = parsePattern(rule.targetPattern)!;
      stem = matchPattern(pattern, target);
      if (stem === null) {
        // GNU complains, then keeps the target with the recipe alone.
        this.state.diagnostics.warning(
          rule.location,
          `target '${target}' doesn't match the target pattern`,
        );
        prerequisiteText = '';
      }
      if (stem !== null) {
        prerequisiteText = rule.patternWords
          .map((word) => substituteStem(word, stem!))
          .join(' ');
      }
    }

    const node = database.enter(target);
    node.mentioned = true;
    node.isTarget = true;
    if (!node.location) node.location = rule.location;
    const prerequisites = this.secondExpansionPending(rule, stem)
      ? [
          {
            name: unescapeColons(rule.prerequisites),
            orderOnly: false,
            secondExpansion: { stem },
          },
        ]
      : splitPrerequisites(prerequisiteText);
    // They all start with a dot: spare the other targets the lookup.
    if (target.startsWith('.') && immediateSpecials.has(target)) {
      this.applyImmediateSpecial(target);
    }
    if (target === '.SUFFIXES' && prerequisites.length === 0) {
      node.rules.length = 0;
    }

    const existing = node.rules[0];
    if (existing && existing.doubleColon !== rule.doubleColon) {
      throw new MakeError(
        `target file '${target}' has both : and :: entries`,
        rule.location,
      );
    }
    const explicit: ExplicitRule = {
      prerequisites,
      recipe,
      doubleColon: rule.doubleColon,
      stem,
      group: rule.grouped ? rule.targets : null,
      ...(rule.runLocal ? { runLocal: true } : {}),
      ...(rule.keepDaemons ? { keepDaemons: true } : {}),
      ...(rule.noCache ? { noCache: true } : {}),
    };
    if (rule.doubleColon || !existing) {
      node.rules.push(explicit);
      return;
    }
    this.mergeRule(target, existing, explicit, rule.location);
  }

  /**
   * Under `.SECONDEXPANSION`, prerequisite text with a `$` in it waits for
   * its second expansion, as in GNU make; the rest is split now. A static
   * pattern rule whose pattern the target did not match has none.
   */
  private secondExpansionPending(
    rule: PendingRule,
    stem: string | null,
  ): boolean {
    if (!this.state.secondExpansion) return false;
    if (rule.targetPattern !== null && stem === null) return false;
    return rule.prerequisites.includes('$');
  }

  /** A second single-colon rule for a target adds to the first. */
  private mergeRule(
    target: string,
    existing: ExplicitRule,
    added: ExplicitRule,
    location: Location,
  ): void {
    if (added.recipe && existing.recipe) {
      const diagnostics = this.state.diagnostics;
      diagnostics.warning(
        added.recipe.location,
        `warning: overriding recipe for target '${target}'`,
      );
      diagnostics.warning(
        existing.recipe.location,
        `warning: ignoring old recipe for target '${target}'`,
      );
    }
    void location;
    if (added.recipe) {
      // The prerequisites of the rule with the recipe come first.
      existing.prerequisites = [
        ...added.prerequisites,
        ...existing.prerequisites,
      ];
      existing.recipe = added.recipe;
      existing.group = added.group ?? existing.group;
    } else {
      existing.prerequisites.push(...added.prerequisites);
    }
    // `$*` comes from the last static pattern rule for the target.
    existing.stem = added.stem ?? existing.stem;
  }

  /** A target named twice in one rule counts once, with GNU's notice. */
  /**
   * The targets, each once, and those named again: GNU make tells of
   * those once the rule turns out to have a recipe.
   */
  private withoutRepeats(targets: string[]): {
    targets: string[];
    repeated: string[];
  } {
    // Most rules have one target: nothing to repeat.
    if (targets.length < 2) return { targets, repeated: [] };
    const unique = new Set<string>();
    const repeated: string[] = [];
    for (const target of targets) {
      if (unique.has(target)) repeated.push(target);
      unique.add(target);
    }
    return { targets: [...unique], repeated };
  }

  private applyImmediateSpecial(target: string): void {
    const state = this.state;
    switch (target) {
      case '.POSIX': {
        state.posix = true;
        // POSIX shells stop at the first failing command of a line.
        const flags = state.globals.get('.SHELLFLAGS');
        if (flags && flags.origin === 'default') flags.value = '-ec';
        // And the tools and flags POSIX names replace GNU's defaults.
        for (const [name, value] of posixDefaults) {
          state.define(name, value, 'recursive', 'default', null);
        }
        break;
      }
      case '.SECONDEXPANSION':
        state.secondExpansion = true;
        break;
      case '.ONESHELL':
        state.oneShell = true;
        break;
      case '.NOTPARALLEL':
        state.notParallel = true;
        break;
      case '.EXPORT_ALL_VARIABLES':
        state.exportAll = true;
        break;
    }
  }

  /** The first ordinary target of the makefiles is the default goal. */
  private noteDefaultGoal(targets: string[]): void {
    if (!this.setsDefaultGoal) return;
    const state = this.state;
    const current = state.globals.get('.DEFAULT_GOAL');
    if (current && current.value !== '') return;
    for (const target of targets) {
      if (target.startsWith('.') && !target.includes('/')) continue;
      if (parsePattern(target)) continue;
      state.define('.DEFAULT_GOAL', target, 'simple', 'file', null);
      return;
    }
  }

  private recordTargetVariables(
    context: ReadContext,
    targets: string[],
    name: string,
    operator: string,
    value: string,
    modifiers: ReturnType<typeof noModifiers>,
  ): void {
    const state = this.state;
    for (const target of targets) {
      let set: VariableSet;
      if (parsePattern(target)) {
        set = new VariableSet();
        state.database.patternVariables.push({
          pattern: target,
          variables: set,
        });
      } else {
        const node = state.database.enter(target);
        node.variables ??= new VariableSet();
        set = node.variables;
      }
      // The name is expanded with the target's own variables in view.
      const expandedName = state.expander
        .expand(name, new VariableScope(set, context.scope))
        .trim();
      if (expandedName === '') {
        throw new MakeError('empty variable name', context.location);
      }
      const variable = this.defineTargetVariable(
        set,
        expandedName,
        operator,
        value,
        modifiers.override,
        context.location,
        context.scope,
      );
      variable.isPrivate = modifiers.private;
      if (modifiers.export) variable.exported = 'export';
      if (modifiers.unexport) variable.exported = 'unexport';

      // A command-line value still wins, unless this is an override.
      if (variable.origin !== 'override') {
        const global = state.globals.get(expandedName);
        if (
          global &&
          global !== variable &&
          (global.origin === 'command line' ||
            global.origin === 'environment override')
        ) {
          variable.value = global.value;
          variable.origin = global.origin;
          variable.flavor = global.flavor;
          variable.appendsToInherited = false;
        }
      }
    }
  }
}

/** `a b | c` as prerequisites: those after the `|` are order-only. */
export function splitPrerequisites(text: string): Prerequisite[] {
  const prerequisites = splitNamesOfPrerequisites(text);
  return text.includes('.WAIT') ? takeWaits(prerequisites) : prerequisites;
}

/**
 * GNU make 4.4's `.WAIT` among prerequisites is no file: the one after it
 * waits for those before it. (GNU make 4.3 would look for a file.)
 */
function takeWaits(prerequisites: Prerequisite[]): Prerequisite[] {
  const result: Prerequisite[] = [];
  let wait = false;
  for (const prerequisite of prerequisites) {
    if (prerequisite.name === '.WAIT') {
      wait = result.length > 0;
      continue;
    }
    result.push(wait ? { ...prerequisite, waitBefore: true } : prerequisite);
    wait = false;
  }
  return result;
}

function splitNamesOfPrerequisites(text: string): Prerequisite[] {
  const result: Prerequisite[] = [];
  let orderOnly = false;
  const list = splitNames(text);
  // Most lists have no order-only part: no need to sort the names.
  if (!text.includes('|')) {
    for (const name of expandFileNames(list, true)) {
      result.push({ name, orderOnly: false });
    }
    return result;
  }
  const names: { name: string; orderOnly: boolean }[] = [];
  for (const word of list) {
    // The first `|` starts the order-only ones, even inside a word (`a|b`);
    // after it, a `|` is part of a name, as in GNU's split_prereqs.
    const bar = orderOnly ? -1 : word.indexOf('|');
    if (bar < 0) {
      names.push({ name: word, orderOnly });
      continue;
    }
    if (bar > 0) names.push({ name: word.slice(0, bar), orderOnly: false });
    orderOnly = true;
    if (bar + 1 < word.length) {
      names.push({ name: word.slice(bar + 1), orderOnly: true });
    }
  }
  const expandedNormal = expandFileNames(
    names.filter((n) => !n.orderOnly).map((n) => n.name),
    true,
  );
  const expandedOrderOnly = expandFileNames(
    names.filter((n) => n.orderOnly).map((n) => n.name),
    true,
  );
  for (const name of expandedNormal) result.push({ name, orderOnly: false });
  for (const name of expandedOrderOnly) result.push({ name, orderOnly: true });
  return result;
}

/**
 * Prerequisite text with the backslashes that quote a `:` taken out, as
 * GNU's unescape_char does: an odd run of them before a colon is halved
 * (rounding down), an even run quotes nothing and stays.
 */
function unescapeColons(text: string): string {
  return text.replace(/(\\+):/g, (run: string, slashes: string) =>
    slashes.length % 2 === 0
      ? run
      : '\\'.repeat(Math.floor(slashes.length / 2)) + ':',
  );
}

/** A static pattern prerequisite with the stem put in place of its `%`. */
function substituteStem(word: string, stem: string): string {
  if (word === '|') return word;
  const pattern = parsePattern(word);
  if (!pattern) return word;
  return pattern.prefix + stem + pattern.suffix;
}

/** A token of a rule line before it is expanded. */
interface Token {
  readonly text: string;
  /** Index just past the token in the line. */
  readonly end: number;
}

/**
 * Splits a rule line as GNU's get_next_mword does: words end at white
 * space and at `:`, `;` and `=`, which are tokens of their own (`::`,
 * `&:` and `&::` being one each); variable references are never split.
 * It stops at the first colon: readRuleLine reads no further, and the
 * prerequisites need not be cut up for nothing.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    const start = i;
    const c = text[i]!;
    if (c === ':' || (c === '&' && text[i + 1] === ':')) {
      if (c === '&') i++;
      i += text[i + 1] === ':' ? 2 : 1;
      tokens.push({ text: text.slice(start, i), end: i });
      break;
    }
    if (c === ';' || c === '=') {
      i++;
      tokens.push({ text: c, end: i });
      continue;
    }
    while (i < text.length) {
      const d = text[i]!;
      if (d === ' ' || d === '\t' || d === ':' || d === ';' || d === '=') {
        break;
      }
      if (d === '&' && text[i + 1] === ':') break;
      if (d === '\\' && i + 1 < text.length) {
        i += 2;
        continue;
      }
      if (d === '$') {
        i = skipReference(text, i + 1);
        continue;
      }
      i++;
    }
    tokens.push({ text: text.slice(start, i), end: i });
  }
  return tokens;
}

function skipReference(text: string, i: number): number {
  const opener = text[i];
  if (opener !== '(' && opener !== '{') return i + 1;
  const closer = opener === '(' ? ')' : '}';
  let depth = 1;
  for (i++; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i + 1;
  }
  return i;
}

/** The first `c` not quoted by a backslash, or -1. */
function findUnquoted(text: string, c: string): number {
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

/**
 * The first `;` or `#` of a raw rule line outside variable references,
 * honouring backslash quoting; -1 when there is neither.
 */
function findSemicolonOrComment(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$') {
      i = skipReference(text, i + 1) - 1;
      continue;
    }
    if (c === ';' || c === '#') return i;
  }
  return -1;
}
