import { MakeState } from '../evaluate/state';
import { matchPattern, parsePattern } from '../evaluate/text';
import { VariableSet } from '../evaluate/variables';

/**
 * The pattern-specific variable sets that apply to a target, outermost
 * first. GNU make applies the ones with the shortest stem last, so that
 * they win.
 */
export function patternScopes(state: MakeState, target: string): VariableSet[] {
  const matches: { set: VariableSet; stemLength: number; order: number }[] = [];
  state.database.patternVariables.forEach((entry, order) => {
    const pattern = parsePattern(entry.pattern);
    if (!pattern) return;
    const stem = matchPattern(pattern, target);
    if (stem === null) return;
    matches.push({ set: entry.variables, stemLength: stem.length, order });
  });
  matches.sort((a, b) => b.stemLength - a.stemLength || a.order - b.order);
  return matches.map((match) => match.set);
}
