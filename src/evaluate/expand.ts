import { Location } from '../parse/location';
import { Diagnostics } from '../report/reporter';
import { MakeError } from '../report/errors';
import { Variable, VariableScope } from './variables';
import { hasUnescapedPercent } from './text';

/** What a built-in function receives besides its arguments. */
export interface FunctionCall {
  readonly expander: Expander;
  readonly scope: VariableScope;
  readonly name: string;
}

export interface BuiltinFunction {
  readonly minArgs: number;
  /** 0: any number. Otherwise the last argument takes any further commas. */
  readonly maxArgs: number;
  /** False for `if`, `and`, `or` and `foreach`, which expand lazily. */
  readonly expandArgs: boolean;
  readonly run: (args: string[], call: FunctionCall) => string;
}

/**
 * The services of the rest of amake that expansion needs: `$(eval)`,
 * `$(shell)` and friends reach the evaluator and the shell through it.
 */
export interface ExpansionHost {
  readonly diagnostics: Diagnostics;
  readonly functions: ReadonlyMap<string, BuiltinFunction>;
  /** `--warn-undefined-variables`. */
  readonly warnUndefined: boolean;
  /** `$(eval)`: reads the text as makefile lines, here and now. */
  evaluate(text: string, scope: VariableScope): void;
  /**
   * `$(shell)`: runs the command with the shell and the environment recipes
   * get; returns its standard output and exit status (128 + signal number
   * when killed). Sets `.SHELLSTATUS` is left to the caller.
   */
  shell(command: string, scope: VariableScope): ShellResult;
  /** Defines or replaces a global variable as make itself does. */
  setGlobal(name: string, value: string): void;
}

export interface ShellResult {
  readonly output: string;
  readonly status: number;
}

/**
 * `[A-Za-z0-9_.-]`, what a function's name is made of, by character code:
 * every reference is scanned for one, and a regular expression a character
 * costs more than the rest of looking the variable up.
 */
function isFunctionNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 46 || // .
    code === 45 // -
  );
}

/**
 * Expands variable references and function calls with GNU make's rules:
 * `$$`, `$x`, `$(name)`, `${name}`, computed names, substitution references
 * and built-in functions.
 */
export class Expander {
  /** Where the text being expanded came from, for error messages. */
  location: Location | null = null;

  /**
   * Where the variable being expanded was defined, while its value is
   * expanded: GNU make blames errors inside a value on its definition.
   */
  private definition: Location | null = null;

  /**
   * The location errors found while expanding are reported at: the
   * definition of the variable being expanded, else the current line.
   * (`$(error)` and `$(warning)` use `location`, as in GNU make.)
   */
  get errorLocation(): Location | null {
    return this.definition ?? this.location;
  }

  constructor(readonly host: ExpansionHost) {}

  expand(text: string, scope: VariableScope): string {
    let dollar = text.indexOf('$');
    if (dollar < 0) return text;
    let output = '';
    let position = 0;
    while (dollar >= 0) {
      output += text.slice(position, dollar);
      position = this.expandReference(text, dollar, scope, (value) => {
        output += value;
      });
      dollar = text.indexOf('$', position);
    }
    return output + text.slice(position);
  }

  /** The value of a variable, expanded if it is recursive. */
  valueOf(variable: Variable, scope: VariableScope): string {
    if (variable.flavor === 'simple') return variable.value;
    if (variable.expanding) {
      throw new MakeError(
        `Recursive variable '${variable.name}' references itself (eventually)`,
        variable.location ?? this.location,
      );
    }
    variable.expanding = true;
    const outer = this.definition;
    if (variable.location) this.definition = variable.location;
    try {
      return this.expand(variable.value, scope);
    } finally {
      variable.expanding = false;
      this.definition = outer;
    }
  }

  /**
   * The value of the named variable as seen from `scope`, with target-specific
   * `+=` values joined to what they inherit. Empty when undefined.
   */
  valueOfName(name: string, scope: VariableScope): string {
    if (name === '.VARIABLES')
      return [...scope.global.set.variables.keys()].join(' ');
    const found = scope.find(name);
    if (!found) {
      this.warnUndefined(name);
      return '';
    }
    const { variable } = found;
    if (!variable.appendsToInherited) return this.valueOf(variable, scope);
    return this.appendedValue(found, scope);
  }

  /**
   * A target-specific `+=` value joined to what it extends. Every part is
   * expanded where the variable is used (`scope`), not where it was
   * defined, as GNU's variable_append does.
   */
  private appendedValue(
    found: { variable: Variable; scope: VariableScope },
    scope: VariableScope,
  ): string {
    const { variable } = found;
    let upper = '';
    if (variable.appendsToInherited && found.scope.parent) {
      const next = found.scope.parent.find(variable.name);
      if (next) upper = this.appendedValue(next, scope);
    }
    const own = this.valueOf(variable, scope);
    return upper === '' ? own : `${upper} ${own}`;
  }

  warnUndefined(name: string): void {
    if (this.host.warnUndefined) {
      this.host.diagnostics.warning(
        this.location,
        `warning: undefined variable '${name}'`,
      );
    }
  }

  /**
   * Expands the reference whose `$` is at `dollar`, hands the result to
   * `emit` and returns the position just past the reference.
   */
  private expandReference(
    text: string,
    dollar: number,
    scope: VariableScope,
    emit: (value: string) => void,
  ): number {
    const opener = text[dollar + 1];
    if (opener === undefined) return dollar + 1;
    if (opener === '$') {
      emit('$');
      return dollar + 2;
    }
    if (opener !== '(' && opener !== '{') {
      emit(this.valueOfName(opener, scope));
      return dollar + 2;
    }
    const closer = opener === '(' ? ')' : '}';
    const begin = dollar + 2;

    // A built-in function: its name followed by white space or the end.
    const call = this.tryFunction(text, begin, opener, closer, scope);
    if (call) {
      emit(call.value);
      return call.end;
    }

    const firstClose = text.indexOf(closer, begin);
    if (firstClose < 0) {
      throw new MakeError(
        'unterminated variable reference',
        this.errorLocation,
      );
    }
    let name = text.slice(begin, firstClose);
    let end = firstClose + 1;

    // A computed name: expand what is inside, matching nested parens.
    if (name.includes('$')) {
      const close = matchingClose(text, begin, opener, closer);
      if (close >= 0) {
        name = this.expand(text.slice(begin, close), scope);
        end = close + 1;
      }
    }

    const colon = name.indexOf(':');
    if (colon >= 0) {
      const equals = name.indexOf('=', colon + 1);
      if (equals >= 0) {
        emit(
          this.substitutionReference(
            name.slice(0, colon),
            name.slice(colon + 1, equals),
            name.slice(equals + 1),
            scope,
          ),
        );
        return end;
      }
    }
    emit(this.valueOfName(name, scope));
    return end;
  }

  /** `$(var:from=to)`: patsubst on each word, `%` implied at the front. */
  private substitutionReference(
    name: string,
    from: string,
    to: string,
    scope: VariableScope,
  ): string {
    const value = this.valueOfName(name, scope);
    if (value === '') return '';
    let pattern = from;
    let replacement = to;
    if (!hasUnescapedPercent(from)) {
      pattern = '%' + from;
      replacement = '%' + to;
    }
    const patsubst = this.host.functions.get('patsubst')!;
    return patsubst.run([pattern, replacement, value], {
      expander: this,
      scope,
      name: 'patsubst',
    });
  }

  private tryFunction(
    text: string,
    begin: number,
    opener: string,
    closer: string,
    scope: VariableScope,
  ): { value: string; end: number } | null {
    let nameEnd = begin;
    while (
      nameEnd < text.length &&
      isFunctionNameCharacter(text.charCodeAt(nameEnd))
    ) {
      nameEnd++;
    }
    if (nameEnd === begin) return null;
    // A function's name ends at white space, as C's isspace() knows it.
    const after = text[nameEnd];
    if (after !== undefined && !isSpace(after)) return null;
    const name = text.slice(begin, nameEnd);
    const builtin = this.host.functions.get(name);
    if (!builtin) return null;

    // Skip white space after the name, then find the end of the call,
    // counting nested parens of the kind this call was opened with.
    let argsBegin = nameEnd;
    while (argsBegin < text.length && isSpace(text[argsBegin]!)) argsBegin++;
    let depth = 0;
    let close = -1;
    for (let i = argsBegin; i < text.length; i++) {
      const c = text[i];
      if (c === opener) depth++;
      else if (c === closer && --depth < 0) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw new MakeError(
        `unterminated call to function '${name}': missing '${closer}'`,
        this.errorLocation,
      );
    }
    const args = splitArguments(
      text.slice(argsBegin, close),
      opener,
      closer,
      builtin.maxArgs,
    );
    if (args.length < builtin.minArgs) {
      throw new MakeError(
        `insufficient number of arguments (${args.length}) to function '${name}'`,
        this.errorLocation,
      );
    }
    const values = builtin.expandArgs
      ? args.map((arg) => this.expand(arg, scope))
      : args;
    const value = builtin.run(values, { expander: this, scope, name });
    return { value, end: close + 1 };
  }
}

/**
 * Splits a function's argument text at top-level commas: always at least one
 * argument, possibly empty. With `maxArgs` above zero the last argument keeps
 * any further commas.
 */
export function splitArguments(
  text: string,
  opener: string,
  closer: string,
  maxArgs: number,
): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === opener) depth++;
    else if (c === closer) depth--;
    else if (c === ',' && depth === 0) {
      if (maxArgs > 0 && args.length === maxArgs - 1) break;
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  args.push(text.slice(start));
  return args;
}

/** The index of the closer matching an already opened paren, or -1. */
function matchingClose(
  text: string,
  begin: number,
  opener: string,
  closer: string,
): number {
  let depth = 0;
  for (let i = begin; i < text.length; i++) {
    const c = text[i];
    if (c === opener) depth++;
    else if (c === closer && --depth < 0) return i;
  }
  return -1;
}

/** C's isspace(): blank, tab, newline, and the rarer \r, \v and \f. */
function isSpace(c: string): boolean {
  return (
    c === ' ' ||
    c === '\t' ||
    c === '\n' ||
    c === '\r' ||
    c === '\v' ||
    c === '\f'
  );
}
