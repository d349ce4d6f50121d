// The remote runner (native/runner.c) on real directories, with real
// processes and the real fakeroot: what a job created, changed and deleted
// is in its manifest and output tree, each command's status and output is
// recorded, a failure ends the job, what a command leaves running is
// recorded and stopped, and fakeroot's state files travel by path. Run
// contained, uncontained, and as an unprivileged user when root.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseBundle } from '../../src/execute/remote/runner_protocol';

// Compiled to dist/test/remote/, three levels below the repository.
const RUNNER = path.resolve(__dirname, '../../../dist/amake-runner');
const isRoot = process.getuid?.() === 0;
const hasFakeroot = spawnSync('fakeroot', ['true']).status === 0;
const NOBODY = 65534;

interface Mode {
  who: string;
  /** What the runner is started through. */
  prefix: string[];
  /** The runner's own environment, besides PATH. */
  env: Record<string, string>;
  /** The workspace belongs to this user. */
  owner: number | null;
}

const MODES: Mode[] = [
  { who: 'contained', prefix: [], env: {}, owner: null },
  {
    who: 'uncontained',
    prefix: [],
    env: { AMAKE_CONTAINMENT: 'none' },
    owner: null,
  },
  ...(isRoot
    ? [
        {
          who: 'as an unprivileged user',
          prefix: [
            'setpriv',
            `--reuid=${NOBODY}`,
            `--regid=${NOBODY}`,
            '--clear-groups',
          ],
          env: {},
          owner: NOBODY,
        },
      ]
    : []),
];

interface Job {
  directory?: string;
  shell?: string;
  flags?: string[];
  /** A command line, or its options and command line. */
  commands: (string | [string, string])[];
  /** Where each fakeroot state file goes, and its source. */
  states?: [string, string][];
  env?: string[];
}

function jobFile(job: Job): Buffer {
  const flags = job.flags ?? ['-c'];
  const states = job.states ?? [];
  const env = job.env ?? ['PATH=/usr/bin:/bin'];
  const strings = [
    'amake-job-1',
    job.directory ?? '.',
    job.shell ?? '/bin/sh',
    String(flags.length),
    ...flags,
    String(job.commands.length),
    ...job.commands.flatMap((command) =>
      typeof command === 'string' ? ['', command] : command,
    ),
    String(states.length),
    ...states.flat(),
    String(env.length),
    ...env,
  ];
  return Buffer.from(strings.map((each) => `${each}\0`).join(''));
}

/**
 * The manifest as strings: its start, and each record as its fields,
 * ["C", type, mode, mtime, path] (and the target, for a symlink),
 * ["D", path] or ["F", mode, mtime, path].
 */
function parseManifest(data: Buffer): { start: string; records: string[][] } {
  const strings = data.toString('utf8').split('\0');
  assert.equal(strings.pop(), '', 'the manifest ends a string');
  assert.equal(strings.shift(), 'amake-manifest-1');
  assert.equal(strings.shift(), 'S');
  const start = strings.shift()!;
  const sizes: Record<string, number> = { C: 5, D: 2, F: 4 };
  const records: string[][] = [];
  while (strings.length > 0) {
    const symlink = strings[0] === 'C' && strings[1] === 'l';
    const size = symlink ? 6 : sizes[strings[0]!];
    assert.ok(size, `a record kind: '${strings[0]}'`);
    assert.ok(strings.length >= size, 'a whole record');
    records.push(strings.splice(0, size));
  }
  return { start, records };
}

interface Ran {
  dir: string;
  code: number | null;
  stderr: string;
  elapsedMs: number;
  start: string;
  records: string[][];
  /** A file of .amake-out, bundled or not, or null if there is none. */
  output: (name: string) => string | null;
}

const workspaces: string[] = [];
after(() => {
  for (const dir of workspaces)
    fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh exec root holding `files`, with the runner and a job file. */
function workspace(
  mode: Mode,
  job: Job | Buffer,
  files: Record<string, string>,
  runnerFiles: Record<string, string> = {},
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amake-runner-'));
  workspaces.push(dir);
  const all: Record<string, string> = {
    '.amake-runner/job': '',
    ...Object.fromEntries(
      Object.entries(runnerFiles).map(([name, text]) => [
        `.amake-runner/${name}`,
        text,
      ]),
    ),
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    const file = path.join(dir, name);
    // A name that ends in '/' is a directory.
    fs.mkdirSync(name.endsWith('/') ? file : path.dirname(file), {
      recursive: true,
    });
    if (!name.endsWith('/')) fs.writeFileSync(file, content);
  }
  fs.writeFileSync(
    path.join(dir, '.amake-runner/job'),
    Buffer.isBuffer(job) ? job : jobFile(job),
  );
  fs.copyFileSync(RUNNER, path.join(dir, '.amake-runner/runner'));
  fs.chmodSync(path.join(dir, '.amake-runner/runner'), 0o755);
  if (mode.owner !== null) {
    fs.chmodSync(dir, 0o755);
    for (const name of ['', ...fs.readdirSync(dir, { recursive: true })]) {
      fs.lchownSync(path.join(dir, String(name)), mode.owner, mode.owner);
    }
  }
  return dir;
}

/** Runs the runner in `dir` as `mode` says. */
function runIn(mode: Mode, dir: string, extra: string[] = []): Ran {
  const [program, ...args] = [
    ...mode.prefix,
    '.amake-runner/runner',
    '.amake-runner/job',
    ...extra,
  ];
  const started = Date.now();
  const result = spawnSync(program!, args, {
    cwd: dir,
    env: { PATH: process.env.PATH, FROM_THE_RUNNER: 'yes', ...mode.env },
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  const elapsedMs = Date.now() - started;
  // Most files are in the bundle; larger ones are left as they are.
  const bundlePath = path.join(dir, '.amake-out/bundle');
  const bundle = fs.existsSync(bundlePath)
    ? parseBundle(fs.readFileSync(bundlePath))
    : new Map<string, Uint8Array>();
  const output = (name: string) => {
    const bundled = bundle.get(name);
    if (bundled) return Buffer.from(bundled).toString('utf8');
    try {
      return fs.readFileSync(path.join(dir, '.amake-out', name), 'utf8');
    } catch {
      return null;
    }
  };
  const manifestText = output('manifest');
  const manifest =
    manifestText === null
      ? { start: '', records: [] }
      : parseManifest(Buffer.from(manifestText));
  return {
    dir,
    code: result.status,
    stderr: result.stderr,
    elapsedMs,
    ...manifest,
    output,
  };
}

function run(
  mode: Mode,
  job: Job | Buffer,
  files: Record<string, string> = {},
  runnerFiles: Record<string, string> = {},
): Ran {
  const ran = runIn(mode, workspace(mode, job, files, runnerFiles));
  return ran;
}

/** A file's mtime as the manifest writes it. */
function mtimeOf(file: string): string {
  const ns = fs.lstatSync(file, { bigint: true }).mtimeNs;
  const nanoseconds = String(ns % 1_000_000_000n).padStart(9, '0');
  return `${ns / 1_000_000_000n}.${nanoseconds}`;
}

function modeOf(file: string): string {
  return (fs.lstatSync(file).mode & 0o7777).toString(8);
}

/** Seconds.nanoseconds as nanoseconds. */
function nanoseconds(time: string): bigint {
  const [seconds, fraction] = time.split('.');
  return BigInt(seconds!) * 1_000_000_000n + BigInt(fraction!);
}

/** The processes whose command line holds `marker`. */
function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (command.includes(marker)) found.push(`${entry}: ${command}`);
    } catch {
      // Gone, or not ours to look at.
    }
  }
  return found;
}

/** A process's command line as the runner writes it, or null if gone. */
function commandOf(pid: string): string | null {
  try {
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return command.replace(/\0+$/, '').replace(/[\0\n]/g, ' ');
  } catch {
    return null;
  }
}

/** A command line that waits for the file `up`. */
const UP = 'while [ ! -e up ]; do sleep 0.01; done';

/** What `runner --probe` says this worker allows. */
function containmentOf(mode: Mode): string {
  const [program, ...args] = [...mode.prefix, RUNNER, '--probe'];
  const result = spawnSync(program!, args, {
    env: { PATH: process.env.PATH, ...mode.env },
    encoding: 'utf8',
  });
  return result.stdout.trim();
}

before(() => {
  assert.ok(
    fs.existsSync(RUNNER),
    `${RUNNER} is missing: npm run build compiles it from native/runner.c`,
  );
});

const CHANGES = [
  'printf new > new.txt && chmod 4750 new.txt',
  'touch -d @1600000000.5 new.txt',
  'echo more >> change.txt',
  'rm gone.txt && rm -r olddir',
  'mkdir -p made/deeper && echo deep > made/deeper/file',
  'ln -s ../keep.txt made/link',
  'chmod 700 sub',
  ': > empty',
  "printf x > 'new\nline'",
  'rm -r was-dir && echo now a file > was-dir',
  'touch .amake-runner/scratch .amake-out/scratch',
].join('\n');

for (const mode of MODES) {
  describe(`the remote runner, ${mode.who}`, () => {
    it('records files created, changed and deleted, new directories and a symlink, with their modes and times', () => {
      const ran = run(
        mode,
        { commands: [CHANGES] },
        {
          'keep.txt': 'kept\n',
          'change.txt': 'old\n',
          'gone.txt': 'bye\n',
          'olddir/inner/x.txt': 'x\n',
          'sub/': '',
          'was-dir/file': 'in a directory\n',
        },
      );
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.stderr, '');
      assert.equal(ran.output('status'), '1 0 0\n');
      assert.equal(ran.output('err.1'), '');
      const at = (name: string) => path.join(ran.dir, name);
      const changed = (type: string, name: string) => [
        'C',
        type,
        modeOf(at(name)),
        mtimeOf(at(name)),
        name,
      ];
      assert.deepEqual(ran.records, [
        changed('f', 'change.txt'),
        changed('f', 'empty'),
        ['D', 'gone.txt'],
        changed('d', 'made'),
        changed('d', 'made/deeper'),
        changed('f', 'made/deeper/file'),
        ['C', 'l', '777', mtimeOf(at('made/link')), 'made/link', '../keep.txt'],
        changed('f', 'new\nline'),
        ['C', 'f', '4750', '1600000000.500000000', 'new.txt'],
        ['D', 'olddir'],
        ['C', 'd', '700', mtimeOf(at('sub')), 'sub'],
        ['D', 'was-dir'],
        changed('f', 'was-dir'),
      ]);
      const tree = (name: string) => ran.output(`tree/${name}`);
      assert.equal(tree('new.txt'), 'new');
      assert.equal(tree('change.txt'), 'old\nmore\n');
      assert.equal(tree('new\nline'), 'x');
      assert.equal(tree('was-dir'), 'now a file\n');
      assert.equal(tree('empty'), '');
      assert.equal(tree('made/deeper/file'), 'deep\n');
      for (const absent of ['made/link', 'keep.txt', 'gone.txt', 'olddir']) {
        assert.equal(tree(absent), null, `no ${absent} in the tree`);
      }
      // Small files are all in the bundle: no tree is left.
      assert.ok(!fs.existsSync(path.join(ran.dir, '.amake-out/tree')));
    });

    it('bundles small files, and leaves a large one in the tree', () => {
      const ran = run(mode, {
        commands: [
          'mkdir -p d && head -c 1100000 /dev/zero > d/big && echo s > small',
        ],
      });
      assert.equal(ran.code, 0, ran.stderr);
      const big = path.join(ran.dir, '.amake-out/tree/d/big');
      assert.equal(fs.statSync(big).size, 1100000);
      const bundle = parseBundle(
        fs.readFileSync(path.join(ran.dir, '.amake-out/bundle')),
      );
      assert.deepEqual(
        [...bundle.keys()].filter((name) => name.startsWith('tree/')),
        ['tree/small'],
      );
      assert.equal(ran.output('tree/small'), 's\n');
    });

    it('starts the clock no later than the job writes its first file', () => {
      for (let round = 0; round < 50; round++) {
        const before = BigInt(Date.now()) * 1_000_000n;
        const ran = run(mode, { commands: ['echo > a'] });
        const afterwards = BigInt(Date.now()) * 1_000_000n;
        assert.equal(ran.code, 0, ran.stderr);
        assert.match(ran.start, /^\d+\.\d{9}$/);
        const start = nanoseconds(ran.start);
        // The clock of the kernel's last tick: a little behind, at most.
        assert.ok(start >= before - 1_000_000_000n && start <= afterwards);
        assert.deepEqual(
          ran.records.map((record) => record[0]),
          ['C'],
        );
        assert.ok(nanoseconds(ran.records[0]![3]!) >= start, ran.start);
      }
    });

    it('records each command’s status, standard output and standard error', () => {
      const ran = run(mode, {
        commands: [
          'echo one; echo two >&2',
          ['i', 'echo three; exit 3'],
          ['i', 'kill -TERM $$'],
          'echo last',
        ],
      });
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.output('status'), '1 0 0\n2 3 0\n3 0 15\n4 0 0\n');
      assert.equal(ran.output('out.1'), 'one\n');
      assert.equal(ran.output('err.1'), 'two\n');
      assert.equal(ran.output('out.2'), 'three\n');
      assert.equal(ran.output('out.4'), 'last\n');
      assert.equal(ran.output('left'), '');
      assert.deepEqual(ran.records, []);
    });

    it('ends the job at a failing command, unless it is ignored', () => {
      const ran = run(mode, {
        commands: [['i', 'false'], 'true', 'exit 1', 'echo never > never'],
      });
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.output('status'), '1 1 0\n2 0 0\n3 1 0\n');
      assert.equal(ran.output('out.4'), null);
      assert.ok(!fs.existsSync(path.join(ran.dir, 'never')));
      assert.deepEqual(ran.records, []);
    });

    it('says why a shell could not be started, and ends the job', () => {
      const ran = run(mode, {
        shell: '/nonexistent/sh',
        commands: ['true', 'true'],
      });
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.output('status'), '1 127 0\n1 start-error 2\n');
    });

    it('gives the commands exactly the job’s environment, in its directory', () => {
      const env = ['PATH=/usr/bin:/bin', 'A=1', 'SPACED=two words', 'EMPTY='];
      // cat is the shell: what it is given is what it prints.
      const ran = run(
        mode,
        {
          directory: 'sub/dir',
          shell: '/bin/cat',
          flags: [],
          commands: ['/proc/self/environ', ['', '/proc/self/cwd/here']],
          env,
        },
        { 'sub/dir/here': 'in sub/dir\n' },
      );
      assert.equal(ran.code, 0, ran.stderr);
      const given = ran.output('out.1')!.split('\0').slice(0, -1);
      // fakeroot cannot chown in a user namespace unless told not to try.
      const userNamespace = containmentOf(mode).startsWith('user');
      assert.deepEqual(
        given,
        userNamespace ? [...env, 'FAKEROOTDONTTRYCHOWN=1'] : env,
      );
      assert.equal(ran.output('out.2'), 'in sub/dir\n');
    });

    it('records a daemon that called setsid, and stops it', () => {
      const marker = `amake-runner-daemon-${process.pid}-${mode.who.length}`;
      const daemon = `sh -c 'exec 0<&- 1>&- 2>&-; touch up; sleep 100; :'`;
      const ran = run(mode, {
        commands: [`setsid ${daemon} ${marker} & ${UP}; setsid sleep 100 &`],
      });
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.output('status'), '1 0 0\n');
      const left = ran.output('left')!;
      assert.match(left, new RegExp(`^\\d+\\tsh -c exec .* ${marker}$`, 'm'));
      for (const line of left.split('\n').slice(0, -1)) {
        assert.match(line, /^\d+\t[^\t]+$/);
        const [pid, command] = line.split('\t');
        assert.notEqual(commandOf(pid!), command, `${line}: still running`);
      }
      assert.deepEqual(processesWith(marker), []);
    });

    it('ends what ignores TERM with KILL, after a grace period', () => {
      const marker = `amake-runner-stubborn-${process.pid}-${mode.who.length}`;
      const loop = `trap "" TERM; touch up; while :; do sleep 1; done`;
      const ran = run(mode, {
        commands: [`sh -c '${loop}' ${marker} & ${UP}`, 'echo next'],
      });
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.output('status'), '1 0 0\n2 0 0\n');
      assert.match(ran.output('left')!, new RegExp(`\\t.*${marker}$`, 'm'));
      assert.equal(ran.output('out.2'), 'next\n');
      assert.ok(ran.elapsedMs >= 1000, `${ran.elapsedMs} ms`);
      assert.ok(ran.elapsedMs < 10_000, `${ran.elapsedMs} ms`);
      assert.deepEqual(processesWith(marker), []);
    });

    it('stops a job out of time: TERM, then KILL, and nothing after', () => {
      const marker = `amake-runner-late-${process.pid}-${mode.who.length}`;
      const stubborn = `trap "" TERM; while :; do sleep 1; done`;
      const job = {
        commands: [`sh -c '${stubborn}' ${marker} & sleep 30`, 'touch never'],
      };
      const ran = runIn(mode, workspace(mode, job, {}), ['0.5']);
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.output('status'), '1 0 15\n1 timeout\n');
      assert.ok(!fs.existsSync(path.join(ran.dir, 'never')));
      assert.ok(ran.elapsedMs < 20_000, `${ran.elapsedMs} ms`);
      assert.deepEqual(processesWith(marker), []);
    });

    it(
      'carries a fakeroot state file by path from one job to the next',
      { skip: !hasFakeroot && 'fakeroot is not installed' },
      () => {
        const first = run(mode, {
          commands: ["fakeroot -s state -- sh -c 'touch f; chown 7:8 f'"],
        });
        assert.equal(first.code, 0, first.stderr);
        assert.equal(
          first.output('status'),
          '1 0 0\n',
          first.output('err.1') ?? '',
        );
        const state = path.join(first.dir, 'state');
        assert.deepEqual(first.records, [
          [
            'C',
            'f',
            modeOf(path.join(first.dir, 'f')),
            mtimeOf(path.join(first.dir, 'f')),
            'f',
          ],
          ['F', modeOf(state), mtimeOf(state), 'state'],
        ]);
        const pathForm = first.output('tree/state')!;
        assert.match(pathForm, /^mode=\d+,uid=7,gid=8,nlink=1,rdev=0 f\n$/);

        // Elsewhere, where f has another inode; a line for a file that
        // is not there is dropped.
        const gone = 'mode=100644,uid=1,gid=1,nlink=1,rdev=0 not/there\n';
        const second = run(
          mode,
          {
            commands: ['fakeroot -i fk/state -- stat -c %u:%g f'],
            states: [['fk/state', '.amake-runner/state.path']],
          },
          { f: '' },
          { 'state.path': pathForm + gone },
        );
        assert.equal(second.code, 0, second.stderr);
        assert.equal(
          second.output('out.1'),
          '7:8\n',
          second.output('err.1') ?? '',
        );
        const f = fs.statSync(path.join(second.dir, 'f'), { bigint: true });
        const written = fs.readFileSync(
          path.join(second.dir, 'fk/state'),
          'utf8',
        );
        assert.equal(
          written,
          `dev=${f.dev.toString(16)},ino=${f.ino},${pathForm.split(' ')[0]}\n`,
        );
        // Written before the job: not something the job made.
        assert.deepEqual(second.records, []);
      },
    );

    it('refuses a job file of another format, and writes nothing', () => {
      const ran = run(mode, Buffer.from('amake-job-2\0.\0'));
      assert.equal(ran.code, 2);
      assert.match(ran.stderr, /^amake-runner: .*not an amake-job-1 job file/);
      assert.ok(!fs.existsSync(path.join(ran.dir, '.amake-out')));
    });
  });
}
