/**
 * `--debug` and `-d`. amake prints GNU make 4.3's `b` (basic) and `v`
 * (verbose) lines, and with `m` the same while makefiles are remade.
 * `-d` means every level, as in GNU, but amake does not say what GNU's
 * `i` (each pattern rule tried by implicit search) and `j` (each child
 * process started and reaped) would: `-d` prints the `b`, `v` and `m`
 * lines only, which are a subset of GNU's, in the same order.
 */

import { MakeError } from './errors';
import { Reporter } from './reporter';

/** The kinds of `--debug` output GNU make 4.3 knows. */
export interface DebugLevels {
  /** `b`: which targets are out of date and whether remaking worked. */
  readonly basic: boolean;
  /** `v`: every target considered, and why nothing was done. */
  readonly verbose: boolean;
  /** `i`: implicit rule search. amake prints none of it yet. */
  readonly implicit: boolean;
  /** `j`: child processes. amake prints none of it yet. */
  readonly jobs: boolean;
  /** `m`: the same, while makefiles are remade. */
  readonly makefiles: boolean;
}

/** A `--debug=` letter GNU make does not know: fatal, as in GNU make. */
export class DebugFlagError extends MakeError {}

/**
 * Reads the `--debug` flag lists (`-d` counts as `a`) as GNU's
 * decode_debug_flags does: each list is split at commas and blanks, and
 * only the first letter of each word counts, so `--debug=verbose` is `v`.
 * Throws DebugFlagError for an unknown letter.
 */
export function parseDebugFlags(lists: readonly string[]): DebugLevels {
  let basic = false;
  let verbose = false;
  let implicit = false;
  let jobs = false;
  let makefiles = false;
  for (const list of lists) {
    let start = 0;
    while (start < list.length) {
      switch (list[start]!.toLowerCase()) {
        case 'a':
          basic = verbose = implicit = jobs = makefiles = true;
          break;
        case 'b':
          basic = true;
          break;
        case 'i':
          basic = implicit = true;
          break;
        case 'j':
          jobs = true;
          break;
        case 'm':
          basic = makefiles = true;
          break;
        case 'n':
          basic = verbose = implicit = jobs = makefiles = false;
          break;
        case 'v':
          basic = verbose = true;
          break;
        default:
          // GNU quotes the rest of the list from the word it rejects.
          throw new DebugFlagError(
            `unknown debug level specification '${list.slice(start)}'`,
          );
      }
      const separator = list.slice(start + 1).search(/[, ]/);
      if (separator < 0) break;
      start += separator + 2;
    }
  }
  return { basic, verbose, implicit, jobs, makefiles };
}

/**
 * Writes `--debug` lines to standard output, indented by the depth of the
 * target in the goal's prerequisite tree the way GNU indents them: one
 * space per level, two levels per prerequisite.
 */
export class DebugLog {
  constructor(
    private readonly reporter: Reporter,
    readonly levels: DebugLevels,
  ) {}

  get enabled(): boolean {
    return this.levels.basic || this.levels.verbose;
  }

  /** A line of `--debug=b`. */
  basic(depth: number, text: string): void {
    if (this.levels.basic) this.write(depth, text);
  }

  /** A line of `--debug=v`. */
  verbose(depth: number, text: string): void {
    if (this.levels.verbose) this.write(depth, text);
  }

  private write(depth: number, text: string): void {
    this.reporter.out(`${' '.repeat(depth)}${text}\n`);
  }
}
