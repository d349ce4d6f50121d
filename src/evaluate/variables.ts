import { Location } from '../parse/location';

export type Flavor = 'recursive' | 'simple';

/**
 * Where a value came from, in GNU make's order of precedence: a definition
 * replaces an existing one only when its origin ranks at least as high.
 */
export type Origin =
  | 'default'
  | 'environment'
  | 'file'
  | 'environment override'
  | 'command line'
  | 'override'
  | 'automatic';

const originRank: Record<Origin, number> = {
  default: 0,
  environment: 1,
  file: 2,
  'environment override': 3,
  'command line': 4,
  override: 5,
  automatic: 6,
};

/** True when a definition from `incoming` may replace one from `existing`. */
export function mayReplace(existing: Origin, incoming: Origin): boolean {
  return originRank[incoming] >= originRank[existing];
}

/** Whether a variable goes into the environment of recipes. */
export type ExportSetting = 'default' | 'export' | 'unexport';

export interface Variable {
  readonly name: string;
  value: string;
  flavor: Flavor;
  origin: Origin;
  exported: ExportSetting;
  /** `private`: not inherited by prerequisites. */
  isPrivate: boolean;
  /** Target-specific `+=`: appended to the inherited value when read. */
  appendsToInherited: boolean;
  /** Target-specific `?=`: used only when nothing is inherited. */
  conditional: boolean;
  location: Location | null;
  /** Set while the value is being expanded, to catch self-reference. */
  expanding: boolean;
}

export function newVariable(
  name: string,
  value: string,
  flavor: Flavor,
  origin: Origin,
  location: Location | null = null,
): Variable {
  return {
    name,
    value,
    flavor,
    origin,
    exported: 'default',
    isPrivate: false,
    appendsToInherited: false,
    conditional: false,
    location,
    expanding: false,
  };
}

/** One table of variables: the global one, or a target's or a pattern's. */
export class VariableSet {
  readonly variables = new Map<string, Variable>();

  get(name: string): Variable | undefined {
    return this.variables.get(name);
  }

  set(variable: Variable): void {
    this.variables.set(variable.name, variable);
  }

  delete(name: string): void {
    this.variables.delete(name);
  }
}

/**
 * A chain of variable sets searched innermost first: a target's own set,
 * then its pattern-specific sets, then those of the target that asked for it
 * as a prerequisite, and so on out to the global set.
 */
export class VariableScope {
  constructor(
    readonly set: VariableSet,
    readonly parent: VariableScope | null,
    /** Private variables of this set are visible only from `set` itself. */
    readonly isInheritedView = false,
  ) {}

  lookup(name: string): Variable | undefined {
    return this.find(name)?.variable;
  }

  /** The variable and the scope whose set holds it. */
  find(name: string): { variable: Variable; scope: VariableScope } | null {
    const own = this.set.get(name);
    if (own && !(own.isPrivate && this.isInheritedView)) {
      return { variable: own, scope: this };
    }
    for (let scope = this.parent; scope; scope = scope.parent) {
      const variable = scope.set.get(name);
      if (variable && !(variable.isPrivate && scope.isInheritedView)) {
        return { variable, scope };
      }
    }
    return null;
  }

  /** The global scope: the outermost one. */
  get global(): VariableScope {
    return this.parent ? this.parent.global : this;
  }
}
