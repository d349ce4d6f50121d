import * as path from 'node:path';
import { Prerequisite, Recipe, FileNode } from '../evaluate/database';
import { MakeState } from '../evaluate/state';
import { matchPattern, parsePattern } from '../evaluate/text';

/** A pattern rule chosen to make a file, with its stem substituted. */
export interface ImplicitMatch {
  readonly recipe: Recipe | null;
  readonly prerequisites: Prerequisite[];
  readonly stem: string;
}

export interface ImplicitSearchHooks {
  /** True when the file exists or a rule names it as a target. */
  exists(name: string): boolean;
}

/**
 * Finds the pattern rule that can make `node`: the first, in order of
 * definition, among those with the shortest stem whose prerequisites all
 * exist or can be made.
 */
export function findImplicitRule(
  state: MakeState,
  node: FileNode,
  hooks: ImplicitSearchHooks,
): ImplicitMatch | null {
  const name = node.name;
  const candidates: { match: ImplicitMatch; stemLength: number }[] = [];
  for (const rule of state.database.patternRules) {
    for (const target of rule.targets) {
      const pattern = parsePattern(target);
      if (!pattern) continue;
      // A pattern without a slash matches the file's base name only.
      const hasSlash = target.includes('/');
      const directory = hasSlash ? '' : dirPart(name);
      const subject = hasSlash ? name : name.slice(directory.length);
      const stem = matchPattern(pattern, subject);
      if (stem === null) continue;
      if (rule.recipe === null) continue;
      const fullStem = directory + stem;
      const prerequisites = rule.prerequisites.map((p) => ({
        name: substitute(p.name, stem, directory),
        orderOnly: p.orderOnly,
      }));
      const usable = prerequisites.every(
        (p) => p.orderOnly || hooks.exists(p.name),
      );
      if (!usable) continue;
      candidates.push({
        match: { recipe: rule.recipe, prerequisites, stem: fullStem },
        stemLength: stem.length,
      });
      break;
    }
  }
  if (candidates.length === 0) return null;
  let best = candidates[0]!;
  for (const candidate of candidates) {
    if (candidate.stemLength < best.stemLength) best = candidate;
  }
  return best.match;
}

function dirPart(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? '' : name.slice(0, slash + 1);
}

function substitute(prerequisite: string, stem: string, directory: string) {
  const pattern = parsePattern(prerequisite);
  if (!pattern) return prerequisite;
  const name = pattern.prefix + stem + pattern.suffix;
  return prerequisite.includes('/') ? name : path.join(directory, name) || name;
}
