// Containment with real processes and the real fakeroot: what a job
// leaves running is reported and stopped, SysV IPC objects do not leak,
// and nothing keeps the workspace busy once amake has returned, at -j1 and
// -j4, as root and as an unprivileged user.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  AMAKE,
  processesIn,
  scratch,
  start,
  waitForFile,
} from '../parallel/helpers';

const isRoot = process.getuid?.() === 0;
const hasFakeroot = spawnSync('fakeroot', ['true']).status === 0;
/** Runs amake as `nobody` when the tests run as root. */
const USERS: [string, string[]][] = isRoot
  ? [
      ['root', []],
      [
        'an unprivileged user',
        ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
      ],
    ]
  : [['this user', []]];

let sharedCopy: string | null = null;

/**
 * amake for the user `prefix` runs as. Another user may not be allowed
 * into this checkout (a clone in a private directory): it gets a copy of
 * the built program where anyone may read it.
 */
function amakeFor(prefix: string[]): string {
  if (prefix.length === 0) return AMAKE;
  if (sharedCopy === null) {
    const root = path.resolve(AMAKE, '../..');
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'amake-shared-'));
    for (const part of ['bin', 'dist', 'package.json']) {
      fs.cpSync(path.join(root, part), path.join(copy, part), {
        recursive: true,
      });
    }
    fs.chmodSync(copy, 0o755);
    sharedCopy = path.join(copy, 'bin/amake');
    process.on('exit', () => fs.rmSync(copy, { recursive: true, force: true }));
  }
  return sharedCopy;
}

/** SysV message queues and semaphore sets, as `ipcs` lists them. */
function ipcObjects(): string[] {
  const text = execFileSync('ipcs', ['-q', '-s'], { encoding: 'utf8' });
  return text.split('\n').filter((line) => /^0x/.test(line));
}

/** amake in `dir` as the given user; its result. */
async function amake(
  prefix: string[],
  args: string[],
  dir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [program, ...rest] = prefix.length
    ? [...prefix, amakeFor(prefix)]
    : [AMAKE];
  const { finished } = start(program!, [...rest, ...args], dir, {
    HOME: dir,
  });
  return finished;
}

function workspace(files: Record<string, string>): string {
  const dir = scratch(files);
  fs.chmodSync(dir, 0o777);
  return dir;
}

const DAEMON = `all:
\t@sh -c 'setsid sh -c "exec 0<&- 1>&- 2>&-; sleep 300" &'
\t@echo job done
`;

const FAKEROOT = `all: archive.tar
archive.tar: one.tar two.tar
\tcat one.tar two.tar > $@
%.tar:
\tmkdir -p $*/bin && touch $*/bin/tool
\tfakeroot sh -c 'chown -R 0:0 $* && chown 1234:42 $*/bin/tool && \\
\t  chmod 4755 $*/bin/tool && mknod $*/null c 1 3 && tar cf $@ $*'
`;

const DEB = `all: pkg.deb
pkg.deb:
\tmkdir -p pkg/DEBIAN pkg/usr/bin
\tprintf 'Package: amake-test\\nVersion: 1.0\\nArchitecture: all\\nMaintainer: amake <amake@example.org>\\nDescription: test\\n' > pkg/DEBIAN/control
\ttouch pkg/usr/bin/tool
\tfakeroot sh -c 'chown 0:0 -R pkg && chmod 4755 pkg/usr/bin/tool && dpkg-deb --build pkg $@ > /dev/null'
`;

const BACKGROUND = `all:
\t@sleep 300 & echo left a child
`;

const SHELL_DAEMON = `X := $(shell setsid sh -c 'exec 0<&- 1>&- 2>&-; sleep 300' & echo started)
all:
\t@echo $(X)
`;

// A job that leaves a SysV message queue, and a job after it that counts
// those it can see; a third job after a clean one counts them too.
const FRESH_IPC = `all: count2
.PHONY: leave count1 clean count2
leave:
\t@ipcmk -Q > /dev/null
count1: leave
\t@ipcs -q | grep -c '^0x' || true
clean: count1
\t@true
count2: clean
\t@ipcs -q | grep -c '^0x' || true
`;

const LEAK = `all:
\t-fakeroot sh -c 'kill -KILL $$PPID; sleep 1'
\t@echo after
`;

for (const [who, prefix] of USERS) {
  for (const jobs of ['-j1', '-j4']) {
    describe(`containment, ${who}, ${jobs}`, () => {
      it('reports and stops a daemon that called setsid', async () => {
        const dir = workspace({ Makefile: DAEMON });
        const result = await amake(prefix, [jobs], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /job done/);
        assert.match(
          result.stderr,
          /amake: job for 'all' left process \d+ running \(.+\): stopping it/,
        );
        assert.deepEqual(processesIn(dir), []);
        fs.rmSync(dir, { recursive: true, force: true });
      });

      it(
        'builds root-owned archives under the real fakeroot',
        {
          skip: !hasFakeroot && 'fakeroot is not installed',
        },
        async () => {
          const dir = workspace({ Makefile: FAKEROOT });
          const result = await amake(prefix, [jobs], dir);
          assert.equal(result.code, 0, result.stderr);
          for (const name of ['one', 'two']) {
            const listing = execFileSync('tar', ['tvf', `${name}.tar`], {
              cwd: dir,
              encoding: 'utf8',
            });
            assert.match(
              listing,
              new RegExp(`-rwsr-xr-x 1234/\\S+ .* ${name}/bin/tool`),
            );
            assert.match(
              listing,
              new RegExp(`crw-r--r-- root/root .* ${name}/null`),
            );
            assert.match(
              listing,
              new RegExp(`drwxr-xr-x root/root .* ${name}/$`, 'm'),
            );
          }
          assert.deepEqual(processesIn(dir), []);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      );

      it(
        'builds a .deb with dpkg-deb under fakeroot',
        {
          skip: !hasFakeroot && 'fakeroot is not installed',
        },
        async () => {
          const dir = workspace({ Makefile: DEB });
          const result = await amake(prefix, [jobs], dir);
          assert.equal(result.code, 0, result.stderr);
          const listing = execFileSync('dpkg-deb', ['-c', 'pkg.deb'], {
            cwd: dir,
            encoding: 'utf8',
          });
          assert.match(listing, /-rwsr-xr-x root\/root .* \.\/usr\/bin\/tool/);
          assert.deepEqual(processesIn(dir), []);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      );

      it('stops a background child a recipe leaves', async () => {
        const dir = workspace({ Makefile: BACKGROUND });
        const result = await amake(prefix, [jobs], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, 'left a child\n');
        assert.match(result.stderr, /left process \d+ running \(.+\)/);
        assert.deepEqual(processesIn(dir), []);
        fs.rmSync(dir, { recursive: true, force: true });
      });

      it('reports and stops a daemon a $(shell) command started', async () => {
        const dir = workspace({ Makefile: SHELL_DAEMON });
        const result = await amake(prefix, [jobs], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, 'started\n');
        assert.match(
          result.stderr,
          /^amake: \$\(shell setsid .*\) left process \d+ running \(.+\): stopping it$/m,
        );
        assert.deepEqual(processesIn(dir), []);
        fs.rmSync(dir, { recursive: true, force: true });
      });

      it('gives every job an IPC namespace no job used before', async () => {
        const dir = workspace({ Makefile: FRESH_IPC });
        const before = ipcObjects();
        const result = await amake(prefix, [jobs], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '0\n0\n');
        assert.deepEqual(ipcObjects(), before);
        fs.rmSync(dir, { recursive: true, force: true });
      });

      it(
        'ends the faked a killed fakeroot leaves, and its IPC objects',
        {
          skip: !hasFakeroot && 'fakeroot is not installed',
        },
        async () => {
          const dir = workspace({ Makefile: LEAK });
          const before = ipcObjects();
          const result = await amake(prefix, [jobs], dir);
          assert.equal(result.code, 0, result.stderr);
          assert.match(result.stdout, /after/);
          assert.deepEqual(processesIn(dir), []);
          assert.deepEqual(ipcObjects(), before);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      );
    });
  }
}

const STATE_FILE = `all: check
state:
\ttouch owned
\tfakeroot -s state sh -c 'chown 1234:42 owned'
check: state
\tfakeroot -i state sh -c 'ls -ln owned' | cut -d' ' -f3,4
`;

const UNDER_FAKEROOT = `all:
\ttouch x && chown 123 x && ls -ln x | cut -d' ' -f3
`;

for (const [who, prefix] of USERS) {
  describe(`fakeroot, ${who}`, () => {
    it(
      'shares a state file between jobs with -s and -i',
      {
        skip: !hasFakeroot && 'fakeroot is not installed',
      },
      async () => {
        const dir = workspace({ Makefile: STATE_FILE });
        const result = await amake(prefix, ['-j4', '-s'], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '1234 42\n');
        fs.rmSync(dir, { recursive: true, force: true });
      },
    );

    it(
      'runs under fakeroot itself without hanging',
      {
        skip: !hasFakeroot && 'fakeroot is not installed',
      },
      async () => {
        const dir = workspace({ Makefile: UNDER_FAKEROOT });
        const args = [...prefix, 'fakeroot', amakeFor(prefix), '-j2', '-s'];
        const { finished } = start(args[0]!, args.slice(1), dir, { HOME: dir });
        const result = await finished;
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '123\n');
        fs.rmSync(dir, { recursive: true, force: true });
      },
    );
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
  describe(`amake killed by ${signal} in a fakeroot recipe`, () => {
    it(
      'leaves no process, no IPC object, nothing in the workspace',
      {
        skip: !hasFakeroot && 'fakeroot is not installed',
      },
      async () => {
        const dir = workspace({
          Makefile: `all:\n\tfakeroot sh -c 'touch started; sleep 300'\n`,
        });
        const before = ipcObjects();
        const { child, finished } = start(AMAKE, ['-j2'], dir);
        await waitForFile(path.join(dir, 'started'));
        child.kill(signal);
        await finished;
        // The helper ends the jobs as soon as it sees amake gone.
        const deadline = Date.now() + 5000;
        while (processesIn(dir).length > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.deepEqual(processesIn(dir), []);
        assert.deepEqual(ipcObjects(), before);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    );
  });
}

// A job that leaves a POSIX message queue, and a job after it that looks
// for it by name.
const POSIX_QUEUE_PROGRAM = `#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "create") == 0)
        return mq_open("/amake-test-queue", O_CREAT | O_RDWR, 0600, 0) < 0;
    puts(mq_open("/amake-test-queue", O_RDWR) < 0 ? "absent" : "present");
    return 0;
}
`;
const POSIX_QUEUE = `all: check
mq: mq.c
\t@cc -o $@ $<
create: mq
\t@./mq create
check: create
\t@./mq check
`;
const hasCompiler = spawnSync('cc', ['--version']).status === 0;

describe('a POSIX message queue a job leaves', () => {
  it(
    'is not seen by the next job',
    {
      skip: !hasCompiler && 'no C compiler',
      // A pooled init is reused when its command left no process and no
      // SysV IPC object; it cannot list POSIX message queues (that takes
      // an mqueue mount in its namespace), so the next command it runs
      // can open one the last left. See ARCHITECTURE.md.
      todo: 'pooled inits do not look for POSIX message queues',
    },
    async () => {
      const dir = workspace({
        Makefile: POSIX_QUEUE,
        'mq.c': POSIX_QUEUE_PROGRAM,
      });
      const result = await amake([], ['-j1'], dir);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, 'absent\n');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});

describe('amake --version', () => {
  it('says what contains the jobs', () => {
    const text = execFileSync(AMAKE, ['--version'], { encoding: 'utf8' });
    assert.match(text, /^Jobs are contained by: .+\.$/m);
  });
});

describe('--job-timeout', () => {
  it('stops a job that runs too long, with all it started, and fails it', async () => {
    const dir = workspace({
      Makefile:
        'all: slow after\nslow:\n\t@sleep 300 & sleep 300\nafter: ; @echo after\n',
    });
    const started = Date.now();
    const result = await amake([], ['-k', '--job-timeout=1'], dir);
    assert.ok(Date.now() - started < 10_000, 'it did not wait for the job');
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /amake: \*\*\* \[Makefile:3: slow\] Terminated \(--job-timeout=1 reached\)/,
    );
    assert.equal(result.stdout, 'after\n');
    assert.deepEqual(processesIn(dir), []);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe(
  'a workspace on a tmpfs of its own',
  { skip: !isRoot && 'needs root to mount' },
  () => {
    const cases: [string, string][] = [
      ['a job that leaves a daemon', DAEMON],
      ['a killed fakeroot', LEAK],
      ['a failing build', 'all:\n\t@sleep 300 &\n\t@false\n'],
      ['a $(shell) that leaves a daemon', SHELL_DAEMON],
    ];
    for (const [who, prefix] of USERS) {
      for (const jobs of ['-j1', '-j4']) {
        for (const [what, makefile] of cases) {
          it(
            `unmounts the moment amake returns, after ${what}, ${who}, ${jobs}`,
            {
              skip: !hasFakeroot && 'fakeroot is not installed',
            },
            async () => {
              const mount = scratch({});
              execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', mount]);
              try {
                fs.chmodSync(mount, 0o777);
                fs.writeFileSync(path.join(mount, 'Makefile'), makefile);
                await amake(prefix, [jobs], mount);
              } finally {
                // No retry: busy now is a failure.
                execFileSync('umount', [mount]);
                fs.rmSync(mount, { recursive: true, force: true });
              }
            },
          );
        }
      }
    }

    it('unmounts the moment amake returns after TERM mid-job', async () => {
      const mount = scratch({});
      execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', mount]);
      try {
        fs.writeFileSync(
          path.join(mount, 'Makefile'),
          "all:\n\t@sh -c 'setsid sleep 300 & touch started; sleep 300'\n",
        );
        const { child, finished } = start(AMAKE, ['-j2'], mount);
        await waitForFile(path.join(mount, 'started'));
        child.kill('SIGTERM');
        const result = await finished;
        assert.equal(result.signal, 'SIGTERM');
      } finally {
        execFileSync('umount', [mount]);
        fs.rmSync(mount, { recursive: true, force: true });
      }
    });
  },
);

const LIBFAKEROOT = '/usr/lib/x86_64-linux-gnu/libfakeroot/libfakeroot-sysv.so';
const DAEMON_MODE = (pragma: string) => `all: owned.txt
${pragma}
key:
\tfaked-sysv > $@
owned.txt: key
\ttouch file
\tFAKEROOTKEY=$$(cut -d: -f1 key) LD_PRELOAD=${LIBFAKEROOT} sh -c 'chown 777 file && ls -ln file' | cut -d' ' -f3 > $@
`;

describe(
  "fakeroot's daemon mode",
  {
    skip: !fs.existsSync(LIBFAKEROOT) && 'libfakeroot-sysv is not installed',
  },
  () => {
    for (const jobs of ['-j1', '-j4']) {
      it(`keeps a daemon for later jobs with #pragma keepdaemons, ${jobs}`, async () => {
        const dir = workspace({ Makefile: DAEMON_MODE('#pragma keepdaemons') });
        const before = ipcObjects();
        const result = await amake([], [jobs, '-s'], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(
          fs.readFileSync(path.join(dir, 'owned.txt'), 'utf8'),
          '777\n',
        );
        // Ended before amake exits, with its IPC objects.
        assert.match(
          result.stderr,
          /job for 'key' left process \d+ running \(.*faked.*\): stopping it/,
        );
        assert.deepEqual(processesIn(dir), []);
        assert.deepEqual(ipcObjects(), before);
        fs.rmSync(dir, { recursive: true, force: true });
      });

      it(`fails, naming the pragma, without it, ${jobs}`, async () => {
        const dir = workspace({ Makefile: DAEMON_MODE('') });
        const before = ipcObjects();
        const result = await amake([], [jobs, '-s'], dir);
        assert.equal(result.code, 2);
        assert.match(
          result.stderr,
          /amake: \*\*\* \[Makefile:7: owned\.txt\] uses a fakeroot daemon through FAKEROOTKEY, but no rule keeps one: write '#pragma keepdaemons' on the line before the rule that starts it/,
        );
        assert.deepEqual(processesIn(dir), []);
        assert.deepEqual(ipcObjects(), before);
        fs.rmSync(dir, { recursive: true, force: true });
      });
    }
  },
);
