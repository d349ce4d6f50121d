import { spawnSync } from 'node:child_process';
import { directArgv, execErrorText } from '../execute/command_argv';
import { Spawner, SyncOutcome } from '../execute/spawner';
import { filesMayHaveChanged } from '../graph/filetime';
import { Location } from '../parse/location';
import { Diagnostics, writeBytes } from '../report/reporter';
import { Database } from './database';
import {
  BuiltinFunction,
  Expander,
  ExpansionHost,
  ShellResult,
} from './expand';
import {
  Flavor,
  Origin,
  Variable,
  VariableScope,
  VariableSet,
  mayReplace,
  newVariable,
} from './variables';

/** Settings of the command line that reading and expanding depend on. */
export interface EvaluationSettings {
  readonly warnUndefined: boolean;
  /** `-e`: the environment overrides makefile assignments. */
  readonly environmentOverrides: boolean;
  /** `-r`: no built-in rules. */
  readonly noBuiltinRules: boolean;
  /** `-R`: no built-in variables. */
  readonly noBuiltinVariables: boolean;
}

/**
 * The make database while it is read: global variables, files and rules,
 * and the switches special targets turn on. What `$(eval)` and the other
 * functions reach is reached through here.
 */
export class MakeState implements ExpansionHost {
  readonly globals = new VariableSet();
  readonly globalScope = new VariableScope(this.globals, null);
  readonly database = new Database();
  readonly expander: Expander;

  /** The makefiles read, in order, for MAKEFILE_LIST. */
  readonly makefiles: string[] = [];
  includeDirectories: string[] = [];
  /** `export` alone, or `.EXPORT_ALL_VARIABLES`. */
  exportAll = false;
  posix = false;
  secondExpansion = false;
  /**
   * finishDatabase has run (GNU's snapped_deps): a rule defined after that,
   * by `$(eval)` in a recipe or a second expansion, is an error.
   */
  databaseFinished = false;
  oneShell = false;
  /** Makefiles with `#pragma allserial`: their jobs run one at a time. */
  readonly serialMakefiles = new Set<string>();
  notParallel = false;
  recipePrefix = '\t';
  /** MAKELEVEL: how deep in a recursion of makes this one is. */
  makeLevel = 0;

  /** Set by the evaluator: reads text as makefile lines (`$(eval)`). */
  evaluateHook: (text: string, scope: VariableScope) => void = () => {};

  constructor(
    readonly diagnostics: Diagnostics,
    readonly functions: ReadonlyMap<string, BuiltinFunction>,
    readonly settings: EvaluationSettings,
  ) {
    this.expander = new Expander(this);
  }

  get warnUndefined(): boolean {
    return this.settings.warnUndefined;
  }

  /**
   * `$(eval)` sees the variables of the `$(call)` or `$(foreach)` it is in,
   * but what it defines is global (see Evaluator.assign).
   */
  evaluate(text: string, scope: VariableScope): void {
    this.evaluateHook(text, scope);
  }

  shell(command: string, scope: VariableScope): ShellResult {
    const shellPath = this.expander.valueOfName('SHELL', scope) || '/bin/sh';
    const flags = this.expander.valueOfName('.SHELLFLAGS', scope) || '-c';
    const shellFlags = splitFlags(flags);
    const argv = directArgv(command, shellPath, shellFlags) ?? [
      ...shellPath.split(/[ \t]+/).filter((word) => word !== ''),
      ...shellFlags,
      command,
    ];
    // GNU make 4.3 gives $(shell) its own environment, not the exported
    // variables recipes get.
    if (argv.length === 0) return { output: '', status: 0 };
    filesMayHaveChanged();
    // Its errors go to amake's standard error, after what amake wrote,
    // and after `Entering directory`, which GNU says before it starts.
    this.diagnostics.reporter.startOutput?.();
    this.diagnostics.reporter.flush?.();
    const result = runShell(argv);
    // What it says on its standard error goes where amake's output goes
    // now: in a parallel build, into the place of the recipe expanded.
    if (result.stderr.length) {
      writeBytes(this.diagnostics.reporter, 'err', result.stderr);
    }
    for (const { pid, command: left } of result.leftBehind) {
      const text = `${this.diagnostics.program}: $(shell ${command}) left process ${pid} running (${left}): stopping it\n`;
      writeBytes(this.diagnostics.reporter, 'err', Buffer.from(text));
    }
    if (result.startError) {
      const code = result.startError;
      this.diagnostics.warning(null, `${argv[0]}: ${execErrorText(code)}`);
      return { output: '', status: code === 'ENOENT' ? 127 : 126 };
    }
    const output = result.stdout.toString('latin1');
    let status = result.exitCode;
    if (result.signal) status = 128 + signalNumber(result.signal);
    return { output, status };
  }

  setGlobal(name: string, value: string): void {
    this.define(name, value, 'simple', 'override', null, this.globals);
  }

  /** The value of a variable as seen from `scope`, expanded. */
  value(name: string, scope: VariableScope = this.globalScope): string {
    return this.expander.valueOfName(name, scope);
  }

  /**
   * Defines a variable in `set`, respecting origin precedence: a makefile
   * cannot replace a command-line value without `override`.
   */
  define(
    name: string,
    value: string,
    flavor: Flavor,
    origin: Origin,
    location: Location | null,
    set: VariableSet = this.globals,
  ): Variable {
    const existing = set.get(name);
    // Under -e a makefile cannot replace an environment variable; GNU
    // then calls the variable an environment override.
    if (
      existing?.origin === 'environment' &&
      origin === 'file' &&
      this.settings.environmentOverrides
    ) {
      existing.origin = 'environment override';
      return existing;
    }
    if (existing && !mayReplace(existing.origin, origin)) return existing;
    if (existing) {
      existing.value = value;
      existing.flavor = flavor;
      existing.origin = origin;
      existing.location = location;
      existing.appendsToInherited = false;
      existing.conditional = false;
      this.noteSpecial(existing);
      return existing;
    }
    const variable = newVariable(name, value, flavor, origin, location);
    set.set(variable);
    this.noteSpecial(variable);
    return variable;
  }

  /** Variables that change how make reads makefiles take effect at once. */
  private noteSpecial(variable: Variable): void {
    if (variable.name === '.RECIPEPREFIX') {
      this.recipePrefix = variable.value === '' ? '\t' : variable.value[0]!;
    }
  }

  /**
   * The environment a recipe or `$(shell)` sees: the exported variables as
   * seen from `scope`, expanded.
   */
  environment(scope: VariableScope): NodeJS.ProcessEnv {
    const environment: NodeJS.ProcessEnv = {};
    const seen = new Set<string>();
    for (let s: VariableScope | null = scope; s; s = s.parent) {
      for (const variable of s.set.variables.values()) {
        if (seen.has(variable.name)) continue;
        if (variable.isPrivate && s.isInheritedView) continue;
        seen.add(variable.name);
        if (!this.isExported(this.exportSettingFor(variable, s))) continue;
        environment[variable.name] = this.expander.valueOfName(
          variable.name,
          scope,
        );
      }
    }
    // Sub-makes learn their depth from the environment.
    environment.MAKELEVEL = String(this.makeLevel + 1);

    // Recipes get the SHELL of amake's own environment, not the one the
    // makefile runs them with, unless the makefile exports it.
    if (scope.lookup('SHELL')?.exported !== 'export') {
      delete environment.SHELL;
      if (process.env.SHELL !== undefined) {
        environment.SHELL = process.env.SHELL;
      }
    }
    return environment;
  }

  /**
   * A target's own value of a variable is exported as the global variable
   * of that name is, unless it says otherwise.
   */
  private exportSettingFor(variable: Variable, scope: VariableScope) {
    if (variable.exported !== 'default' || scope.parent === null) {
      return variable;
    }
    const global = this.globals.get(variable.name);
    if (!global || global.exported === 'default') return variable;
    return { ...variable, exported: global.exported };
  }

  private isExported(variable: Variable): boolean {
    if (variable.exported === 'export') return true;
    if (variable.exported === 'unexport') return false;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable.name)) return false;
    if (variable.origin === 'environment') return true;
    if (variable.origin === 'environment override') return true;
    if (variable.origin === 'command line') return true;
    return this.exportAll && variable.origin !== 'default';
  }
}

function splitFlags(flags: string): string[] {
  return flags.split(/[ \t\n]+/).filter((flag) => flag !== '');
}

const signalNumbers: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
};

export function signalNumber(signal: string): number {
  return signalNumbers[signal] ?? 1;
}

/**
 * Runs a `$(shell)` command with amake's environment and standard input,
 * where amake is. Through amake-spawner it is contained as a job is: what
 * it leaves running is stopped and told of before amake goes on.
 */
function runShell(argv: string[]): SyncOutcome {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined) environment[name] = value;
  }
  const contained = Spawner.runSync({
    argv,
    directory: process.cwd(),
    environment,
  });
  if (contained) return contained;
  const result = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'buffer',
    stdio: ['inherit', 'pipe', 'pipe'],
    env: process.env,
    maxBuffer: 1 << 30,
  });
  return {
    stdout: result.stdout ?? Buffer.alloc(0),
    stderr: result.stderr ?? Buffer.alloc(0),
    exitCode: result.status ?? 127,
    signal: result.signal,
    startError: (result.error as NodeJS.ErrnoException | undefined)?.code,
    leftBehind: [],
  };
}
