import { unlinkSync } from 'node:fs';
import { Database, FileNode } from '../evaluate/database';
import { MakeState } from '../evaluate/state';
import {
  ImplicitMatch,
  ImplicitSearchHooks,
  findImplicitRule,
} from './implicit';

// What the Builder does with an implicit rule match beyond running its
// recipe: the files the chain makes on the way, the other targets of the
// rule, and deleting the intermediate files at the end, as GNU does.

/** The part of the Builder's record of a file that implicit rules use. */
export interface ChainFileState {
  implicit: ImplicitMatch | null;
  implicitSearched: boolean;
  /** Its recipe ran (or would have, under -n). */
  remade: boolean;
  status: string | null;
  /** Made on the way by a chain of implicit rules. */
  chainIntermediate?: boolean;
  /** Named as a goal: GNU never deletes those as intermediates. */
  isGoal?: boolean;
  /** The file whose multi-target pattern rule makes this one too. */
  alsoMadeBy?: FileNode | null;
}

/**
 * The implicit rule for a file without a recipe. A file that another
 * target's pattern rule has already made with the same run of a recipe
 * (`%.h %.c: %.y`) needs nothing more: it gets the match without a recipe.
 * Otherwise the search runs, and what it found is recorded for the files
 * the match names.
 */
export function implicitRuleFor(
  state: MakeState,
  node: FileNode,
  stateOf: (node: FileNode) => ChainFileState,
  hooks: ImplicitSearchHooks,
  name: string = node.name,
): ImplicitMatch | null {
  const maker = stateOf(node).alsoMadeBy;
  const made = maker ? stateOf(maker) : null;
  if (made?.remade && made.implicit) {
    node.isTarget = true;
    return { ...made.implicit, recipe: null, prerequisites: [] };
  }
  const match = findImplicitRule(state, node, hooks, name);
  if (match) recordMatch(state.database, node, match, stateOf);
  return match;
}

/**
 * Enters what a match says about other files, as GNU's pattern_search
 * does at its end: intermediate files become targets with their own match,
 * the prerequisites a terminal rule found get no search of their own, and
 * the rule's other targets learn who makes them.
 */
function recordMatch(
  database: Database,
  node: FileNode,
  match: ImplicitMatch,
  stateOf: (node: FileNode) => ChainFileState,
): void {
  if (match.precious) node.precious = true;
  for (const intermediate of match.intermediates) {
    // A file something else named is not deleted: GNU makes it secondary.
    const named = database.file(intermediate.name) !== undefined;
    const file = database.enter(intermediate.name);
    if (named) file.secondary = true;
    file.isTarget = true;
    file.intermediate = true;
    const fileState = stateOf(file);
    fileState.implicit = intermediate.match;
    fileState.implicitSearched = true;
    fileState.chainIntermediate = true;
    recordMatch(database, file, intermediate.match, stateOf);
  }
  for (const name of match.terminalPrerequisites) {
    stateOf(database.enter(name)).implicitSearched = true;
  }
  for (const name of match.alsoMake) {
    const other = database.enter(name);
    other.isTarget = true;
    stateOf(other).alsoMadeBy = node;
  }
}

/** How to delete intermediate files, from the Builder's switches. */
export interface DeletionContext {
  /** -n: name the files, delete none. */
  readonly justPrint: boolean;
  /** The name the file is found by, through vpath or not. */
  pathOf(node: FileNode): string;
  /** Reports a file that could not be deleted. */
  failed(name: string, reason: string): void;
}

/**
 * Deletes the intermediate files the build made, as GNU's
 * remove_intermediates does, and returns the names for the `rm` line. A
 * file is kept when it is secondary, precious or a goal, when nothing
 * tried to make it, and when it is already gone.
 */
export function deleteIntermediateFiles(
  state: MakeState,
  files: Iterable<[FileNode, ChainFileState]>,
  context: DeletionContext,
): string[] {
  if (allSecondary(state)) return [];
  const deletable: [FileNode, ChainFileState][] = [];
  for (const entry of files) {
    const [node, fileState] = entry;
    if (!node.intermediate && !fileState.chainIntermediate) continue;
    if (node.secondary || node.precious || node.phony) continue;
    if (fileState.isGoal) continue;
    if (!fileState.remade && fileState.status !== 'failed') continue;
    deletable.push(entry);
  }
  // Only these are put in order: hashing the name of every file of a large
  // build would cost more than the rest of its end.
  const removed: string[] = [];
  for (const [node] of inFileTableOrder(state, deletable)) {
    const name = context.pathOf(node);
    if (!context.justPrint) {
      try {
        unlinkSync(name);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue;
        context.failed(name, errorText(code, (error as Error).message));
      }
    }
    removed.push(name);
  }
  return removed;
}

/**
 * The files in the order GNU make walks its file table, which is the order
 * of its `rm` line: by hash slot, the table being 1024 slots until it
 * fills. Files that share a slot keep the order they were met in.
 */
export function inFileTableOrder<Value>(
  state: MakeState,
  files: Iterable<[FileNode, Value]>,
): [FileNode, Value][] {
  // GNU's table also holds its built-in suffix rules and the suffixes.
  const count = state.database.files.size + builtinFileCount;
  let size = 1024;
  while (count >= size - size / 16) size *= 2;
  const slotOf = (node: FileNode) => jhashString(node.name) & (size - 1);
  return [...files]
    .map((entry, order) => ({ entry, order, slot: slotOf(entry[0]) }))
    .sort((a, b) => a.slot - b.slot || a.order - b.order)
    .map(({ entry }) => entry);
}

const builtinFileCount = 120;

/**
 * GNU make's jhash_string (Bob Jenkins' lookup3, as GNU feeds it a string
 * up to its NUL four bytes at a time), on the Latin-1 bytes of `text`.
 */
export function jhashString(text: string): number {
  const bytes = Buffer.from(text, 'latin1');
  const byteAt = (i: number) => (i < bytes.length ? bytes[i]! : 0);

  // The bytes of the 4-byte block at `start` before any NUL, as a
  // little-endian number, and whether the block held the NUL.
  const block = (start: number): { value: number; last: boolean } => {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const byte = byteAt(start + i);
      if (byte === 0) return { value: value >>> 0, last: true };
      value |= byte << (8 * i);
    }
    return { value: value >>> 0, last: false };
  };
  const rotate = (v: number, n: number) => ((v << n) | (v >>> (32 - n))) >>> 0;

  let a = 0xdeadbeef;
  let b = a;
  let c = a;
  let offset = 0;
  for (;;) {
    let next = block(offset);
    a = (a + next.value) >>> 0;
    if (next.last) break;
    offset += 4;
    next = block(offset);
    b = (b + next.value) >>> 0;
    if (next.last) break;
    offset += 4;
    next = block(offset);
    c = (c + next.value) >>> 0;
    if (next.last) break;
    offset += 4;
    // jhash_mix
    a = ((a - c) >>> 0) ^ rotate(c, 4);
    c = (c + b) >>> 0;
    b = ((b - a) >>> 0) ^ rotate(a, 6);
    a = (a + c) >>> 0;
    c = ((c - b) >>> 0) ^ rotate(b, 8);
    b = (b + a) >>> 0;
    a = ((a - c) >>> 0) ^ rotate(c, 16);
    c = (c + b) >>> 0;
    b = ((b - a) >>> 0) ^ rotate(a, 19);
    a = (a + c) >>> 0;
    c = ((c - b) >>> 0) ^ rotate(b, 4);
    b = (b + a) >>> 0;
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
  }
  // jhash_final
  c = ((c ^ b) - rotate(b, 14)) >>> 0;
  a = ((a ^ c) - rotate(c, 11)) >>> 0;
  b = ((b ^ a) - rotate(a, 25)) >>> 0;
  c = ((c ^ b) - rotate(b, 16)) >>> 0;
  a = ((a ^ c) - rotate(c, 4)) >>> 0;
  b = ((b ^ a) - rotate(a, 14)) >>> 0;
  c = ((c ^ b) - rotate(b, 24)) >>> 0;
  return (c + offset) >>> 0;
}

/** `.SECONDARY:` without prerequisites keeps every file. */
function allSecondary(state: MakeState): boolean {
  const node = state.database.file('.SECONDARY');
  if (!node || !node.isTarget) return false;
  return node.rules.every((rule) => rule.prerequisites.length === 0);
}

/** The C library's words for the errors unlink gives, as GNU prints them. */
function errorText(code: string | undefined, fallback: string): string {
  const texts: Record<string, string> = {
    EACCES: 'Permission denied',
    EPERM: 'Operation not permitted',
    EISDIR: 'Is a directory',
    EBUSY: 'Device or resource busy',
    EROFS: 'Read-only file system',
    ENOTDIR: 'Not a directory',
  };
  return (code && texts[code]) || fallback;
}
