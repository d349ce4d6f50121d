// Compares what GNU make and amake did for one case and explains any
// difference in a form a developer can act on.

import { unifiedDiff } from './diff';
import type { CaseResult, Program, StepResult, Tree } from './run_case';

/**
 * Makes the two programs' output comparable. Both ran in the same
 * directory, so only their own names and paths can differ legitimately:
 * `make[1]:` / `amake[1]:` at the start of a message become `MAKE[1]:`, and
 * each program's absolute path becomes `$(MAKE)`.
 */
export function normaliser(programs: Program[]): (text: string) => string {
  // Longest first, in case one path is a prefix of the other.
  const paths = programs.map((p) => p.path).sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const p of paths) result = result.split(p).join('$(MAKE)');
    return result.replace(/^a?make(\[\d+\])?:/gm, 'MAKE$1:');
  };
}

export function normaliseResult(
  result: CaseResult,
  normalise: (text: string) => string,
): CaseResult {
  const steps = result.steps.map((s) => ({
    ...s,
    stdout: normalise(s.stdout),
    stderr: normalise(s.stderr),
  }));
  const tree: Tree = new Map();
  for (const [file, entry] of result.tree) tree.set(file, normalise(entry));
  return { steps, tree };
}

/** Every difference, each as a readable paragraph; empty when equal. */
export function compareResults(
  gnu: CaseResult,
  amake: CaseResult,
  labels: [string, string],
): string[] {
  const problems: string[] = [];
  gnu.steps.forEach((step, index) => {
    problems.push(...compareStep(index, step, amake.steps[index], labels));
  });
  problems.push(...compareTrees(gnu.tree, amake.tree, labels));
  return problems;
}

function compareStep(
  index: number,
  gnu: StepResult,
  amake: StepResult,
  labels: [string, string],
): string[] {
  const where = `step ${index + 1} (${gnu.step.text})`;
  const problems: string[] = [];
  if (gnu.status !== amake.status) {
    problems.push(
      `${where}: status differs: ${labels[0]} ${gnu.status}, ` +
        `${labels[1]} ${amake.status}`,
    );
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    const diff = unifiedDiff(gnu[stream], amake[stream], labels);
    if (diff) problems.push(`${where}: ${stream} differs:\n${indent(diff)}`);
  }
  return problems;
}

function compareTrees(
  gnu: Tree,
  amake: Tree,
  labels: [string, string],
): string[] {
  const problems: string[] = [];
  const files = [...new Set([...gnu.keys(), ...amake.keys()])].sort();
  for (const file of files) {
    const expected = gnu.get(file);
    const actual = amake.get(file);
    if (expected === actual) continue;
    if (expected === undefined) {
      problems.push(
        `file ${file}: only ${labels[1]} left it (${summary(actual)})`,
      );
    } else if (actual === undefined) {
      problems.push(
        `file ${file}: only ${labels[0]} left it (${summary(expected)})`,
      );
    } else {
      const diff = unifiedDiff(expected, actual, labels);
      problems.push(`file ${file} differs:\n${indent(diff)}`);
    }
  }
  return problems;
}

function summary(entry: string | undefined): string {
  return (entry ?? '').split('\n')[0].replace(/:$/, '');
}

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}
