import { unlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { Location, formatLocation } from '../parse/location';
import { DebugLog } from '../report/debug_log';
import { MakeError } from '../report/errors';
import { FileBuildReport, ReportedTime } from '../report/print_database';
import { Diagnostics } from '../report/reporter';
import {
  ExplicitRule,
  FileNode,
  Prerequisite,
  Recipe,
} from '../evaluate/database';
import { withoutLeadingDotSlash } from '../evaluate/filenames';
import { MakeState } from '../evaluate/state';
import { systemErrorText } from '../evaluate/functions';
import { words } from '../evaluate/text';
import { VariableScope, VariableSet, newVariable } from '../evaluate/variables';
import { AsyncLocalStorage } from 'node:async_hooks';
import { isBourneShell } from '../execute/command_argv';
import { Command, Executor, Job, JobListener } from '../execute/job';
import { OrderedReporter, Segment } from '../report/ordered_output';
import { HeldOutput } from '../report/held_output';
import { Reporter, writeBytes } from '../report/reporter';
import { BuildProgress } from '../report/status';
import { JobSlots } from '../schedule/slots';
import {
  FileTime,
  FileTimes,
  filesMayHaveChanged,
  missing,
  newest,
  secondsInFuture,
} from './filetime';
import { ImplicitMatch } from './implicit';
import { deleteIntermediateFiles, implicitRuleFor } from './intermediate';
import { parseArchiveMember, touchArchiveMember } from './archive';
import { findInVpath, findLibrary, isInGpath } from './vpath';
import { patternScopes } from './scopes';

/** Command-line switches that change how targets are brought up to date. */
export interface BuildOptions {
  readonly justPrint: boolean; // -n
  readonly touch: boolean; // -t
  readonly question: boolean; // -q
  readonly keepGoing: boolean; // -k
  readonly ignoreErrors: boolean; // -i
  readonly silent: boolean; // -s
  readonly alwaysMake: boolean; // -B
  readonly oldFiles: ReadonlySet<string>; // -o
  readonly newFiles: ReadonlySet<string>; // -W
  readonly checkSymlinkTimes?: boolean; // -L
  /** --trace: say why each recipe runs, and echo all its commands. */
  readonly trace?: boolean;
  /** --debug: where the b and v levels write their lines. */
  readonly debug?: DebugLog;
  /** -p: keep what report() tells of each file. */
  readonly printDatabase?: boolean;
  /** Told of every job, for a progress display. */
  readonly progress?: BuildProgress;
  /** `--job-timeout=SECONDS`: the longest a job may run. */
  readonly jobTimeout?: number;
}

type Status = 'succeeded' | 'failed' | 'question';

/** What a job is told besides its commands: pragmas, prerequisites. */
interface JobDetails {
  /** `#pragma runlocal`: on the build host, never on a remote worker. */
  readonly runLocal: boolean;
  /** `#pragma nocache`: never from, nor into, a remote action cache. */
  readonly noCache: boolean;
  /** The files its target depends on directly, order-only ones too. */
  readonly prerequisites: readonly string[];
}

/** How long an interrupted job has to end before it gets KILL, in ms. */
const INTERRUPT_GRACE_MS = 5000;

/**
 * How jobs are scheduled and their output printed. Without one, a build is
 * serial: each job is awaited before the traversal goes on, as `-j1`.
 */
export interface Schedule {
  /** When a job may start: `-j`, `-l` and the jobserver. */
  readonly slots: JobSlots;
  /**
   * Where the jobs' output goes. `direct`: straight to amake's streams as
   * it comes (`-O none`). `serial`: in serial order, through `ordered`.
   * `line`, `target`, `recurse`: GNU's `-O` modes, a job's output printed
   * whole after each of its commands or when it ends.
   */
  readonly output: 'direct' | 'serial' | 'line' | 'target' | 'recurse';
  /** The reporter that puts output in serial order, for `serial`. */
  readonly ordered: OrderedReporter | null;
  /** The jobserver's descriptors, for sub-makes. */
  readonly jobserverFds: readonly number[] | null;
  /**
   * Under `-O` in a make that says where it works, the lines that enclose
   * each piece of output printed whole, as GNU make encloses them.
   */
  directoryLines?: { readonly entering: string; readonly leaving: string };
}

/** One step of the path from a goal to the file being visited. */
interface PathStep {
  readonly node: FileNode;
  readonly up: PathStep | null;
}

/** A prerequisite as the parallel walk started it. */
type Started =
  | { readonly kind: 'circular' }
  | { readonly kind: 'intermediate' }
  | {
      readonly kind: 'update';
      readonly timeBefore: FileTime;
      readonly status: Promise<Status>;
    };

/** Where a job's echoed commands and output are written. */
interface JobOutput {
  readonly reporter: Reporter;
  /** The job's output is read by amake, not left to the job's streams. */
  readonly captured: boolean;
  /** After each command ends. */
  readonly commandEnded?: () => void;
  /** After the job ends. */
  readonly end?: () => void;
  /**
   * Resolves once everything serially before the job is printed, and so
   * every serially earlier job is done; absent, the job's turn is now.
   */
  readonly turn?: () => Promise<void>;
}

/** The start of a job's output, kept to be shown again. */
class KeptText {
  private static readonly LIMIT = 1 << 16;
  private readonly pieces: Uint8Array[] = [];
  private size = 0;

  add(data: Uint8Array): void {
    if (this.size >= KeptText.LIMIT) return;
    this.pieces.push(data);
    this.size += data.length;
  }

  text(): string {
    return Buffer.concat(this.pieces).toString();
  }
}

/** What the build learns of one file while it runs. */
interface FileState {
  status: Status | null;
  visiting: boolean;
  /** Its recipe ran (or would have, under -n). */
  remade: boolean;
  implicit: ImplicitMatch | null;
  implicitSearched: boolean;
  /** The name found through vpath, if it was found there. */
  foundAs: string | null;
  /** vpath was searched for it, as GNU does when it first needs its time. */
  vpathSearched?: boolean;
  /** The name vpath found was dropped when it was remade: for good. */
  vpathIgnored?: boolean;
  /**
   * vpath found it in a GPATH directory: the name found is its name for
   * good, even if it is remade, as with GNU's rename_file.
   */
  vpathKept?: boolean;
  /**
   * The file of the name vpath found, when the makefiles mention that one:
   * GNU merges the two, and this one stands for that one from then on.
   */
  sameAs?: FileNode;
  /** Variables as seen from this file while it is built. */
  scope: VariableScope | null;
  /** Made on the way by a chain of implicit rules. */
  chainIntermediate?: boolean;
  /** Named as a goal: never deleted as an intermediate file. */
  isGoal?: boolean;
  /** The file whose multi-target pattern rule makes this one too. */
  alsoMadeBy?: FileNode | null;
  /** The file that last asked for this one, as GNU's `parent`. */
  parent?: FileNode | null;
  /** In a parallel build, the visit under way. */
  pending?: Promise<Status>;
  /** Its depth in the goal's tree, for the indentation of --debug. */
  depth?: number;
  /** The automatic variables its recipe ran with (or would have). */
  automatic?: VariableSet;
  /** It failed while an `-include`d makefile was remade, unreported. */
  failedQuietly?: boolean;
  /** GNU gave it a variable set: for -p. */
  hasVariableSet?: boolean;
  /** Its modification time was looked at while it was considered. */
  timeChecked?: boolean;
  /** -t touched it instead of running its recipe. */
  touched?: boolean;
}

/**
 * Brings goals up to date with GNU make's algorithm: prerequisites first,
 * then the target's recipe when it is missing, phony or older than one of
 * its prerequisites.
 */
export class Builder {
  private readonly states = new Map<FileNode, FileState>();
  /** Files carryOver took from the makefiles' builder, and that builder. */
  private readonly carried = new Map<FileNode, Builder>();
  /** The file fileState last answered for, and its state. */
  private lastFile: FileNode | null = null;
  private lastFileState: FileState | null = null;
  /** Double-colon rules another target of their group has run. */
  private readonly madeByGroup = new Map<ExplicitRule, Status>();
  private readonly times: FileTimes;
  private serial = 0;
  /** Commands were started since the current goal began. */
  private commandsStarted = 0;
  private stopped = false;
  private debugLog: DebugLog | null = null;
  /**
   * Whether prerequisites are visited without waiting for each: there is a
   * schedule that runs jobs in parallel, and no `.NOTPARALLEL`.
   */
  private readonly parallel: boolean;
  /** The path from a goal to the visit the running code belongs to. */
  private readonly path = new AsyncLocalStorage<PathStep>();
  /** Visits started in a parallel build, which the end waits for. */
  private readonly inFlight = new Set<Promise<Status>>();
  /** The first fatal error of a parallel build, thrown once jobs end. */
  private fatal: { error: unknown } | null = null;
  /** Targets whose rule has `#pragma keepdaemons`. */
  private readonly keepingDaemons = new Set<FileNode>();
  private keepsDaemons: boolean | null = null;

  /**
   * Whether a rule keeps daemons for later jobs: then every job keeps
   * amake's SysV IPC namespace, where the daemons' queues are.
   */
  private buildKeepsDaemons(): boolean {
    this.keepsDaemons ??= [...this.state.database.files.values()].some((file) =>
      file.rules.some((rule) => rule.keepDaemons),
    );
    return this.keepsDaemons;
  }

  /** For each `#pragma allserial` makefile, the end of its last job. */
  private readonly turns = new Map<string, Promise<void>>();
  /** In parallel, how many recipes each goal started. */
  private readonly commandsByGoal = new Map<FileNode, number>();
  /** Files a running job makes besides its target: they wait for it. */
  private readonly madeByRunningJob = new Map<FileNode, Promise<Status>>();
  /** The jobs running now and the times their targets had before. */
  private readonly running = new Map<
    FileNode,
    { readonly timeBefore: FileTime; readonly job: Job }
  >();

  constructor(
    private readonly state: MakeState,
    private readonly options: BuildOptions,
    private readonly executor: Executor,
    private readonly diagnostics: Diagnostics,
    /**
     * Remaking makefiles: a makefile nothing can make is not an error
     * here (the caller decides), and nothing is reported as up to date.
     */
    private readonly makefileMode = false,
    private readonly schedule: Schedule | null = null,
  ) {
    this.times = new FileTimes(
      options.checkSymlinkTimes ?? false,
      (name, seconds) =>
        this.diagnostics.warning(
          null,
          `Warning: File '${name}' has modification time ${secondsInFuture(seconds)} s in the future`,
        ),
    );
    this.parallel =
      schedule !== null && !state.database.file('.NOTPARALLEL')?.isTarget;
    const debug = options.debug;
    if (debug && (!makefileMode || debug.levels.makefiles)) {
      this.debugLog = debug;
    }
  }

  /**
   * Brings the makefiles up to date before the goals, as GNU make does.
   * Returns the names that were remade and those that failed.
   */
  async remakeMakefiles(
    names: string[],
  ): Promise<{ remade: string[]; failed: string[] }> {
    const remade: string[] = [];
    const failed: string[] = [];
    const start = (name: string) => {
      const node = this.state.database.enter(name);
      // A double-colon rule without prerequisites would remake it forever.
      if (
        node.isDoubleColon &&
        node.rules.every((r) => !r.prerequisites.length)
      ) {
        return null;
      }
      // GNU reads a makefile's time before updating it, without vpath,
      // and so never looks for the makefile itself through vpath.
      this.fileState(node).vpathSearched = true;
      const before = this.timeOf(node);
      // Serially it is the makefile being remade until it is done.
      this.currentMakefile = name;
      return { node, before, status: this.update(node, null) };
    };
    // In parallel every makefile is started at once.
    const starts = this.parallel ? names.map(start) : [];
    for (const [index, name] of names.entries()) {
      const started = this.parallel ? starts[index] : start(name);
      if (!started) continue;
      const { node, before } = started;
      const status = await started.status;
      this.currentMakefile = null;
      if (status === 'failed') {
        failed.push(name);
        // A makefile that must exist and cannot be made ends the remaking,
        // unless -k.
        const required = !this.quietFailures.has(name);
        if (required && before === missing && !this.options.keepGoing) break;
        continue;
      }
      this.times.forget(this.pathOf(node));
      const after = this.timeOf(node);
      if (
        this.fileState(node).remade &&
        after !== missing &&
        after !== before
      ) {
        remade.push(name);
      }
    }
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    if (this.fatal) throw this.fatal.error;
    return { remade, failed };
  }

  /**
   * Takes over the files `makefiles` brought up to date while it remade
   * the makefiles: GNU updates a file once a run, so what was remade then
   * (a generated file an included makefile needs, on a FORCE rule) is not
   * remade again for the goals. -p still asks `makefiles` about them.
   */
  carryOver(makefiles: Builder): void {
    for (const [node, fileState] of makefiles.states) {
      if (fileState.status !== 'succeeded' || this.states.has(node)) continue;
      this.states.set(node, {
        ...fileState,
        visiting: false,
        pending: undefined,
      });
      this.carried.set(node, makefiles);
    }
    this.lastFile = null;
    this.lastFileState = null;
  }

  /**
   * Updates each goal in order; returns make's exit status. In parallel
   * all goals are started at once, each in its place in the serial order.
   */
  async build(goals: string[]): Promise<number> {
    let failed = false;
    let question = false;
    const starts = this.parallel
      ? goals.map((goal) => this.startGoal(goal))
      : [];
    for (const [index, goal] of goals.entries()) {
      const start = starts[index] ?? this.startGoal(goal);
      const status = await start.status;
      const node = start.node;
      const ended = this.inSegment(start.segment, () => {
        // GNU walks a double-colon goal's rules again, finding each done.
        for (let i = 1; i < node.rules.length && node.isDoubleColon; i++) {
          this.debugLog?.verbose(0, `Pruning file '${node.name}'.`);
        }
        if (status === 'failed') {
          failed = true;
          return !this.options.keepGoing;
        }
        if (status === 'question') question = true;
        if (this.stopped) return true;
        if (
          start.commandsStarted() === 0 &&
          !this.options.question &&
          status === 'succeeded'
        ) {
          this.reportNothingToDo(node);
        }
        return false;
      });
      start.segment?.close();
      if (ended) break;
    }
    // Jobs started before a failure stopped the build run to their end.
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    if (this.fatal) throw this.fatal.error;
    this.deleteIntermediates();
    if (failed) return 2;
    return question ? 1 : 0;
  }

  /** Starts updating a goal; in parallel, in a segment of its own. */
  private startGoal(goal: string): {
    node: FileNode;
    status: Promise<Status>;
    segment: Segment | null;
    commandsStarted: () => number;
  } {
    const node = this.state.database.enter(goal);
    const before = this.commandsStarted;
    const ordered = this.parallel ? this.schedule!.ordered : null;
    const segment = ordered?.segment().child() ?? null;
    const status = this.inSegment(segment, () => this.update(node, null));
    return {
      node,
      status,
      segment,
      commandsStarted: () =>
        this.parallel
          ? (this.commandsByGoal.get(node) ?? 0)
          : this.commandsStarted - before,
    };
  }

  private inSegment<T>(segment: Segment | null, body: () => T): T {
    if (!segment) return body();
    return this.schedule!.ordered!.within(segment, body);
  }

  /** A recipe started: for "Nothing to be done", per goal in parallel. */
  private noteCommandsStarted(): void {
    this.commandsStarted++;
    if (!this.parallel) return;
    let step = this.path.getStore();
    while (step?.up) step = step.up;
    if (step) {
      this.commandsByGoal.set(
        step.node,
        (this.commandsByGoal.get(step.node) ?? 0) + 1,
      );
    }
  }

  /** What the build learned of `node`, for -p; null if nothing. */
  report(node: FileNode): FileBuildReport | null {
    const carriedFrom = this.carried.get(node);
    if (carriedFrom) return carriedFrom.report(node);
    // A file another one's rule made too was updated with it.
    const maker = this.makerOf(node);
    const fileState = this.states.get(node);
    const time = this.reportedTime(node, maker);
    // GNU takes a file named by -o as updated from the start.
    const old = this.options.oldFiles.has(node.name) ? 'succeeded' : null;
    if (!fileState) {
      return time.kind === 'unchecked' && !maker
        ? null
        : { ...unvisited, time, status: maker?.status ?? old };
    }

    // GNU lends the .DEFAULT recipe to every file it had no rule for.
    const explicitRecipe = node.rules.some((rule) => rule.recipe !== null);
    let recipe = fileState.implicit?.recipe ?? null;
    if (fileState.timeChecked && !explicitRecipe && !recipe && !node.isTarget) {
      recipe = this.defaultRecipe();
    }
    // When a failure stops the build, the targets waiting for the failed
    // one are left as they were: not updated.
    const interrupted =
      this.stopped && fileState.status === 'failed' && !fileState.automatic;
    return {
      implicitSearched: fileState.implicitSearched,
      status: interrupted ? null : (fileState.status ?? maker?.status ?? old),
      time,
      stem:
        fileState.implicit?.stem ??
        fileState.automatic?.get('*')?.value ??
        null,
      recipe,
      implicitRule: !!fileState.implicit,
      implicitPrerequisites: fileState.implicit?.prerequisites ?? [],
      alsoMake: fileState.implicit?.alsoMake ?? [],
      automatic: fileState.automatic ?? null,
      hasVariableSet: fileState.hasVariableSet ?? false,
      foundAs: fileState.remade ? null : fileState.foundAs,
    };
  }

  /** The state of the file whose rule also made `node`, if one did. */
  private makerOf(node: FileNode): FileState | null {
    const own = this.states.get(node);
    // -t touches the target alone.
    if (own?.status || this.options.touch) return null;
    const alsoMadeBy = own?.alsoMadeBy;
    if (alsoMadeBy) return this.states.get(alsoMadeBy) ?? null;
    const group = node.rules.find((rule) => rule.group)?.group ?? [];
    for (const name of group) {
      const member = this.state.database.file(name);
      const memberState = member && this.states.get(member);
      if (memberState?.status) return memberState;
    }
    return null;
  }

  /** The time -p shows: as GNU last saw it, or as it left it. */
  private reportedTime(node: FileNode, maker: FileState | null): ReportedTime {
    const fileState = this.states.get(node);
    const name = node.name;
    const visited =
      !!maker ||
      (!!fileState && (fileState.status !== null || !!fileState.timeChecked));
    if (this.options.oldFiles.has(name)) return { kind: 'old' };
    if (this.options.newFiles.has(name)) return { kind: 'new' };
    if (!visited) return { kind: 'unchecked' };
    if (this.stopped && fileState?.status === 'failed' && fileState.automatic) {
      // GNU stops at the failed recipe without looking at the file again.
      return { kind: 'unchecked' };
    }
    // GNU looks again at the files a rule makes together, the target
    // itself included when the rule is a grouped one.
    const grouped = node.rules.some((rule) => rule.group);
    const ran =
      !maker && ((!grouped && fileState?.automatic) || fileState?.touched);
    if (ran && !node.phony && (this.options.justPrint || this.options.touch)) {
      // A recipe ran, or would have: GNU does not look at the file again.
      return { kind: 'new' };
    }
    this.times.forget(this.pathOf(node));
    const stamp = node.phony ? missing : this.timeOf(node);
    return stamp === missing
      ? { kind: 'missing' }
      : { kind: 'time', nanoseconds: stamp };
  }

  private reportNothingToDo(node: FileNode): void {
    if (this.runSilent() || this.makefileMode) return;
    const hasRecipe = this.recipeOf(node) !== null;
    const text =
      node.phony || !hasRecipe
        ? `Nothing to be done for '${node.name}'.`
        : `'${node.name}' is up to date.`;
    this.diagnostics.reporter.out(`${this.diagnostics.program}: ${text}\n`);
  }

  private fileState(node: FileNode): FileState {
    // Most calls ask about the file the last one did: spare them the table.
    if (node === this.lastFile) return this.lastFileState!;
    let fileState = this.states.get(node);
    if (!fileState) {
      fileState = {
        status: null,
        visiting: false,
        remade: false,
        implicit: null,
        implicitSearched: false,
        foundAs: null,
        scope: null,
      };
      this.states.set(node, fileState);
    }
    this.lastFile = node;
    this.lastFileState = fileState;
    return fileState;
  }

  /** The name the file is found by: its own, or one vpath found. */
  private pathOf(node: FileNode): string {
    const fileState = this.fileState(node);
    if (fileState.sameAs) return this.pathOf(fileState.sameAs);
    return fileState.foundAs ?? node.name;
  }

  private timeOf(node: FileNode): FileTime {
    this.searchVpath(node);
    if (this.options.oldFiles.has(node.name)) {
      const time = this.times.get(this.pathOf(node));
      return time === missing ? missing : 0n;
    }
    // -W names the file as found, through vpath or not.
    const path = this.pathOf(node);
    const newFiles = this.options.newFiles;
    // `./` is no part of a name, as in GNU make's file table.
    if (
      newFiles.has(node.name) ||
      newFiles.has(path) ||
      newFiles.has(withoutLeadingDotSlash(path))
    ) {
      return newest;
    }
    return this.times.get(path);
  }

  /**
   * The time a target is compared with its prerequisites by. An archive
   * member's date has whole seconds only, so, as in GNU make, it stands
   * for the end of its second: a prerequisite changed within that second
   * is not newer.
   */
  private targetTimeOf(node: FileNode): FileTime {
    const time = this.timeOf(node);
    if (time === missing || time === 0n || time === newest) return time;
    if (!parseArchiveMember(this.pathOf(node))) return time;
    const second = 1_000_000_000n;
    return time - (time % second) + second - 1n;
  }

  /** The recipe the file is made by, explicit or found by implicit search. */
  private recipeOf(node: FileNode): Recipe | null {
    const rule = node.rules.find((r) => r.recipe !== null);
    if (rule) return rule.recipe;
    return this.fileState(node).implicit?.recipe ?? null;
  }

  private update(node: FileNode, parent: FileNode | null): Promise<Status> {
    // vpath may find it to be another file the makefiles name.
    this.searchVpath(node);
    const same = this.fileState(node).sameAs;
    if (same) return this.update(same, parent);
    const fileState = this.fileState(node);
    if (parent) fileState.parent = parent;
    // GNU starts the makefiles one level in.
    const top = this.makefileMode ? 1 : 0;
    const depth = parent ? (this.fileState(parent).depth ?? top) + 2 : top;
    // A failure nobody was told of, for an `-include`d makefile, is tried
    // again, and told, when something that matters needs the file.
    if (fileState.failedQuietly && !this.inOptionalMakefile()) {
      fileState.status = null;
      fileState.failedQuietly = false;
    }
    if (fileState.status !== null) {
      this.debugLog?.verbose(depth, `Pruning file '${node.name}'.`);
      return Promise.resolve(fileState.status);
    }
    // Another target of the same recipe is on its way: wait for it, then
    // look again, as then this one is made too.
    const sibling = this.parallel ? this.siblingUnderWay(node) : null;
    if (sibling) return sibling.then(() => this.update(node, parent));
    const maker = this.madeByRunningJob.get(node);
    if (maker) {
      return maker.then((status) => {
        this.times.forget(this.pathOf(node));
        fileState.remade = true;
        return status;
      });
    }
    if (fileState.visiting) {
      // Under way elsewhere in a parallel build: wait for it. On the path
      // to here, it is a circle: the caller drops the dependency with
      // GNU's warning.
      if (fileState.pending && !this.onPath(node)) return fileState.pending;
      return Promise.resolve('succeeded');
    }
    fileState.visiting = true;
    fileState.depth = depth;
    if (parent && !fileState.scope) {
      fileState.scope = this.buildScope(node, this.scopeFor(parent));
    }
    if (!this.parallel) return this.visit(node, parent, fileState);

    // In parallel, the visit writes in a place of its own in the serial
    // order, and carries the path to it for finding circles.
    const step: PathStep = { node, up: this.path.getStore() ?? null };
    const ordered = this.schedule?.ordered ?? null;
    const segment = ordered?.segment().child() ?? null;
    const visit = (): Promise<Status> =>
      this.path.run(step, () => this.visit(node, parent, fileState));
    const pending = (segment ? ordered!.within(segment, visit) : visit())
      .catch((error: unknown) => {
        // A fatal error ends the build once the running jobs have ended.
        this.fatal ??= { error };
        this.stopped = true;
        fileState.status = 'failed';
        return 'failed' as const;
      })
      .finally(() => {
        segment?.close();
        this.inFlight.delete(pending);
      });
    fileState.pending = pending;
    this.inFlight.add(pending);
    return pending;
  }

  /**
   * The visit under way of a file that one run of a recipe makes with
   * `node`: the target whose pattern rule names it too, or another target
   * of its grouped rule. Null if there is none, or it waits for `node`.
   */
  private siblingUnderWay(node: FileNode): Promise<Status> | null {
    if (this.fileState(node).visiting) return null;
    const candidates: FileNode[] = [];
    const maker = this.fileState(node).alsoMadeBy;
    if (maker) candidates.push(maker);
    for (const name of node.rules[0]?.group ?? []) {
      if (name !== node.name) candidates.push(this.state.database.enter(name));
    }
    for (const other of candidates) {
      const otherState = this.fileState(other);
      if (otherState.status !== null || !otherState.visiting) continue;
      if (!otherState.pending || this.onPath(other)) continue;
      return otherState.pending;
    }
    return null;
  }

  /** Whether `node` is on the path from a goal to the current visit. */
  private onPath(node: FileNode): boolean {
    let step: PathStep | null | undefined = this.path.getStore();
    for (; step; step = step.up) {
      if (step.node === node) return true;
    }
    return false;
  }

  /** A dependency on a file being visited on the way here is a circle. */
  private isCircular(node: FileNode): boolean {
    if (!this.fileState(node).visiting) return false;
    return !this.parallel || this.onPath(node);
  }

  private async visit(
    node: FileNode,
    parent: FileNode | null,
    fileState: FileState,
  ): Promise<Status> {
    try {
      const status = await this.updateFile(node, parent, fileState);
      fileState.status = status;
      if (status === 'failed' && this.inOptionalMakefile()) {
        fileState.failedQuietly = true;
      }
      return status;
    } finally {
      fileState.visiting = false;
    }
  }

  private async updateFile(
    node: FileNode,
    parent: FileNode | null,
    fileState: FileState,
  ): Promise<Status> {
    if (node.isDoubleColon) {
      return this.updateDoubleColon(node, parent, fileState);
    }
    if (parent === null) fileState.isGoal = true;
    const plan = this.planFor(node, fileState);
    return this.updateWithRule(
      node,
      parent,
      fileState,
      plan.prerequisites,
      plan.recipe,
      plan.rule,
    );
  }

  /**
   * How a file is made: its explicit rule, or else the implicit rule found
   * for it, with the prerequisites either brings.
   */
  private planFor(
    node: FileNode,
    fileState: FileState,
  ): {
    rule: ExplicitRule | null;
    recipe: Recipe | null;
    prerequisites: Prerequisite[];
  } {
    const rule = node.rules[0] ?? null;

    // Without an explicit recipe, look for an implicit rule. As in GNU
    // make, vpath is searched first: a name found in a GPATH directory is
    // the file's name from then on, and the rule is searched for that.
    const explicitRecipe = rule?.recipe ?? null;
    this.searchVpath(node);
    if (!explicitRecipe && !node.phony && !fileState.implicitSearched) {
      fileState.implicitSearched = true;
      fileState.implicit = implicitRuleFor(
        this.state,
        node,
        (file) => this.fileState(file),
        {
          // The search asks only about names no file of the makefiles
          // has: those it takes as ought-to-exist first.
          exists: (name) => this.times.exists(name),
          scopeFor: (name) => {
            const file = this.state.database.file(name);
            return file ? this.scopeFor(file) : undefined;
          },
        },
        fileState.vpathKept ? this.pathOf(node) : node.name,
      );
    }

    // GNU puts the pattern rule's prerequisites before the explicit ones.
    const prerequisites = [
      ...(fileState.implicit?.prerequisites ?? []),
      ...(rule?.prerequisites ?? []),
    ];
    const recipe = explicitRecipe ?? fileState.implicit?.recipe ?? null;
    return { rule, recipe, prerequisites };
  }

  /**
   * Starts the visit of each prerequisite, in order, without waiting for
   * any: each goes as far as it can, starting jobs, before the next one is
   * started. Circles are reported here, in the order a serial walk finds
   * them; intermediate files are left for the walk to check.
   */
  private startAll(
    node: FileNode,
    walked: Prerequisite[],
    from: number,
    to: number,
  ): Started[] {
    return walked.slice(from, to).map((prerequisite): Started => {
      const dependency = this.fileFor(prerequisite.name);
      if (this.isCircular(dependency)) {
        this.reportCircular(node, dependency);
        return { kind: 'circular' };
      }
      if (this.isPendingIntermediate(dependency)) {
        return { kind: 'intermediate' };
      }
      const timeBefore = this.timeOf(dependency);
      return {
        kind: 'update',
        timeBefore,
        status: this.update(dependency, node),
      };
    });
  }

  /**
   * An intermediate file not yet made is not made just because it is
   * missing: as GNU's check_dep does, amake looks through it at its own
   * prerequisites, and the target needs remaking only when the file exists
   * and is newer, or one of those is newer than the target.
   */
  private checkIntermediate(
    file: FileNode,
    targetTime: FileTime,
    parent: FileNode,
  ): Promise<{ status: Status; mustMake: boolean }> {
    if (!this.parallel) return this.checkThrough(file, targetTime, parent);
    // In parallel, what it visits sees it on the path.
    const step: PathStep = { node: file, up: this.path.getStore() ?? null };
    return this.path.run(step, () =>
      this.checkThrough(file, targetTime, parent),
    );
  }

  private async checkThrough(
    file: FileNode,
    targetTime: FileTime,
    parent: FileNode,
  ): Promise<{ status: Status; mustMake: boolean }> {
    const fileState = this.fileState(file);
    // It inherits the variables of the target it is checked for.
    fileState.scope ??= this.buildScope(file, this.scopeFor(parent));
    const plan = this.planFor(file, fileState);
    const time = this.timeOf(file);
    if (time !== missing && time > targetTime) {
      return { status: 'succeeded', mustMake: true };
    }
    let mustMake = false;
    fileState.visiting = true;
    try {
      for (const prerequisite of plan.prerequisites) {
        const dependency = this.fileFor(prerequisite.name);
        if (this.isCircular(dependency)) {
          this.reportCircular(file, dependency);
          continue;
        }
        if (this.isPendingIntermediate(dependency)) {
          const inner = await this.checkIntermediate(
            dependency,
            targetTime,
            file,
          );
          if (inner.status !== 'succeeded') return inner;
          if (!prerequisite.orderOnly) mustMake ||= inner.mustMake;
          continue;
        }
        const status = await this.update(dependency, file);
        if (status !== 'succeeded') return { status, mustMake };
        const dependencyTime = this.timeOf(dependency);
        if (prerequisite.orderOnly) continue;
        if (dependencyTime === missing || dependencyTime > targetTime) {
          mustMake = true;
        }
      }
    } finally {
      fileState.visiting = false;
    }
    return { status: 'succeeded', mustMake };
  }

  /** An intermediate file that nothing has brought up to date yet. */
  private isPendingIntermediate(node: FileNode): boolean {
    if (!node.intermediate || node.phony) return false;
    const fileState = this.fileState(node);
    return fileState.status === null && !fileState.visiting;
  }

  private reportCircular(node: FileNode, dependency: FileNode): void {
    this.diagnostics.reporter.err(
      `${this.diagnostics.program}: Circular ${node.name} <- ${dependency.name} dependency dropped.\n`,
    );
  }

  private async updateDoubleColon(
    node: FileNode,
    parent: FileNode | null,
    fileState: FileState,
  ): Promise<Status> {
    let result: Status = 'succeeded';
    // Every rule is judged by the time the file had before any of them
    // ran: one rule's recipe does not make the next one's unnecessary.
    const timeBefore = this.timeOf(node);
    let latest = timeBefore;
    for (const rule of node.rules) {
      this.times.set(this.pathOf(node), timeBefore);
      // Another target of its group may have run this rule's recipe.
      const status =
        this.madeByGroup.get(rule) ??
        (await this.updateWithRule(
          node,
          parent,
          fileState,
          rule.prerequisites,
          rule.recipe,
          rule,
        ));
      // What depends on the file sees the newest time any rule left.
      const time = this.timeOf(node);
      if (time > latest) latest = time;
      if (status !== 'succeeded') {
        result = status;
        // With -k each rule is tried, as GNU updates each double-colon
        // entry of a file on its own.
        if (status === 'failed' && !this.options.keepGoing) break;
      }
    }
    this.times.set(this.pathOf(node), latest);
    return result;
  }

  private async updateWithRule(
    node: FileNode,
    parent: FileNode | null,
    fileState: FileState,
    prerequisites: readonly Prerequisite[],
    recipe: Recipe | null,
    rule: ExplicitRule | null,
  ): Promise<Status> {
    const timeBefore = this.targetTimeOf(node);
    fileState.timeChecked = true;
    const depth = fileState.depth ?? 0;
    this.debugLog?.verbose(depth, `Considering target file '${node.name}'.`);
    if (timeBefore === missing) {
      this.debugLog?.basic(depth + 1, `File '${node.name}' does not exist.`);
    }

    // Bring every prerequisite up to date first, in order.
    let mustRemake = timeBefore === missing || node.phony;
    let failed = false;
    const newer: FileNode[] = [];
    const intermediates: FileNode[] = [];
    // A list of its own: what a recipe's `$(eval)` adds to the rule's list
    // meanwhile is not walked.
    const walked = prerequisites.slice();
    if (rule?.group) walked.push(...this.groupPrerequisites(node, rule));
    if (fileState.implicit?.alsoMake.length) {
      walked.push(...this.alsoMadePrerequisites(node, fileState, recipe));
    }
    // In parallel every prerequisite is started before any is waited for,
    // but those after a `.WAIT` only once those before it are done.
    const started = this.parallel
      ? this.startAll(node, walked, 0, nextWait(walked, 0))
      : null;
    for (let index = 0; index < walked.length; index++) {
      const prerequisite = walked[index]!;
      if (started && prerequisite.waitBefore) {
        const end = nextWait(walked, index + 1);
        started.push(...this.startAll(node, walked, index, end));
      }
      const dependency = this.fileFor(prerequisite.name);
      const depState = this.fileState(dependency);
      const start = started?.[index];
      if (start ? start.kind === 'circular' : depState.visiting) {
        if (!start) this.reportCircular(node, dependency);
        continue;
      }
      // An order-only one too waits for the target to need remaking.
      if (
        start
          ? start.kind === 'intermediate'
          : this.isPendingIntermediate(dependency)
      ) {
        const check = await this.checkIntermediate(
          dependency,
          timeBefore,
          node,
        );
        if (check.status === 'failed') {
          failed = true;
          if (!this.options.keepGoing) return 'failed';
          continue;
        }
        if (check.status === 'question') return 'question';
        if (check.mustMake && !prerequisite.orderOnly) mustRemake = true;
        intermediates.push(dependency);
        continue;
      }
      const depTimeBefore =
        start?.kind === 'update' ? start.timeBefore : this.timeOf(dependency);
      const status = await (start?.kind === 'update'
        ? start.status
        : this.update(dependency, node));
      if (status === 'failed') {
        failed = true;
        if (!this.options.keepGoing) return 'failed';
        continue;
      }
      if (status === 'question') {
        this.debugGivingUp(node, depth);
        return 'question';
      }
      if (prerequisite.orderOnly) continue;
      const depTime = this.timeOf(dependency);
      const changed =
        depState.remade &&
        (depTime !== depTimeBefore || depTimeBefore === missing);
      if (changed || isNewer(depTime, timeBefore, node.lowResolutionTime)) {
        mustRemake = true;
        newer.push(dependency);
      }
    }

    // Intermediate files are made only for a target that needs remaking.
    if (mustRemake || this.options.alwaysMake) {
      for (const intermediate of intermediates) {
        const status = await this.update(intermediate, node);
        if (status === 'failed') {
          failed = true;
          if (!this.options.keepGoing) return 'failed';
          continue;
        }
        if (status === 'question') return 'question';
        newer.push(intermediate);
      }
    }
    if (failed) {
      this.debugGivingUp(node, depth);
      if (parent === null && !this.makefileMode) {
        this.diagnostics.warning(
          null,
          `Target '${node.name}' not remade because of errors.`,
        );
      }
      return 'failed';
    }
    if (this.options.alwaysMake) mustRemake = true;
    if (this.options.oldFiles.has(node.name)) mustRemake = false;
    this.debugLog?.verbose(
      depth + 1,
      `Finished prerequisites of target file '${node.name}'.`,
    );
    if (timeBefore !== missing) {
      this.debugPrerequisites(node, prerequisites, newer, depth + 1);
    }
    if (rule?.doubleColon && prerequisites.length === 0) {
      // Each such rule runs whenever its target is asked for.
      mustRemake = true;
      this.debugLog?.basic(
        depth,
        `Target '${node.name}' is double-colon and has no prerequisites.`,
      );
    }

    if (!mustRemake) {
      const vpathName = fileState.foundAs
        ? `; using VPATH name '${fileState.foundAs}'`
        : '';
      this.debugLog?.verbose(
        depth,
        `No need to remake target '${node.name}'${vpathName}.`,
      );
      return 'succeeded';
    }
    this.debugLog?.basic(depth, `Must remake target '${node.name}'.`);
    // A file that is remade is remade under its own name, not where vpath
    // found it, unless that is a GPATH directory.
    if (fileState.foundAs !== null && !fileState.vpathKept && recipe) {
      this.debugLog?.basic(0, `  Ignoring VPATH name '${fileState.foundAs}'.`);
      fileState.foundAs = null;
      fileState.vpathIgnored = true;
    }
    const status = await this.remake(
      node,
      parent,
      fileState,
      timeBefore,
      prerequisites,
      recipe,
      newer,
      rule,
    );
    this.debugRemade(node, status, depth);
    return status;
  }

  /** Runs the recipe of a target found out of date, or says why not. */
  private async remake(
    node: FileNode,
    parent: FileNode | null,
    fileState: FileState,
    timeBefore: FileTime,
    prerequisites: readonly Prerequisite[],
    recipe: Recipe | null,
    newer: FileNode[],
    rule: ExplicitRule | null,
  ): Promise<Status> {
    // A missing file that nothing can make.
    if (recipe === null) {
      if (timeBefore === missing && !node.isTarget && !node.phony) {
        const defaultRecipe = this.defaultRecipe();
        if (defaultRecipe && this.options.question) return 'question';
        if (defaultRecipe) {
          // The `.DEFAULT` recipe sees the target itself as `$<`.
          return this.runRecipe(
            node,
            fileState,
            defaultRecipe,
            [{ name: node.name, orderOnly: false }, ...prerequisites],
            newer,
            rule,
          );
        }
        return this.noRule(node, parent);
      }
      fileState.remade = true;
      this.times.forget(this.pathOf(node));
      return 'succeeded';
    }
    if (this.options.question) {
      // GNU sets up the recipe, and traces it, before -q stops it.
      const automatic = new VariableSet();
      const stem = this.stemOf(node, fileState, rule);
      this.setAutomaticVariables(automatic, node, prerequisites, newer, stem);
      this.noteVariableSet(node, automatic);
      if (this.options.trace) this.traceRecipe(node, recipe, automatic);
      // A recipe that expands to nothing would do nothing: GNU counts the
      // target as up to date.
      const scope = new VariableScope(automatic, this.scopeFor(node));
      const { commands, allRecursive } = this.expandRecipe(node, recipe, scope);
      if (commands.every((c) => c.text.replace(/\\\n/g, '').trim() === '')) {
        // Still, what depends on it takes it as remade, as under -n.
        fileState.remade = true;
        if (!allRecursive) this.times.set(this.pathOf(node), newest);
        return 'succeeded';
      }
      return 'question';
    }
    const status = await this.runRecipe(
      node,
      fileState,
      recipe,
      prerequisites,
      newer,
      rule,
    );
    // Under -t a recipe that was not run made nothing else.
    if (rule?.group && !fileState.touched) {
      this.noteMadeByGroup(node, rule, rule.group, status);
    }
    return status;
  }

  /**
   * The prerequisites of the other targets of a grouped rule: GNU brings
   * them up to date too before it runs the recipe that makes them all, in
   * the order it keeps the group (last target first).
   */
  private groupPrerequisites(
    node: FileNode,
    rule: ExplicitRule | null,
  ): Prerequisite[] {
    const group = rule?.group;
    if (!group) return [];
    return [...group]
      .reverse()
      .filter((name) => name !== node.name)
      .flatMap((name) => {
        const other = this.state.database.file(name);
        return other
          ? (this.groupRuleOf(other, group)?.prerequisites ?? [])
          : [];
      });
  }

  /**
   * The explicit prerequisites of the other targets a pattern rule's one
   * recipe run makes: as GNU make does, they are brought up to date too
   * before that recipe runs.
   */
  private alsoMadePrerequisites(
    node: FileNode,
    fileState: FileState,
    recipe: Recipe | null,
  ): Prerequisite[] {
    const implicit = fileState.implicit;
    if (!implicit || implicit.recipe !== recipe || recipe === null) return [];
    return implicit.alsoMake
      .filter((name) => name !== node.name)
      .flatMap(
        (name) =>
          this.state.database
            .file(name)
            ?.rules.flatMap((rule) => rule.prerequisites) ?? [],
      );
  }

  /**
   * One run of a grouped rule's recipe makes all its targets: the others
   * are updated with the same status, as GNU's notice_finished_file does.
   * A double-colon target has only its rule of that group updated.
   */
  private noteMadeByGroup(
    node: FileNode,
    rule: ExplicitRule,
    group: readonly string[],
    status: Status,
  ): void {
    for (const name of group) {
      if (name === node.name) continue;
      const other = this.state.database.enter(name);
      this.times.forget(this.pathOf(other));
      if (other.isDoubleColon) {
        const entry = this.groupRuleOf(other, group);
        if (entry && entry !== rule) this.madeByGroup.set(entry, status);
        continue;
      }
      const otherState = this.fileState(other);
      if (otherState.status !== null) continue;
      otherState.status = status;
      otherState.remade = true;
    }
  }

  /** The rule of `file` that came from the grouped rule of `group`. */
  private groupRuleOf(
    file: FileNode,
    group: readonly string[],
  ): ExplicitRule | null {
    if (!file.isDoubleColon) return file.rules[0] ?? null;
    return file.rules.find((rule) => rule.group === group) ?? null;
  }

  /** GNU's lines after a prerequisite failed or needs remaking under -q. */
  private debugGivingUp(node: FileNode, depth: number): void {
    this.debugLog?.verbose(
      depth + 1,
      `Finished prerequisites of target file '${node.name}'.`,
    );
    this.debugLog?.verbose(depth, `Giving up on target file '${node.name}'.`);
  }

  /** How each prerequisite compares with an existing target. */
  private debugPrerequisites(
    node: FileNode,
    prerequisites: readonly Prerequisite[],
    newer: readonly FileNode[],
    depth: number,
  ): void {
    const log = this.debugLog;
    if (!log) return;
    for (const prerequisite of prerequisites) {
      const name = prerequisite.name;
      const dependency = this.fileFor(name);
      const target = node.name;
      if (prerequisite.orderOnly) {
        log.verbose(
          depth,
          `Prerequisite '${name}' is order-only for target '${target}'.`,
        );
      } else if (this.timeOf(dependency) === missing) {
        log.basic(
          depth,
          `Prerequisite '${name}' of target '${target}' does not exist.`,
        );
      } else if (newer.includes(dependency)) {
        log.basic(
          depth,
          `Prerequisite '${name}' is newer than target '${target}'.`,
        );
      } else {
        log.verbose(
          depth,
          `Prerequisite '${name}' is older than target '${target}'.`,
        );
      }
    }
  }

  /** What came of remaking a target; nothing when the build stops. */
  private debugRemade(node: FileNode, status: Status, depth: number): void {
    const name = node.name;
    if (status === 'succeeded') {
      this.debugLog?.basic(depth, `Successfully remade target file '${name}'.`);
    } else if (status === 'question') {
      this.debugLog?.basic(
        depth,
        `Target file '${name}' needs to be remade under -q.`,
      );
    } else if (!this.stopped) {
      this.debugLog?.basic(depth, `Failed to remake target file '${name}'.`);
    }
  }

  /**
   * Messages held back until a makefile is first worked on: an included
   * makefile that was missing is reported just before amake tries to make
   * it, as GNU make does.
   */
  readonly heldMessages = new Map<string, () => void>();
  /** Makefiles whose failures are no error (`-include`). */
  readonly quietFailures = new Set<string>();
  /** Makefiles that no rule could make. */
  readonly unmakeable = new Set<string>();

  /** The makefile being remade, while remaking makefiles. */
  private currentMakefile: string | null = null;

  /**
   * Failures while remaking an `-include`d makefile, and anything it
   * needs, are silent, as GNU's "dontcare" files.
   */
  private inOptionalMakefile(): boolean {
    const name = this.makefileBeingRemade();
    return name !== null && this.quietFailures.has(name);
  }

  /**
   * The makefile being remade. In parallel several are, each at the start
   * of the path to the visit under way; serially, the one started last.
   */
  private makefileBeingRemade(): string | null {
    if (!this.makefileMode) return null;
    if (!this.parallel) return this.currentMakefile;
    let step = this.path.getStore();
    while (step?.up) step = step.up;
    return step?.node.name ?? this.currentMakefile;
  }

  private releaseHeldMessage(name: string): void {
    const message = this.heldMessages.get(name);
    if (!message) return;
    this.heldMessages.delete(name);
    message();
  }

  private noRule(node: FileNode, parent: FileNode | null): Status {
    if (this.makefileMode) {
      // The makefile itself: the caller reports it. Something it needs:
      // said now, in GNU's words, unless the makefile is `-include`d.
      if (parent === null) {
        this.unmakeable.add(node.name);
        return 'failed';
      }
      if (this.inOptionalMakefile()) return 'failed';
      this.releaseHeldMessage(this.makefileBeingRemade() ?? node.name);
    }
    const needed = parent ? `, needed by '${parent.name}'` : '';
    const message = `No rule to make target '${node.name}'${needed}`;
    if (this.options.keepGoing) {
      this.diagnostics.error(null, message + '.');
      return 'failed';
    }
    throw new MakeError(message);
  }

  private defaultRecipe(): Recipe | null {
    const node = this.state.database.file('.DEFAULT');
    return node?.rules[0]?.recipe ?? null;
  }

  private async runRecipe(
    node: FileNode,
    fileState: FileState,
    recipe: Recipe,
    prerequisites: readonly Prerequisite[],
    newer: FileNode[],
    rule: ExplicitRule | null,
  ): Promise<Status> {
    const scope = this.scopeFor(node);
    const automatic = new VariableSet();
    const stem = this.stemOf(node, fileState, rule);
    this.setAutomaticVariables(automatic, node, prerequisites, newer, stem);
    const recipeScope = new VariableScope(automatic, scope);

    const { commands, allRecursive } = this.expandRecipe(
      node,
      recipe,
      recipeScope,
    );
    this.serial++;
    // A recipe of empty commands starts nothing: the goal can still be
    // "up to date".
    if (commands.length > 0 || this.options.touch) this.noteCommandsStarted();
    if (commands.some((command) => command.run)) {
      this.options.progress?.jobQueued(node.name);
    }
    fileState.remade = true;

    if (this.options.touch) {
      const runnable = commands.filter(
        (command) => command.run && isRecursive(command),
      );
      if (runnable.length === 0) {
        // Under -n too, -t only says what it would touch.
        fileState.touched = true;
        const touched = this.touchFile(node);
        if (this.options.justPrint) this.times.set(this.pathOf(node), newest);
        return touched ? 'succeeded' : 'failed';
      }
    }

    this.noteVariableSet(node, automatic);
    if (this.options.trace) this.traceRecipe(node, recipe, automatic);
    if (rule?.recipe === recipe && rule.keepDaemons) {
      this.keepingDaemons.add(node);
    }
    const ownRule = rule?.recipe === recipe ? rule : null;
    const pragmas: JobDetails = {
      runLocal: ownRule?.runLocal === true,
      noCache: ownRule?.noCache === true,
      prerequisites: prerequisites.map((prerequisite) => {
        const file = this.state.database.file(prerequisite.name);
        return file ? this.pathOf(file) : prerequisite.name;
      }),
    };
    if (!this.parallel) {
      return this.runJob(node, recipeScope, commands, allRecursive, pragmas);
    }
    const job = this.runWhenAllowed(node, recipeScope, commands, allRecursive, {
      ...pragmas,
      alone: pragmas.runLocal,
      serialIn: this.state.serialMakefiles.has(recipe.location.file)
        ? recipe.location.file
        : null,
    });
    // The other targets the recipe makes wait for it, not run it again.
    for (const name of this.alsoMade(node, fileState, rule)) {
      this.madeByRunningJob.set(this.state.database.enter(name), job);
    }
    return job;
  }

  /**
   * In parallel, a job that runs commands waits for a slot; after a
   * failure that stops the build it does not start at all.
   */
  private async runWhenAllowed(
    node: FileNode,
    recipeScope: VariableScope,
    commands: Command[],
    allRecursive: boolean,
    pragmas: JobDetails & { alone: boolean; serialIn: string | null },
  ): Promise<Status> {
    const runs = commands.some((command) => command.run);
    const slots = runs ? this.schedule!.slots : null;
    // `#pragma allserial`: the makefile's jobs take turns.
    const unlock =
      runs && pragmas.serialIn ? await this.takeTurn(pragmas.serialIn) : null;
    try {
      if (slots) {
        if (this.stopped) return 'failed';
        // In its place in the serial order, where output is put in it.
        await slots.acquire(pragmas.alone, this.schedule?.ordered?.segment());
        if (this.stopped) {
          slots.release();
          return 'failed';
        }
      }
      // A job that only waits for its turn to change the workspace gives
      // its slot to the jobs before it, which may need one.
      let holding = slots !== null;
      const giveUpSlot = (): void => {
        if (holding) slots!.release();
        holding = false;
      };
      try {
        return await this.runJob(
          node,
          recipeScope,
          commands,
          allRecursive,
          pragmas,
          giveUpSlot,
        );
      } finally {
        giveUpSlot();
      }
    } finally {
      unlock?.();
    }
  }

  /** Waits for the turn of a job of `makefile`; returns the release. */
  private async takeTurn(makefile: string): Promise<() => void> {
    const previous = this.turns.get(makefile) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.turns.set(
      makefile,
      previous.then(() => mine),
    );
    await previous;
    return release;
  }

  /** The other files one run of this target's recipe makes. */
  private alsoMade(
    node: FileNode,
    fileState: FileState,
    rule: ExplicitRule | null,
  ): string[] {
    const names = rule?.recipe ? (rule.group ?? []) : [];
    const fromPattern = rule?.recipe
      ? []
      : (fileState.implicit?.alsoMake ?? []);
    return [...names, ...fromPattern].filter((name) => name !== node.name);
  }

  /** Runs the job of a target's expanded recipe and takes in its result. */
  private async runJob(
    node: FileNode,
    recipeScope: VariableScope,
    commands: Command[],
    allRecursive: boolean,
    pragmas: JobDetails,
    giveUpSlot: () => void = () => {},
  ): Promise<Status> {
    const runs = commands.some((command) => command.run);
    const environment = runs
      ? (this.state.environment(recipeScope) as Record<string, string>)
      : {};
    const sharedIpc = this.buildKeepsDaemons();
    // Only a command that runs can reach a daemon; asking the executor
    // costs a look at the disk.
    const user =
      runs && !sharedIpc && this.executor.containsJobs === true
        ? fakerootDaemonUser(commands, environment)
        : null;
    if (user) {
      this.diagnostics.error(
        null,
        `[${user.where}: ${node.name}] uses a fakeroot daemon through FAKEROOTKEY, but no rule keeps one: write '#pragma keepdaemons' on the line before the rule that starts it`,
      );
      if (!this.options.keepGoing) this.stopped = true;
      return 'failed';
    }
    const shellFlagsText = this.state.value('.SHELLFLAGS', recipeScope) || '-c';
    const job: Job = {
      target: node.name,
      commands,
      shell: this.state.value('SHELL', recipeScope) || '/bin/sh',
      shellFlags: words(shellFlagsText),
      shellFlagsText,
      // Computing the environment is costly: only for commands that run.
      environment,
      keepDaemons: this.keepingDaemons.has(node),
      sharedIpc,
      directory: process.cwd(),
      serial: this.serial,
      jobserverFds: this.schedule?.jobserverFds ?? undefined,
      timeoutSeconds: this.options.jobTimeout,
      runLocal: pragmas.runLocal,
      noCache: pragmas.noCache,
      prerequisites: pragmas.prerequisites,
    };
    const progress = this.options.progress;
    // A progress display reads the job's output, to show it if it fails.
    const kept = progress && runs ? new KeptText() : null;
    const output = this.jobOutput(commands, kept);
    const listener = this.jobListener(node, output, giveUpSlot);
    const timeBeforeRecipe = this.timeOf(node);
    this.running.set(node, { timeBefore: timeBeforeRecipe, job });
    if (runs) progress?.jobStarted(node.name);
    const result = await this.executor
      .run(job, listener)
      .finally(() => this.running.delete(node));
    output.end?.();
    if (runs && progress) {
      const failed = result.outcome.kind === 'failed' ? result.outcome : null;
      progress.jobFinished(
        node.name,
        failed && {
          command: failed.command.text,
          where: failed.command.where,
          output: kept!.text(),
        },
      );
    }
    if (runs) filesMayHaveChanged();
    this.times.forget(this.pathOf(node));
    // Still not there under its name, it is looked for again, as GNU does
    // when it next needs the time: `-lname` may be there now.
    const searched = this.fileState(node);
    if (!searched.sameAs && searched.foundAs === null) {
      searched.vpathSearched = searched.vpathIgnored === true;
    }
    if (result.outcome.kind === 'succeeded' && this.options.touch) {
      // After running its `+` lines GNU make touches the target, and says
      // so twice; a recipe of nothing but recursive lines is left alone.
      const allRecursive = commands.every((command) => command.run);
      if (this.options.justPrint || allRecursive) return 'succeeded';
      return this.touchFile(node, 2) ? 'succeeded' : 'failed';
    }
    if (result.outcome.kind === 'succeeded') {
      // Under -n a target with a recipe counts as remade, even if its
      // lines expand to nothing, unless every line runs a sub-make: as in
      // GNU make, which cannot know what the recipe would have done.
      const assumed = this.options.justPrint && !allRecursive;
      if (assumed || this.timeOf(node) === missing) {
        this.times.set(this.pathOf(node), newest);
      }
      return 'succeeded';
    }
    if (result.outcome.kind === 'failed') {
      const { command, outcome } = result.outcome;
      this.releaseHeldMessage(this.makefileBeingRemade() ?? node.name);
      if (!this.inOptionalMakefile()) {
        const why = outcome.timedOut
          ? ` (--job-timeout=${this.options.jobTimeout} reached)`
          : '';
        this.diagnostics.error(
          null,
          `[${command.where}: ${node.name}] ${describeOutcome(outcome)}${why}`,
        );
      }
      this.deleteOnError(node, timeBeforeRecipe);
      if (!this.options.keepGoing && !this.stopped) {
        this.stopped = true;
        this.sayWaitingForJobs();
      }
      return 'failed';
    }
    return 'failed';
  }

  /**
   * Where a job's echoed commands and output go, by the schedule's output
   * mode: straight out, into the job's place in the serial order, or held
   * and printed whole as GNU's `-O` does.
   */
  private jobOutput(
    commands: readonly Command[],
    kept: KeptText | null,
  ): JobOutput {
    const output = this.jobOutputByMode(commands);
    if (!kept) return output;
    // Also kept, for a progress display to show if the job fails.
    const inner = output.reporter;
    return {
      ...output,
      captured: true,
      reporter: {
        out: (text) => inner.out(text),
        err: (text) => inner.err(text),
        bytes: (stream, data) => {
          kept.add(data);
          writeBytes(inner, stream, data);
        },
        startOutput: () => inner.startOutput?.(),
        flush: () => inner.flush?.(),
      },
    };
  }

  private jobOutputByMode(commands: readonly Command[]): JobOutput {
    const mode = this.parallel ? this.schedule!.output : 'direct';
    const reporter = this.diagnostics.reporter;
    if (mode === 'serial') {
      // Bound now: the output arrives from outside the visit's context.
      const ordered = this.schedule!.ordered!;
      const segment = ordered.segment();
      return {
        reporter: ordered.reporterFor(segment),
        captured: true,
        turn: () =>
          new Promise<void>((resolve) =>
            segment.writeLater('out', () => {
              resolve();
              return '';
            }),
          ),
      };
    }
    // GNU's `-O target` and `-O line` leave a sub-make to order its own
    // output.
    const recursive = commands.some((command) => command.recursive);
    if (mode === 'direct' || (mode !== 'recurse' && recursive)) {
      return { reporter, captured: false };
    }
    const held = new HeldOutput();
    const lines = this.schedule!.directoryLines;
    const release = (): void => held.writeTo(reporter, lines);
    return {
      reporter: held,
      captured: true,
      commandEnded: mode === 'line' ? release : undefined,
      end: release,
    };
  }

  /** What the executor tells of a job, said as GNU make says it. */
  private jobListener(
    node: FileNode,
    output: JobOutput,
    giveUpSlot: () => void,
  ): JobListener {
    const reporter = output.reporter;
    return {
      inTurn: async () => {
        giveUpSlot();
        await output.turn?.();
      },
      commandStarting: (command) => {
        if (this.options.trace) {
          reporter.out(command.text + '\n');
        } else if (this.options.touch && !command.run) {
          // Under -t only the commands that run are shown.
        } else if (!command.silent || this.options.justPrint) {
          reporter.out(command.text + '\n');
        }
      },
      processStarting: () => {
        // What amake holds back goes out before the command writes.
        reporter.startOutput?.();
        reporter.flush?.();
      },
      commandCouldNotStart: (text) => {
        reporter.err(`${this.diagnostics.prefix(null)}: ${text}\n`);
      },
      commandFailedIgnored: (command, outcome) => {
        // GNU keeps quiet about it under -s or a `.SILENT:` for all.
        if (this.runSilent()) return;
        reporter.err(
          `${this.diagnostics.program}: [${command.where}: ${node.name}] ${describeOutcome(outcome)} (ignored)\n`,
        );
      },
      leftBehind: (pid, command) => {
        reporter.err(
          `${this.diagnostics.program}: job for '${node.name}' left process ${pid} running (${command}): stopping it\n`,
        );
      },
      output: output.captured
        ? (stream, data) => writeBytes(reporter, stream, data)
        : undefined,
      commandEnded: output.commandEnded,
    };
  }

  /**
   * A job failed and the build stops: GNU says it waits for the jobs still
   * running. In serial order it is said only if, once everything before it
   * is printed, jobs are still running whose output comes after.
   */
  private sayWaitingForJobs(): void {
    // Failures on the way to an `-include`d makefile are not told.
    if (!this.parallel || this.inOptionalMakefile()) return;
    const text = (): string =>
      this.running.size > 0
        ? `${this.diagnostics.program}: *** Waiting for unfinished jobs....\n`
        : '';
    const ordered = this.schedule!.ordered;
    if (ordered && this.schedule!.output === 'serial') {
      ordered.segment().writeLater('err', text);
    } else {
      this.diagnostics.reporter.err(text());
    }
  }

  /** `$*`: the static or implicit stem, or the name less its suffix. */
  private stemOf(
    node: FileNode,
    fileState: FileState,
    rule: ExplicitRule | null,
  ): string {
    // Of an archive member, the member's name less its suffix.
    const name = parseArchiveMember(node.name)?.member ?? node.name;
    return rule?.stem ?? fileState.implicit?.stem ?? this.suffixStem(name);
  }

  /**
   * Keeps the automatic variables for -p, and marks the file and those
   * that asked for it as having variable sets, as GNU's
   * initialize_file_variables does up the chain of parents.
   */
  private noteVariableSet(node: FileNode, automatic: VariableSet): void {
    // Only -p shows them; a large build would otherwise hold the automatic
    // variables of every recipe until it ends.
    if (!this.options.printDatabase) return;
    this.fileState(node).automatic = automatic;
    const seen = new Set<FileNode>();
    for (let file: FileNode | null | undefined = node; file;) {
      if (seen.has(file)) break;
      seen.add(file);
      const fileState = this.fileState(file);
      fileState.hasVariableSet = true;
      file = fileState.parent;
    }
  }

  /**
   * --trace: `Makefile:4: update target 'x' due to: y`, or `... target 'x'
   * does not exist` when no prerequisite is newer, whatever the reason.
   */
  private traceRecipe(
    node: FileNode,
    recipe: Recipe,
    automatic: VariableSet,
  ): void {
    const where =
      recipe.location.line === 0
        ? '<builtin>'
        : formatLocation(recipe.location);
    const newer = automatic.get('?')?.value ?? '';
    const text =
      newer === ''
        ? `${where}: target '${node.name}' does not exist`
        : `${where}: update target '${node.name}' due to: ${newer}`;
    this.diagnostics.reporter.out(text + '\n');
  }

  /** `$*` of an explicit rule: the name less a known suffix. */
  private suffixStem(name: string): string {
    // Every job asks: the list is walked where it is, not copied.
    const suffixes = this.state.database.file('.SUFFIXES');
    for (const rule of suffixes?.rules ?? []) {
      for (const { name: suffix } of rule.prerequisites) {
        if (name.endsWith(suffix) && name.length > suffix.length) {
          return name.slice(0, -suffix.length);
        }
      }
    }
    return '';
  }

  /**
   * With `.DELETE_ON_ERROR`, a target the failed recipe changed is
   * deleted, so that it does not look up to date; one it left as it was
   * stays.
   */
  private deleteOnError(node: FileNode, timeBefore: FileTime): void {
    const special = this.state.database.file('.DELETE_ON_ERROR');
    if (!special || !special.isTarget) return;
    if (node.phony || node.precious) return;
    const name = this.pathOf(node);
    if (!existsSync(name)) return;
    this.times.forget(name);
    if (this.times.get(name) === timeBefore) return;
    this.diagnostics.error(null, `Deleting file '${name}'`);
    try {
      unlinkSync(name);
    } catch {
      // Nothing to do: the message has been given.
    }
  }

  /**
   * amake got a fatal signal: no job starts any more, the running ones get
   * the signal, and what they were making is deleted, last started first,
   * as GNU make does. Resolves when every job has ended.
   */
  async interrupt(signal: NodeJS.Signals): Promise<void> {
    this.stopped = true;
    this.executor.signalAll(signal);
    filesMayHaveChanged();
    for (const [node, { timeBefore }] of [...this.running].reverse()) {
      this.deleteInterrupted(node, timeBefore);
    }
    // A job that ignores the signal gets KILL after a grace period.
    const kill = setTimeout(
      () => this.executor.signalAll('SIGKILL'),
      INTERRUPT_GRACE_MS,
    );
    try {
      while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    } finally {
      clearTimeout(kill);
    }
  }

  /** A target whose job was interrupted is deleted if the job changed it. */
  private deleteInterrupted(node: FileNode, timeBefore: FileTime): void {
    if (node.phony || node.precious || this.options.justPrint) return;
    const name = this.pathOf(node);
    this.times.forget(name);
    const time = this.times.get(name);
    if (time === missing || time === timeBefore) return;
    this.diagnostics.error(null, `Deleting file '${name}'`);
    try {
      unlinkSync(name);
    } catch {
      // Nothing to do: the message has been given.
    }
  }

  /** Touches the file for -t; false when that failed, as it was told. */
  private touchFile(node: FileNode, announcements = 1): boolean {
    if (node.phony) return true;
    const name = this.pathOf(node);
    if (!this.runSilent()) {
      this.diagnostics.reporter.out(`touch ${name}\n`.repeat(announcements));
    }
    if (this.options.justPrint) return true;
    const member = parseArchiveMember(name);
    if (member) return this.touchMember(name, member.archive, member.member);
    const now = new Date();
    filesMayHaveChanged();
    try {
      utimesSync(name, now, now);
    } catch {
      writeFileSync(name, '');
    }
    this.times.forget(name);
    return true;
  }

  /**
   * -t for an archive member: its date in the archive is set, as GNU's
   * ar_touch does; a missing archive or member is an error.
   */
  private touchMember(name: string, archive: string, member: string): boolean {
    const result = touchArchiveMember(archive, member);
    filesMayHaveChanged();
    this.times.forget(name);
    const say = (text: string) => this.diagnostics.warning(null, text);
    switch (result.kind) {
      case 'touched':
        return true;
      case 'no-archive':
        say(`touch: Archive '${archive}' does not exist`);
        return false;
      case 'invalid':
        say(`touch: '${archive}' is not a valid archive`);
        return false;
      case 'no-member':
        say(`touch: Member '${member}' does not exist in '${archive}'`);
        return false;
      case 'failed':
        say(`touch: ${archive}: ${systemErrorText(result.error)}`);
        return false;
    }
  }

  /**
   * Expands every line of a recipe, as GNU does just before the first one
   * runs, and splits the result into commands with their `@-+` prefixes.
   */
  /**
   * The commands of a recipe, expanded; and whether every line of it,
   * as expanded, runs a sub-make (`+`, `$(MAKE)`): then -n, -q and -t
   * do not take the target as remade.
   */
  private expandRecipe(
    node: FileNode,
    recipe: Recipe,
    scope: VariableScope,
  ): { commands: Command[]; allRecursive: boolean } {
    const expander = this.state.expander;
    const silentAll =
      this.options.silent || this.hasSpecialPrerequisite('.SILENT', node);
    const ignoreAll =
      this.options.ignoreErrors || this.hasSpecialPrerequisite('.IGNORE', node);
    const commands: Command[] = [];
    let allRecursive = recipe.lines.length > 0;
    const saved = expander.location;
    // Under .ONESHELL a shell that is not Bourne-like gets the lines after
    // the first as written, prefixes and all.
    const keepLaterPrefixes =
      this.state.oneShell &&
      !isBourneShell(this.state.value('SHELL', scope) || '/bin/sh');
    // GNU names a recipe line by the line the recipe starts on and the
    // line's place in the recipe: continuations, comments and blank lines
    // between do not count.
    const start = recipe.lines[0]?.location;
    try {
      for (const [index, line] of recipe.lines.entries()) {
        const location =
          start && start.file === line.location.file
            ? { file: start.file, line: start.line + index }
            : line.location;
        expander.location = location;
        const recursive = /\$[({]MAKE[)}]/.test(line.text);
        // The prefixes written before expansion apply to every command the
        // line expands into.
        const written = parsePrefixes(line.text);
        const expanded = expander.expand(
          collapseReferenceContinuations(line.text),
          scope,
        );
        const pieces = this.state.oneShell
          ? [expanded]
          : splitCommandLines(expanded, line.prefix ?? '\t');
        for (const piece of pieces) {
          const parsed = parsePrefixes(piece);
          const always = parsed.always || written.always || recursive;
          if (!always) allRecursive = false;
          // An empty command runs nothing and is not shown, `+` or not.
          if (parsed.text.trim() === '') continue;
          const asWritten = keepLaterPrefixes && commands.length > 0;
          commands.push({
            text: asWritten ? piece : parsed.text,
            silent: silentAll || parsed.silent || written.silent,
            ignoreErrors: ignoreAll || parsed.ignore || written.ignore,
            run: !(this.options.justPrint || this.options.touch) || always,
            recursive: always,
            where:
              line.location.line === 0 ? '<builtin>' : formatLocation(location),
          });
        }
      }
    } finally {
      expander.location = saved;
    }
    if (this.state.oneShell && commands.length > 1) {
      return { commands: [joinOneShell(commands)], allRecursive };
    }
    return { commands, allRecursive };
  }

  /**
   * -s, or `.SILENT:` without prerequisites, which GNU takes as -s: no
   * recipe is echoed, and neither are "Nothing to be done", `touch` under
   * -t, the intermediate files removed, nor errors ignored.
   */
  private runSilent(): boolean {
    return this.options.silent || this.silentForAll();
  }

  /** `.SILENT:` without prerequisites. */
  private silentForAll(): boolean {
    const file = this.state.database.file('.SILENT');
    if (!file || !file.isTarget) return false;
    return file.rules.every((rule) => rule.prerequisites.length === 0);
  }

  private hasSpecialPrerequisite(special: string, node: FileNode): boolean {
    const file = this.state.database.file(special);
    if (!file || !file.isTarget) return false;
    const names = file.rules.flatMap((rule) => rule.prerequisites);
    return names.length === 0 || names.some((p) => p.name === node.name);
  }

  private setAutomaticVariables(
    set: VariableSet,
    node: FileNode,
    prerequisites: readonly Prerequisite[],
    newer: FileNode[],
    stem: string,
  ): void {
    // The files the prerequisites name (vpath may have found one to be
    // another file) and the names they are found by, in one pass: this
    // runs for every recipe.
    const countedFiles = new Set<FileNode>();
    const all: string[] = [];
    const orderOnly: string[] = [];
    for (const prerequisite of prerequisites) {
      // `.EXTRA_PREREQS` are in none of them.
      if (prerequisite.extra) continue;
      const file = this.fileFor(prerequisite.name);
      countedFiles.add(file);
      (prerequisite.orderOnly ? orderOnly : all).push(this.pathOf(file));
    }
    const unique = new Set(all);
    const define = (name: string, value: string) => {
      set.set(newVariable(name, value, 'simple', 'automatic'));
    };
    const target = this.pathOf(node);
    const member = parseArchiveMember(target);
    define('@', member ? member.archive : target);
    define('%', member ? member.member : '');
    define('<', all[0] ?? '');
    // Archive members are named by their member names in all but `$<`.
    define('^', listed(unique));
    define('+', listed(all));
    // Under -B every prerequisite counts as newer, as in GNU make.
    const changed = new Set<string>();
    if (this.options.alwaysMake) {
      for (const name of unique) changed.add(name);
    } else {
      for (const file of newer) {
        if (countedFiles.has(file)) changed.add(this.pathOf(file));
      }
    }
    define('?', listed(changed));
    // A prerequisite that is also a normal one is not order-only.
    const onlyOrdered = new Set<string>();
    for (const name of orderOnly) {
      if (!unique.has(name)) onlyOrdered.add(name);
    }
    define('|', listed(onlyOrdered));
    define('*', stem);
  }

  /**
   * The scope a target's recipe sees: its own variables, its pattern
   * variables, then those of the target that first asked for it (without
   * their private ones), out to the global ones.
   */
  private scopeFor(node: FileNode): VariableScope {
    const fileState = this.fileState(node);
    fileState.scope ??= this.buildScope(node, this.state.globalScope);
    return fileState.scope;
  }

  private buildScope(node: FileNode, inherited: VariableScope): VariableScope {
    let scope = inheritedView(inherited);
    for (const set of patternScopes(this.state, node.name)) {
      scope = new VariableScope(set, scope);
    }
    if (node.variables) scope = new VariableScope(node.variables, scope);
    return scope;
  }

  /**
   * The file a name stands for: its own, or, once vpath has found it under
   * a name the makefiles mention, the file of that name.
   */
  private fileFor(name: string): FileNode {
    const node = this.state.database.enter(name);
    this.searchVpath(node);
    return this.fileState(node).sameAs ?? node;
  }

  /**
   * GNU's search for a file that does not exist under its own name, done
   * when its time is first needed, and again once it is remade if it is
   * still not there (unless the name found was dropped): through vpath,
   * then, for `-lname`, through `.LIBPATTERNS`. An archive member is
   * looked for through its archive. A name found in a GPATH directory is
   * kept for good; one the makefiles mention makes the two files one.
   */
  private searchVpath(node: FileNode): void {
    const fileState = this.fileState(node);
    if (fileState.vpathSearched) return;
    fileState.vpathSearched = true;
    const name = node.name;
    let found: string | null = null;
    let kept = false;
    const member = parseArchiveMember(name);
    if (member) {
      const archive = this.fileFor(member.archive);
      const archivePath = this.pathOf(archive);
      if (archivePath === member.archive) return;
      found = `${archivePath}(${member.member})`;
      kept =
        archive.name === archivePath || !!this.fileState(archive).vpathKept;
    } else {
      if (this.times.get(name) !== missing) return;
      found = findInVpath(this.state, name);
      if (found === null && name.startsWith('-l')) {
        found = findLibrary(this.state, name, (element) =>
          this.diagnostics.warning(
            null,
            `.LIBPATTERNS element '${element}' is not a pattern`,
          ),
        );
      }
      if (found === null) return;
      kept = isInGpath(this.state, found, name);
    }
    const other = this.state.database.file(found);
    if (other && other !== node) {
      this.warnOfTwoRecipes(node, other);
      this.merge(node, other);
      fileState.sameAs = other;
      return;
    }
    fileState.foundAs = found;
    fileState.vpathKept = kept;
  }

  /**
   * GNU's words when a file turns out to be another (`-lcat` found as
   * `libcat.a`) and both have a recipe: the first name's wins.
   */
  private warnOfTwoRecipes(node: FileNode, other: FileNode): void {
    const mine = this.recipeOf(node);
    const theirs = this.recipeOf(other);
    if (!mine || !theirs || mine === theirs) return;
    const where = mine.location;
    this.diagnostics.warning(
      where,
      `Recipe was specified for file '${node.name}' at ${formatLocation(theirs.location)},`,
    );
    this.diagnostics.warning(
      where,
      `but '${node.name}' is now considered the same file as '${other.name}'.`,
    );
    this.diagnostics.warning(
      where,
      `Recipe for '${other.name}' will be ignored in favor of the one for '${node.name}'.`,
    );
  }

  /**
   * Makes `node` part of `other`, which vpath found it to be, as GNU's
   * rehash_file merges them: its prerequisites are added, its recipe used
   * if the other has none, and its flags carried over.
   */
  private merge(node: FileNode, other: FileNode): void {
    const [rule, ...rest] = node.rules;
    const target = other.rules[0];
    if (rule && target && !rule.doubleColon && !target.doubleColon) {
      target.prerequisites.push(...rule.prerequisites);
      target.recipe ??= rule.recipe;
    } else if (rule && !target) {
      other.rules.push(rule, ...rest);
    }
    other.isTarget ||= node.isTarget;
    other.phony ||= node.phony;
    other.precious ||= node.precious;
  }

  private deleteIntermediates(): void {
    const removed = deleteIntermediateFiles(this.state, this.states, {
      justPrint: this.options.justPrint,
      pathOf: (node) => this.pathOf(node),
      failed: (name, reason) =>
        this.diagnostics.reporter.err(
          `${this.diagnostics.program}: unlink: ${name}: ${reason}\n`,
        ),
    });
    if (removed.length > 0 && !this.runSilent()) {
      this.diagnostics.reporter.out(`rm ${removed.join(' ')}\n`);
    }
  }
}

/** The report of a file the build never looked at. */
const unvisited: FileBuildReport = {
  implicitSearched: false,
  status: null,
  time: { kind: 'unchecked' },
  stem: null,
  recipe: null,
  implicitRule: false,
  implicitPrerequisites: [],
  alsoMake: [],
  automatic: null,
  hasVariableSet: false,
  foundAs: null,
};

const inheritedViews = new WeakMap<VariableScope, VariableScope>();

/** The same chain of variable sets, seen from another target. */
function inheritedView(scope: VariableScope): VariableScope {
  if (scope.isInheritedView) return scope;
  let view = inheritedViews.get(scope);
  if (!view) {
    const parent = scope.parent ? inheritedView(scope.parent) : null;
    view = new VariableScope(scope.set, parent, true);
    inheritedViews.set(scope, view);
  }
  return view;
}

/**
 * Splits an expanded recipe line into the commands the shell runs one by
 * one: at newlines not escaped by a backslash. A backslash-newline stays,
 * for the shell, minus one recipe prefix at the start of the next line.
 */
export function splitCommandLines(text: string, prefix: string): string[] {
  // Most lines are one command: spare them the copy a character at a time.
  if (!text.includes('\n')) return [text];
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      current += '\\\n';
      i++;
      if (text[i + 1] === prefix) i++;
      continue;
    }
    if (c === '\\') {
      current += c;
      if (i + 1 < text.length) current += text[++i];
      continue;
    }
    if (c === '\n') {
      pieces.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  pieces.push(current);
  return pieces;
}

/** Reads the `@`, `-` and `+` prefixes of a command. */
export function parsePrefixes(text: string): {
  text: string;
  silent: boolean;
  ignore: boolean;
  always: boolean;
} {
  let silent = false;
  let ignore = false;
  let always = false;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '@') silent = true;
    else if (c === '-') ignore = true;
    else if (c === '+') always = true;
    else if (c !== ' ' && c !== '\t') break;
  }
  return { text: text.slice(i), silent, ignore, always };
}

/**
 * Under `.ONESHELL` the recipe is one script: the first line's prefixes
 * apply to all of it, and the prefixes of the other lines are dropped.
 */
function joinOneShell(commands: Command[]): Command {
  const first = commands[0]!;
  return {
    ...first,
    text: commands.map((command) => command.text).join('\n'),
    run: commands.some((command) => command.run),
    oneShell: true,
  };
}

function isRecursive(command: Command): boolean {
  return command.run;
}

function describeOutcome(outcome: {
  exitCode: number;
  signal: string | null;
}): string {
  if (outcome.signal) return signalDescription(outcome.signal);
  return `Error ${outcome.exitCode}`;
}

function signalDescription(signal: string): string {
  const names: Record<string, string> = {
    SIGINT: 'Interrupt',
    SIGTERM: 'Terminated',
    SIGKILL: 'Killed',
    SIGSEGV: 'Segmentation fault',
    SIGHUP: 'Hangup',
    SIGQUIT: 'Quit',
    SIGPIPE: 'Broken pipe',
    SIGABRT: 'Aborted',
    SIGALRM: 'Alarm clock',
    SIGUSR1: 'User defined signal 1',
    SIGUSR2: 'User defined signal 2',
  };
  return names[signal] ?? signal;
}

/** `member` for an archive member `lib(member)`, else the name. */
function memberOrName(name: string): string {
  return parseArchiveMember(name)?.member ?? name;
}

/** Names as an automatic variable lists them, members by member name. */
function listed(names: Iterable<string>): string {
  let text = '';
  let first = true;
  for (const name of names) {
    text += first ? memberOrName(name) : ' ' + memberOrName(name);
    first = false;
  }
  return text;
}

export type { Location };

/**
 * Inside a variable reference or function call of a recipe line, a
 * backslash-newline and the blanks around it become one space before the
 * line is expanded, so that functions do not see them; elsewhere they stay
 * for the shell. GNU make's new_job does the same.
 */
export function collapseReferenceContinuations(text: string): string {
  if (!text.includes('\\\n')) return text;
  let output = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0 || dollar + 1 >= text.length) {
      output += text.slice(i);
      break;
    }
    output += text.slice(i, dollar + 1);
    i = dollar + 1;
    const opener = text[i]!;
    if (opener !== '(' && opener !== '{') continue;
    const closer = opener === '(' ? ')' : '}';
    output += opener;
    i++;
    const referenceStart = output.length;
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === closer && --depth < 0) break;
      if (c === '\\' && text[i + 1] === '\n' && !isQuotedBackslash(text, i)) {
        i += 2;
        while (text[i] === ' ' || text[i] === '\t') i++;
        const kept = output.slice(referenceStart).replace(/[ \t]+$/, '');
        output = output.slice(0, referenceStart) + kept + ' ';
        continue;
      }
      if (c === opener) depth++;
      output += c;
      i++;
    }
  }
  return output;
}

/** Whether the backslash at `index` is itself quoted by backslashes. */
function isQuotedBackslash(text: string, index: number): boolean {
  let count = 0;
  for (let j = index - 1; j >= 0 && text[j] === '\\'; j--) count++;
  return count % 2 === 1;
}

const nanosecondsPerSecond = 1_000_000_000n;

/**
 * Whether a prerequisite is newer than its target. A target whose time
 * is known to the second only (`.LOW_RESOLUTION_TIME`, a whole second) is
 * compared to the second.
 */
function isNewer(
  prerequisite: FileTime,
  target: FileTime,
  lowResolution: boolean,
): boolean {
  if (lowResolution && target > 0n && target % nanosecondsPerSecond === 0n) {
    return prerequisite / nanosecondsPerSecond > target / nanosecondsPerSecond;
  }
  return prerequisite > target;
}

/**
 * The command of a job that reaches a fakeroot daemon an earlier job
 * started: one that names FAKEROOTKEY, or the first, when the job gets a
 * key amake did not get itself (under `fakeroot amake` every job gets one,
 * and that daemon lives outside). Null if none does. With its own IPC
 * namespace such a job would wait for the daemon forever.
 */
function fakerootDaemonUser(
  commands: readonly Command[],
  environment: Readonly<Record<string, string>>,
): Command | null {
  const running = commands.filter((command) => command.run);
  const own = process.env.FAKEROOTKEY;
  const key = environment.FAKEROOTKEY;
  if (key !== undefined && key !== own) return running[0] ?? null;
  if (own !== undefined) return null;
  return (
    running.find((command) => command.text.includes('FAKEROOTKEY')) ?? null
  );
}

/** The index of the next prerequisite after a `.WAIT`, from `from` on. */
function nextWait(walked: readonly Prerequisite[], from: number): number {
  for (let i = from; i < walked.length; i++) {
    if (walked[i]!.waitBefore) return i;
  }
  return walked.length;
}
