import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  Modifiers,
  noModifiers,
  parseAssignment,
  parseModifiedAssignment,
  skipBlanks,
} from '../parse/assignment';
import {
  LineReader,
  LogicalLine,
  collapseContinuations,
  removeComment,
} from '../parse/lines';
import { Location } from '../parse/location';
import { MakeError } from '../report/errors';
import {
  ConditionTester,
  ConditionalKeyword,
  ConditionalStack,
  isConditionalKeyword,
} from './conditionals';
import { RecipeLine } from './database';
import { PendingRule, RuleRecorder } from './rules';
import { MakeState } from './state';
import { words } from './text';
import { Flavor, Origin, VariableScope, VariableSet } from './variables';
import { expandFileNames } from './filenames';
import { foldShellOutput } from './functions';

/** An `include` of a file that did not exist when it was read. */
export interface MissingInclude {
  readonly name: string;
  readonly location: Location;
  /** `-include` and `sinclude`: no error when it cannot be made. */
  readonly optional: boolean;
}

/**
 * Reads makefiles into the MakeState, line by line, as GNU make's reader
 * does: reading and evaluating are interleaved, since a line's meaning can
 * depend on the variables and conditionals before it.
 */
export class Evaluator {
  readonly rules: RuleRecorder;
  readonly missingIncludes: MissingInclude[] = [];
  /**
   * Every makefile it tried to read, found or not, in order: GNU make
   * remakes them in the reverse order.
   */
  readonly attempted: MissingInclude[] = [];
  /** Told of each included makefile before it is looked for (--debug). */
  onInclude: (name: string, optional: boolean) => void = () => {};

  constructor(readonly state: MakeState) {
    this.rules = new RuleRecorder(state);
    this.rules.defineTargetVariable = (
      set,
      name,
      operator,
      value,
      override,
      location,
      scope,
    ) =>
      // A `:=` value is expanded with the target's variables in view, and
      // those of the text being read: a `$(foreach)` around an `$(eval)`.
      this.defineVariable(
        set,
        new VariableScope(set, scope),
        name,
        operator,
        value,
        override ? 'override' : 'file',
        location,
        true,
      );
    state.evaluateHook = (text, scope) => this.evaluateText(text, scope);
  }

  /**
   * Reads one makefile. Returns false when it does not exist; a missing
   * makefile is the caller's to report, since it may yet be made.
   */
  readMakefile(name: string, location: Location | null = null): boolean {
    let text: string;
    try {
      text = readFileSync(name, 'latin1');
      // A UTF-8 byte order mark is not part of the first line.
      if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return false;
      throw new MakeError(`${name}: ${describeErrno(code)}`);
    }
    this.state.makefiles.push(name);
    this.attempted.push({ name, location: location ?? null!, optional: false });
    const list = this.state.globals.get('MAKEFILE_LIST');
    this.state.define(
      'MAKEFILE_LIST',
      joinValues(list ? list.value : '', name),
      'simple',
      'file',
      null,
    );
    this.run(new LineReader(text, name), this.state.globalScope);
    return true;
  }

  /** `$(eval)` and `--eval`: text read as makefile lines, here and now. */
  evaluateText(text: string, scope: VariableScope): void {
    const location = this.state.expander.location;
    const reader = new LineReader(text, location?.file ?? '<eval>');
    this.run(reader, scope, location?.line);
  }

  /** The loop over the logical lines of one makefile or `$(eval)` text. */
  private run(
    reader: LineReader,
    scope: VariableScope,
    fixedLine?: number,
  ): void {
    const context = new ReadContext(reader, scope, this.state, fixedLine);
    const savedLocation = this.state.expander.location;
    try {
      for (;;) {
        const line = reader.next();
        if (!line) break;
        context.location =
          fixedLine === undefined
            ? line.location
            : { file: line.location.file, line: fixedLine };
        this.state.expander.location = context.location;
        this.readLine(context, line);
      }
      this.rules.finishRule(context);
      context.conditionals.finish({
        file: reader.file,
        line: fixedLine ?? reader.nextLineNumber,
      });
    } finally {
      this.state.expander.location = savedLocation;
    }
  }

  private readLine(context: ReadContext, line: LogicalLine): void {
    const state = this.state;
    const raw = line.text;

    // Inside a `define` that a false conditional skips: wait for `endef`.
    if (context.inIgnoredDefine) {
      const first = firstWord(
        removeComment(collapseContinuations(raw, this.state.posix)).trimStart(),
      );
      if (first === 'endef') context.inIgnoredDefine = false;
      return;
    }

    // A recipe line: it starts with the recipe prefix after a rule.
    if (raw.startsWith(state.recipePrefix) && context.rule !== null) {
      if (context.rule === 'ignored' || context.conditionals.ignoring) return;
      context.rule.recipe.push({
        text: raw.slice(state.recipePrefix.length),
        location: context.location,
        ...(state.recipePrefix !== '\t' ? { prefix: state.recipePrefix } : {}),
      });
      return;
    }
    if (raw.startsWith(state.recipePrefix) && context.noTargets) return;

    if (isPragma(raw)) {
      if (!context.conditionals.ignoring) this.rules.readPragma(context, raw);
      return;
    }
    const collapsed = removeComment(
      collapseContinuations(raw, this.state.posix),
    );
    const start = skipBlanks(collapsed, 0);
    if (start === collapsed.length) return;
    const text = collapsed.slice(start);
    const word = firstWord(text);
    const rest = text.slice(skipBlanks(text, word.length));

    // Assignments come first, so that `ifdef = 1` defines a variable.
    const modifiers = noModifiers();
    const parsed = parseModifiedAssignment(text, false, modifiers);
    if (parsed) {
      if (context.conditionals.ignoring) {
        if (modifiers.define) context.inIgnoredDefine = true;
        return;
      }
      // A pragma is for the rule on the next line, not for an assignment.
      this.rules.takePragmas();
      this.rules.finishRule(context);
      this.assign(context, parsed.rest, parsed.assignment, modifiers);
      return;
    }

    if (isConditionalKeyword(word)) {
      context.conditionals.handle(
        word as ConditionalKeyword,
        rest,
        context.location,
        this.conditionTester(context),
      );
      return;
    }
    if (context.conditionals.ignoring) return;

    switch (word) {
      case 'export':
      case 'unexport':
        this.rules.finishRule(context);
        this.exportDirective(context, word === 'export', rest);
        return;
      case 'vpath':
        this.rules.finishRule(context);
        this.vpathDirective(context, rest);
        return;
      case 'include':
      case '-include':
      case 'sinclude':
        this.rules.finishRule(context);
        this.includeDirective(context, word !== 'include', rest);
        return;
      case 'load':
      case '-load':
        throw new MakeError(
          "The 'load' directive is not supported by amake",
          context.location,
        );
    }

    if (raw.startsWith(state.recipePrefix)) {
      throw new MakeError(
        'recipe commences before first target',
        context.location,
      );
    }
    this.rules.readRuleLine(context, raw);
  }

  /** A variable assignment, `define` or `undefine` at top level. */
  private assign(
    context: ReadContext,
    rest: string,
    assignment: ReturnType<typeof parseAssignment>,
    modifiers: Modifiers,
  ): void {
    const state = this.state;
    const origin: Origin = modifiers.override ? 'override' : 'file';
    if (modifiers.undefine) {
      const name = state.expander.expand(rest, context.scope).trim();
      if (name === '')
        throw new MakeError('empty variable name', context.location);
      const existing = state.globals.get(name);
      if (!existing || existing.origin === 'override' || modifiers.override) {
        state.globals.delete(name);
      } else if (
        existing.origin !== 'command line' &&
        existing.origin !== 'environment override'
      ) {
        state.globals.delete(name);
      }
      return;
    }
    let name: string;
    let operator: string;
    let value: string;
    if (modifiers.define) {
      const header = parseAssignment(rest);
      if (header && header.value !== '') {
        state.diagnostics.warning(
          context.location,
          "extraneous text after 'define' directive",
        );
      }
      const nameText = header ? header.name : rest;
      name = state.expander.expand(nameText, context.scope).trim();
      if (name === '') {
        throw new MakeError('empty variable name', context.location);
      }
      operator = header ? header.operator : '=';
      value = this.readDefineBody(context);
    } else {
      name = state.expander
        .expand(assignment!.name, context.scope)
        .replace(/[ \t]+$/, '');
      if (name === '') {
        throw new MakeError('empty variable name', context.location);
      }
      operator = assignment!.operator;
      value = assignment!.value;
    }
    // Lookups see the scope being read in (a `$(foreach)` variable, say);
    // the definition is global all the same, as in GNU make.
    const variable = this.defineVariable(
      state.globals,
      context.scope,
      name,
      operator,
      value,
      origin,
      context.location,
      false,
    );
    if (!variable) return;
    if (modifiers.export) variable.exported = 'export';
    if (modifiers.unexport) variable.exported = 'unexport';
    if (modifiers.private) variable.isPrivate = true;
  }

  /**
   * Defines a variable with one of the assignment operators, in `set`,
   * looking up old values from `scope`. Target-specific definitions
   * (`inTarget`) append only to what that target has.
   */
  defineVariable(
    set: VariableSet,
    scope: VariableScope,
    name: string,
    operator: string,
    value: string,
    origin: Origin,
    location: Location | null,
    inTarget: boolean,
  ) {
    const state = this.state;
    const expander = state.expander;
    let flavor: Flavor;
    let newValue: string;
    let appends = false;
    let conditional = false;
    switch (operator) {
      case '=':
        flavor = 'recursive';
        newValue = value;
        break;
      case ':=':
      case '::=':
        flavor = 'simple';
        newValue = expander.expand(value, scope);
        break;
      case '!=': {
        const result = state.shell(expander.expand(value, scope), scope);
        state.setGlobal('.SHELLSTATUS', String(result.status));
        flavor = 'recursive';
        newValue = foldShellOutput(result.output, false);
        break;
      }
      case '?=': {
        if (inTarget) {
          conditional = true;
          flavor = 'recursive';
          newValue = value;
          if (scope.lookup(name)) return scope.lookup(name)!;
          break;
        }
        const existing = scope.lookup(name);
        if (existing) return existing;
        flavor = 'recursive';
        newValue = value;
        break;
      }
      case '+=': {
        const existing = inTarget ? set.get(name) : scope.lookup(name);
        if (inTarget && (!existing || existing.appendsToInherited)) {
          appends = true;
        }
        if (!existing) {
          flavor = 'recursive';
          newValue = value;
          break;
        }
        if (existing.flavor === 'recursive') {
          flavor = 'recursive';
          newValue = joinValues(existing.value, value);
        } else {
          flavor = 'simple';
          newValue = joinValues(existing.value, expander.expand(value, scope));
        }
        break;
      }
      default:
        throw new Error(`unknown assignment operator ${operator}`);
    }
    const variable = state.define(
      name,
      newValue,
      flavor,
      origin,
      location,
      set,
    );
    variable.appendsToInherited = appends;
    variable.conditional = conditional;
    return variable;
  }

  /** Reads the lines of a `define` up to its matching `endef`. */
  private readDefineBody(context: ReadContext): string {
    const start = context.location;
    const lines: string[] = [];
    let depth = 1;
    for (;;) {
      const line = context.reader.next();
      if (!line) {
        throw new MakeError("missing 'endef', unterminated 'define'", start);
      }
      const text = collapseContinuations(line.text, this.state.posix);
      if (!text.startsWith(this.state.recipePrefix)) {
        const trimmed = text.slice(skipBlanks(text, 0));
        const word = firstWord(trimmed);
        if (word === 'define') {
          depth++;
        } else if (word === 'endef') {
          const after = removeComment(trimmed.slice(5)).trim();
          if (after !== '') {
            this.state.diagnostics.warning(
              line.location,
              "extraneous text after 'endef' directive",
            );
          }
          if (--depth === 0) break;
        }
      }
      lines.push(text);
    }
    return lines.join('\n');
  }

  private exportDirective(
    context: ReadContext,
    exporting: boolean,
    rest: string,
  ): void {
    if (rest === '') {
      this.state.exportAll = exporting;
      return;
    }
    const names = words(this.state.expander.expand(rest, context.scope));
    for (const name of names) {
      let variable = context.scope.lookup(name);
      if (!variable) {
        variable = this.state.define(name, '', 'recursive', 'file', null);
      }
      variable.exported = exporting ? 'export' : 'unexport';
    }
  }

  private vpathDirective(context: ReadContext, rest: string): void {
    const fields = words(this.state.expander.expand(rest, context.scope));
    const vpaths = this.state.database.vpaths;
    if (fields.length === 0) {
      vpaths.length = 0;
      return;
    }
    const pattern = fields[0]!;
    if (fields.length === 1) {
      for (let i = vpaths.length - 1; i >= 0; i--) {
        if (vpaths[i]!.pattern === pattern) vpaths.splice(i, 1);
      }
      return;
    }
    // As GNU's construct_vpath_list keeps them: one trailing slash goes,
    // and `.` is no search directory.
    const directories = fields
      .slice(1)
      .flatMap((field) => field.split(':'))
      .map((directory) =>
        directory.length > 1 ? directory.replace(/\/$/, '') : directory,
      )
      .filter((directory) => directory !== '' && directory !== '.');
    if (directories.length > 0) vpaths.push({ pattern, directories });
  }

  private includeDirective(
    context: ReadContext,
    optional: boolean,
    rest: string,
  ): void {
    const expanded = this.state.expander.expand(rest, context.scope);
    const names = expandFileNames(words(expanded), true);
    const location = context.location;
    for (const name of names) {
      this.onInclude(name, optional);
      const found = this.findInclude(name);
      const saved = this.state.expander.location;
      const read = found !== null && this.readMakefile(found, location);
      this.state.expander.location = saved;
      if (!read) {
        this.missingIncludes.push({ name, location, optional });
        this.attempted.push({ name, location, optional });
      }
    }
  }

  /** Where an included file is: as named, or in an include directory. */
  private findInclude(name: string): string | null {
    if (existsSync(name) || path.isAbsolute(name)) {
      return existsSync(name) ? name : null;
    }
    for (const directory of this.state.includeDirectories) {
      const candidate = path.join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    return null;
  }

  private conditionTester(context: ReadContext): ConditionTester {
    const state = this.state;
    return (keyword, argument) => {
      if (keyword === 'ifdef' || keyword === 'ifndef') {
        // One name, and nothing else: white space the expansion put in
        // front of it, or a second word, is invalid syntax.
        const expanded = state.expander.expand(argument, context.scope);
        const name = /^[^ \t\n]*/.exec(expanded)![0];
        if (expanded.slice(name.length).trim() !== '') return null;
        const variable = context.scope.lookup(name);
        const defined = variable !== undefined && variable.value !== '';
        return { holds: defined === (keyword === 'ifdef'), extraText: false };
      }
      const operands = parseComparison(argument);
      if (!operands) return null;
      const left = state.expander.expand(operands.left, context.scope);
      const right = state.expander.expand(operands.right, context.scope);
      return {
        holds: (left === right) === (keyword === 'ifeq'),
        extraText: operands.extraText,
      };
    };
  }
}

/** What one makefile (or `$(eval)` text) being read keeps track of. */
export class ReadContext {
  readonly conditionals: ConditionalStack;
  location: Location;
  /** The rule whose recipe lines may follow; 'ignored' for no targets. */
  rule: PendingRule | 'ignored' | null = null;
  /** After a rule line with no targets: its recipe lines are skipped. */
  noTargets = false;
  inIgnoredDefine = false;

  constructor(
    readonly reader: LineReader,
    readonly scope: VariableScope,
    state: MakeState,
    fixedLine?: number,
  ) {
    this.conditionals = new ConditionalStack(state.diagnostics);
    this.location = { file: reader.file, line: fixedLine ?? 0 };
  }
}

/** Recipe lines collected for a rule being read. */
export type CollectedRecipe = RecipeLine[];

function firstWord(text: string): string {
  const match = /^[^ \t\n]*/.exec(text);
  return match ? match[0] : '';
}

/**
 * The two operands of `ifeq (a,b)`, `ifeq "a" "b"` and mixed quotings, as
 * GNU reads them; null for invalid syntax.
 */
export function parseComparison(
  text: string,
): { left: string; right: string; extraText: boolean } | null {
  const opener = text[0];
  let i = 1;
  let left: string;
  if (opener === '(') {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === ',' && depth <= 0) break;
    }
    if (i >= text.length) return null;
    left = text.slice(1, i).replace(/[ \t]+$/, '');
    i++;
  } else if (opener === '"' || opener === "'") {
    const close = text.indexOf(opener, 1);
    if (close < 0) return null;
    left = text.slice(1, close);
    i = skipBlanks(text, close + 1);
  } else {
    return null;
  }
  let right: string;
  if (opener === '(') {
    let j = skipBlanks(text, i);
    const start = j;
    let depth = 0;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth <= 0) break;
        depth--;
      }
    }
    if (j >= text.length) return null;
    right = text.slice(start, j);
    i = j + 1;
  } else {
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return null;
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return null;
    right = text.slice(i + 1, close);
    i = close + 1;
  }
  const extraText = text.slice(skipBlanks(text, i)) !== '';
  return { left, right, extraText };
}

/** `+=` joins with a space; appending nothing changes nothing. */
function joinValues(old: string, added: string): string {
  if (added === '') return old;
  return old === '' ? added : `${old} ${added}`;
}

function describeErrno(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return code ?? 'unknown error';
  }
}

/** `#pragma words`: a comment to make, a pragma to amake. */
function isPragma(raw: string): boolean {
  return /^#pragma(\s|$)/.test(raw);
}
