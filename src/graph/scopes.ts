import { MakeState } from '../evaluate/state';
import { PatternVariables } from '../evaluate/database';
import { Pattern, parsePattern } from '../evaluate/text';
import { Variable, VariableSet, mayReplace } from '../evaluate/variables';

/**
 * The pattern-specific variables that apply to a target, as one set (or
 * none). GNU make builds it by replaying every matching definition, the
 * shorter patterns first and, among equal lengths, in the order they were
 * written; so `%b: X ?= y` sees what `a%: X = x` set for `ab`, and the more
 * specific pattern has the last word.
 */
export function patternScopes(state: MakeState, target: string): VariableSet[] {
  const entries = state.database.patternVariables;
  if (entries.length === 0) return [];
  const cache = cacheFor(state);
  const cached = cache.sets.get(target);
  if (cached && cache.entryCount === entries.length) return cached;
  if (cache.entryCount !== entries.length) {
    cache.sets.clear();
    cache.entryCount = entries.length;
    indexPatterns(cache, entries);
  }

  // Only the patterns that may match are looked at: every file comes here,
  // and most match none of them.
  const matching: { entry: PatternVariables; order: number }[] = [];
  const consider = (orders: readonly number[] | undefined) => {
    for (const order of orders ?? []) {
      if (!matchesPattern(cache.patterns[order]!, target)) continue;
      matching.push({ entry: entries[order]!, order });
    }
  };
  consider(cache.undirected);
  for (let slash = target.indexOf('/'); slash >= 0;) {
    consider(cache.byDirectory.get(target.slice(0, slash + 1)));
    slash = target.indexOf('/', slash + 1);
  }
  matching.sort(
    (a, b) =>
      a.entry.pattern.length - b.entry.pattern.length || a.order - b.order,
  );
  const sets: VariableSet[] = [];
  if (matching.length > 0) {
    const merged = new VariableSet();
    for (const { entry } of matching) {
      for (const variable of entry.variables.variables.values()) {
        replay(state, merged, variable);
      }
    }
    sets.push(merged);
  }
  cache.sets.set(target, sets);
  return sets;
}

/** One pattern-specific definition applied to the target's set. */
function replay(state: MakeState, merged: VariableSet, variable: Variable) {
  const existing = merged.get(variable.name);
  if (variable.conditional) {
    if (existing || state.globalScope.lookup(variable.name)) return;
  } else if (existing && !mayReplace(existing.origin, variable.origin)) {
    return;
  }
  if (variable.appendsToInherited && existing) {
    const added =
      existing.flavor === 'recursive'
        ? variable.value
        : state.expander.expand(variable.value, state.globalScope);
    existing.value =
      existing.value === '' ? added : `${existing.value} ${added}`;
    return;
  }
  merged.set({ ...variable, expanding: false });
}

/**
 * Whether the word matches the pattern, without making its stem. The
 * suffix is looked at first: patterns tend to share their directory.
 */
function matchesPattern(pattern: Pattern, word: string): boolean {
  const { prefix, suffix } = pattern;
  return (
    word.length >= prefix.length + suffix.length &&
    word.endsWith(suffix) &&
    word.startsWith(prefix)
  );
}

interface PatternCache {
  entryCount: number;
  /** The entries' patterns, parsed. */
  patterns: (Pattern | null)[];
  /**
   * The entries whose pattern starts with a directory (`out/%.o`), by that
   * directory, slash included: only a target in it can match them.
   */
  byDirectory: Map<string, number[]>;
  /** The other entries with a pattern. */
  undirected: number[];
  readonly sets: Map<string, VariableSet[]>;
}

function indexPatterns(
  cache: PatternCache,
  entries: readonly PatternVariables[],
): void {
  cache.patterns = entries.map((entry) => parsePattern(entry.pattern));
  cache.byDirectory = new Map();
  cache.undirected = [];
  cache.patterns.forEach((pattern, order) => {
    if (!pattern) return;
    const slash = pattern.prefix.lastIndexOf('/');
    if (slash < 0) {
      cache.undirected.push(order);
      return;
    }
    const directory = pattern.prefix.slice(0, slash + 1);
    const orders = cache.byDirectory.get(directory);
    if (orders) orders.push(order);
    else cache.byDirectory.set(directory, [order]);
  });
}

const caches = new WeakMap<MakeState, PatternCache>();

function cacheFor(state: MakeState): PatternCache {
  let cache = caches.get(state);
  if (!cache) {
    cache = {
      entryCount: 0,
      patterns: [],
      byDirectory: new Map(),
      undirected: [],
      sets: new Map(),
    };
    caches.set(state, cache);
  }
  return cache;
}
