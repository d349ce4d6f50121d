// Reads conformance case files. The format is described in README.md: a
// case file is a Makefile whose leading comment lines carry directives,
// optionally followed by extra files introduced by `--- path` lines.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitWords } from './shell_words';

export type Step =
  | { kind: 'run'; text: string; args: string[] }
  | { kind: 'sh'; text: string; command: string };

export interface Case {
  /** `category/name`, as in CaseFile. */
  id: string;
  category: string;
  name: string;
  description: string;
  steps: Step[];
  env: Record<string, string>;
  /** Why amake is expected to fail this case, if it is. */
  xfail?: string;
  /**
   * Arguments, such as `-j4`, with which amake runs every `run:` step
   * again, in a fresh directory, to leave what GNU make's plain run left.
   */
  parallel: string[][];
  /** Relative path → content; always includes `Makefile`. */
  files: Map<string, string>;
}

const DIRECTIVE = /^# ?([a-z]+):(.*)$/;
const FILE_HEADER = /^--- (.+)$/;
const KNOWN = new Set(['case', 'run', 'sh', 'env', 'xfail', 'parallel']);

export interface CaseFile {
  /** `category/name`: the path below the cases directory, without `.mk`. */
  id: string;
  file: string;
}

/** Lists every case file below `casesDir`, sorted by id. */
export function listCases(casesDir: string): CaseFile[] {
  return listCaseFiles(casesDir).map((file) => ({
    id: path.relative(casesDir, file).replace(/\.mk$/, ''),
    file,
  }));
}

/** Reads and parses one case; throws with the case id on a bad file. */
export function loadCase(entry: CaseFile): Case {
  return parseCase(entry.id, fs.readFileSync(entry.file, 'utf8'));
}

function listCaseFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listCaseFiles(full));
    else if (entry.name.endsWith('.mk')) found.push(full);
  }
  return found.sort();
}

export function parseCase(id: string, text: string): Case {
  const slash = id.lastIndexOf('/');
  const parsed: Case = {
    id,
    category: slash < 0 ? '.' : id.slice(0, slash),
    name: id.slice(slash + 1),
    description: '',
    steps: [],
    env: {},
    parallel: [],
    files: splitFiles(id, text),
  };
  for (const [key, value] of directives(id, text)) {
    applyDirective(parsed, key, value);
  }
  if (!parsed.description) throw new Error(`${id}: missing '# case:' line`);
  // No run: line means one make run with no arguments, after any sh: steps.
  if (!parsed.steps.some((step) => step.kind === 'run')) {
    parsed.steps.push({ kind: 'run', text: 'run:', args: [] });
  }
  return parsed;
}

// Directive lines of the header, as [key, value] pairs.
function directives(id: string, text: string): [string, string][] {
  const lines = text.split('\n');
  const fileStart = lines.findIndex((line) => FILE_HEADER.test(line));
  const makefile = fileStart < 0 ? lines : lines.slice(0, fileStart);
  const headerEnd = makefile.findIndex((line) => !line.startsWith('#'));
  const found: [string, string][] = [];
  makefile.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const inHeader = headerEnd < 0 || index < headerEnd;
    const [, key, value] = match;
    // Outside the header, or misspelt, a directive would be silently
    // ignored and the case would test something else: refuse it.
    if (inHeader && !KNOWN.has(key)) {
      throw new Error(`${id}:${index + 1}: unknown directive '${key}'`);
    }
    if (!inHeader && KNOWN.has(key)) {
      throw new Error(`${id}:${index + 1}: directive after the header`);
    }
    if (inHeader) found.push([key, value.replace(/^ /, '')]);
  });
  return found;
}

function applyDirective(c: Case, key: string, value: string): void {
  switch (key) {
    case 'case':
      c.description = value;
      break;
    case 'xfail':
      c.xfail = value || 'no reason given';
      break;
    case 'run':
      c.steps.push({
        kind: 'run',
        text: `run: ${value}`.trimEnd(),
        args: splitWords(value),
      });
      break;
    case 'sh':
      c.steps.push({ kind: 'sh', text: `sh: ${value}`, command: value });
      break;
    case 'env':
      addEnv(c, value);
      break;
    case 'parallel':
      c.parallel.push(splitWords(value));
      break;
  }
}

function addEnv(c: Case, value: string): void {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`${c.id}: env needs NAME=value: ${value}`);
  c.env[value.slice(0, eq)] = value.slice(eq + 1);
}

// Splits the text into the Makefile and the `--- path` files after it.
function splitFiles(id: string, text: string): Map<string, string> {
  const files = new Map<string, string>();
  let current = 'Makefile';
  let lines: string[] = [];
  const flush = (): void => {
    files.set(current, lines.join(''));
  };
  for (const line of text.split(/(?<=\n)/)) {
    const match = FILE_HEADER.exec(line.replace(/\n$/, ''));
    if (!match) {
      lines.push(line);
      continue;
    }
    flush();
    current = checkedPath(id, match[1].trim());
    lines = [];
  }
  flush();
  return files;
}

function checkedPath(id: string, file: string): string {
  const normal = path.posix.normalize(file);
  if (path.posix.isAbsolute(normal) || normal.startsWith('..')) {
    throw new Error(`${id}: file path must stay inside the case: ${file}`);
  }
  return normal;
}
