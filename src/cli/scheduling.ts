import { Schedule } from '../graph/remake';
import { MakeError } from '../report/errors';
import { OrderedReporter } from '../report/ordered_output';
import { Diagnostics } from '../report/reporter';
import {
  Jobserver,
  JobserverUnavailable,
  createJobserver,
  joinJobserver,
} from '../schedule/jobserver';
import { JobSlots } from '../schedule/slots';
import { Options } from './options';

const OUTPUT_MODES = ['none', 'line', 'target', 'recurse'] as const;

/**
 * The jobserver of a sub-make, joined as it starts so that MAKEFLAGS names
 * it while the makefiles are read. A parent that did not pass its pipe on
 * (the command was not marked recursive) leaves amake to run serially,
 * with GNU's warning.
 */
export function joinParentJobserver(
  options: Options,
  diagnostics: Diagnostics,
  jobsForced: boolean,
): Jobserver | null {
  const auth = options.jobserverAuth;
  if (auth === null) return null;
  if (jobsForced) {
    // Its own -j: it serves its own jobserver, if any.
    diagnostics.warning(
      null,
      `warning: -j${options.jobs} forced in submake: resetting jobserver mode.`,
    );
    options.jobserverAuth = null;
    return null;
  }
  try {
    return joinJobserver(auth);
  } catch (error) {
    if (!(error instanceof JobserverUnavailable)) {
      throw new MakeError((error as Error).message);
    }
    diagnostics.warning(
      null,
      "warning: jobserver unavailable: using -j1.  Add '+' to parent make rule.",
    );
    options.jobserverAuth = null;
    options.jobs = 1;
    return null;
  }
}

/**
 * How the goals are built, once the makefiles are read: serially, or in
 * parallel with a jobserver for sub-makes, the top make creating it.
 * Returns null for a serial build.
 */
export function planSchedule(
  options: Options,
  joined: Jobserver | null,
  ordered: OrderedReporter,
): { schedule: Schedule | null; jobserver: Jobserver | null } {
  const output = outputMode(options.outputSync);
  // `-j` alone: no limit, and no jobserver, as in GNU make.
  const jobs = options.jobs === 0 ? Infinity : (options.jobs ?? 1);
  let jobserver = joined;
  if (!jobserver && jobs > 1 && jobs !== Infinity) {
    const style = options.jobserverStyle === 'fifo' ? 'fifo' : 'pipe';
    jobserver = createJobserver(jobs, style);
    options.jobserverAuth = jobserver.auth;
  }
  // A sub-make of a parallel build takes what the jobserver gives it.
  const limit = joined ? Infinity : jobs;
  if (limit === 1) return { schedule: null, jobserver };
  const serialOrder = output === 'serial';
  if (serialOrder) ordered.activate();
  return {
    schedule: {
      slots: new JobSlots(limit, jobserver, options.loadAverage),
      output,
      ordered: serialOrder ? ordered : null,
      jobserverFds: jobserver?.childFds ?? null,
    },
    jobserver,
  };
}

/** `-O`: GNU's modes; without it, amake's serial order. */
export function outputMode(value: string | null): Schedule['output'] {
  if (value === null) return 'serial';
  const mode = OUTPUT_MODES.find((name) => name === value);
  if (!mode) throw new MakeError(`unknown output-sync type '${value}'`);
  return mode === 'none' ? 'direct' : mode;
}
