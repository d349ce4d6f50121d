// Remote execution against a real REAPI v2 server: Bazel's reference
// worker, built from Debian's packages and started on a loopback port.
// A project built remotely must equal the same project built by GNU make
// here; fakeroot jobs must leave nothing on the worker; the action cache,
// a dead server and a result that escapes the workspace are each tried.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AMAKE, GNU_MAKE, Finished, scratch, start } from '../parallel/helpers';
import { ReferenceWorker, startReferenceWorker } from './reference_worker';
import {
  Identity,
  certificateDirectory,
  makeIdentity,
  startTlsFront,
} from './tls_front';

const hasFakeroot = spawnSync('fakeroot', ['true']).status === 0;

/** Every file below `dir`, with its content, type and mode. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of fs.readdirSync(path.join(dir, relative)).sort()) {
      const entry = path.join(relative, name);
      const stat = fs.lstatSync(path.join(dir, entry));
      const mode = (stat.mode & 0o7777).toString(8);
      if (stat.isDirectory()) {
        files[entry] = `directory ${mode}`;
        walk(entry);
      } else if (stat.isSymbolicLink()) {
        files[entry] = `symlink ${fs.readlinkSync(path.join(dir, entry))}`;
      } else {
        const content = fs.readFileSync(path.join(dir, entry)).toString('hex');
        files[entry] = `file ${mode} ${content}`;
      }
    }
  };
  walk('');
  return files;
}

async function amake(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Finished> {
  return start(AMAKE, args, dir, env).finished;
}

/** Processes whose working directory is below `dir`. */
function processesBelow(dir: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + '/')) {
        const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        found.push(`${pid} ${command.replace(/\0/g, ' ')}`);
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/** The pids of amake's runners running on the worker. */
function runnersOf(worker: ReferenceWorker): number[] {
  return processesBelow(worker.workDir)
    .filter((line) => line.includes('.amake-runner/runner'))
    .map((line) => Number(line.split(' ')[0]));
}

function ipcObjects(): string[] {
  const text = execFileSync('ipcs', ['-q', '-s'], { encoding: 'utf8' });
  return text.split('\n').filter((line) => /^0x/.test(line));
}

const C_PROJECT: Record<string, string> = {
  Makefile: [
    'CFLAGS = -O2 -MMD -MP',
    'objects = main.o greet.o',
    'all: hello',
    'hello: $(objects)',
    '\t$(CC) -o $@ $(objects)',
    'greet.o: version.h',
    'version.h: VERSION',
    '\techo "#define VERSION \\"$$(cat VERSION)\\"" > $@',
    'check: hello',
    '\t./hello > greeting.txt',
    'clean:',
    '\trm -f hello *.o *.d version.h greeting.txt',
    '-include $(objects:.o=.d)',
    '',
  ].join('\n'),
  VERSION: '1.2\n',
  'main.c':
    '#include <stdio.h>\nconst char *greet(void);\n' +
    'int main(void) { puts(greet()); return 0; }\n',
  'greet.c':
    '#include "version.h"\n' +
    'const char *greet(void) { return "hello " VERSION; }\n',
};

describe('remote execution on the reference worker', () => {
  let worker: ReferenceWorker;
  before(async () => {
    worker = await startReferenceWorker();
  });
  after(async () => {
    await worker.stop();
  });
  const remote = () => [`--remote-executor=${worker.address}`];

  for (const jobs of ['-j1', '-j4']) {
    it(`builds a C project with files identical to GNU make's (${jobs})`, async () => {
      const local = scratch(C_PROJECT);
      const there = scratch(C_PROJECT);
      execFileSync(GNU_MAKE, ['-s', 'check'], { cwd: local });
      const result = await amake(there, [...remote(), jobs, 'check']);
      assert.equal(result.stderr, '');
      assert.equal(result.code, 0);
      assert.deepEqual(snapshot(there), snapshot(local));
      assert.equal(
        fs.readFileSync(path.join(there, 'greeting.txt'), 'utf8'),
        'hello 1.2\n',
      );
      // Up to date now, by the times the results were written with.
      const again = await amake(there, [...remote(), jobs]);
      assert.equal(again.stdout, "amake: Nothing to be done for 'all'.\n");
    });
  }

  it('prints the log a local build prints', async () => {
    const dir = scratch({
      Makefile:
        'all: a b\na:\n\techo one; echo err >&2\n\ttouch $@\n' +
        'b:\n\t@echo two\n\t-false\n\ttouch $@\n',
    });
    const gnu = scratch({
      Makefile: fs.readFileSync(path.join(dir, 'Makefile'), 'utf8'),
    });
    const expected = spawnSync(GNU_MAKE, [], { cwd: gnu, encoding: 'utf8' });
    const result = await amake(dir, remote());
    assert.equal(result.stdout, expected.stdout);
    assert.equal(result.stderr, expected.stderr.replace(/\bmake\b/g, 'amake'));
    assert.equal(result.code, 0);
  });

  it("fails a job whose command fails, in GNU make's words", async () => {
    const dir = scratch({ Makefile: 'out:\n\techo partial > $@; exit 3\n' });
    const result = await amake(dir, remote());
    assert.equal(result.code, 2);
    assert.match(result.stderr, /amake: \*\*\* \[Makefile:2: out\] Error 3/);
  });

  it('takes a rebuild after clean from the action cache, unless told not to', async () => {
    const dir = scratch({
      Makefile:
        'stamp: input\n\tdate +%s%N > $@\nclean:\n\trm -f stamp\n' +
        '#pragma nocache\nfresh: input\n\tdate +%s%N > $@\n',
      input: 'x\n',
    });
    await amake(dir, [...remote(), 'stamp', 'fresh']);
    const first = fs.readFileSync(path.join(dir, 'stamp'), 'utf8');
    const firstFresh = fs.readFileSync(path.join(dir, 'fresh'), 'utf8');
    fs.rmSync(path.join(dir, 'stamp'));
    fs.rmSync(path.join(dir, 'fresh'));
    await amake(dir, [...remote(), 'stamp', 'fresh']);
    assert.equal(fs.readFileSync(path.join(dir, 'stamp'), 'utf8'), first);
    assert.notEqual(
      fs.readFileSync(path.join(dir, 'fresh'), 'utf8'),
      firstFresh,
    );
    fs.rmSync(path.join(dir, 'stamp'));
    await amake(dir, [...remote(), '--remote-no-cache', 'stamp']);
    assert.notEqual(fs.readFileSync(path.join(dir, 'stamp'), 'utf8'), first);
  });

  it('makes the same actions whatever order jobs end in', async () => {
    // The first job to end makes out/ for all: what a job sees must not
    // depend on which that was, or a rebuild misses the cache.
    const files = {
      Makefile:
        'all: out/a/1 out/b/2 out/c/3 out/d/4\n' +
        'out/%:\n\tmkdir -p $(@D); date +%s%N > $@\n',
    };
    const first = scratch(files);
    const built = await amake(first, [...remote(), '-j4']);
    assert.equal(built.code, 0, built.stderr);
    for (const jobs of ['-j1', '-j4', '-j2']) {
      const dir = scratch(files);
      const result = await amake(dir, [...remote(), jobs]);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(snapshot(dir), snapshot(first), `at ${jobs}`);
    }
  });

  it('sends the jobs of sub-makes to the cluster too', async () => {
    const dir = scratch({
      Makefile: 'all:\n\t$(MAKE) -C lib\n\t$(MAKE) -C app\n',
      'lib/Makefile': 'lib.txt:\n\tpwd > where; echo lib > $@\n',
      'app/Makefile': 'app.txt: ../lib/lib.txt\n\tcat $< > $@\n',
    });
    const result = await amake(dir, [...remote(), '-j2']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      fs.readFileSync(path.join(dir, 'app/app.txt'), 'utf8'),
      'lib\n',
    );
    // The job ran where the worker put the workspace, not here.
    const where = fs.readFileSync(path.join(dir, 'lib/where'), 'utf8');
    assert.notEqual(where, `${fs.realpathSync(dir)}/lib\n`);
    assert.match(where, /\/lib\n$/);
  });

  it('runs #pragma runlocal jobs on the build host', async () => {
    const dir = scratch({
      Makefile:
        'all: here there\n#pragma runlocal\nhere:\n\tpwd > $@\n' +
        'there:\n\tpwd > $@\n',
    });
    const result = await amake(dir, remote());
    assert.equal(result.code, 0, result.stderr);
    const real = fs.realpathSync(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'here'), 'utf8'), `${real}\n`);
    assert.notEqual(
      fs.readFileSync(path.join(dir, 'there'), 'utf8'),
      `${real}\n`,
    );
  });

  it("keeps amake's environment on the build host unless allowed", async () => {
    const dir = scratch({
      Makefile:
        'export MINE = set by the makefile\n' +
        'all:\n\t@echo "[$$SECRET] [$$ALLOWED] [$$MINE]"\n',
    });
    const env = { SECRET: 'token', ALLOWED: 'yes' };
    const result = await amake(dir, [...remote(), '--remote-env=ALLOWED'], env);
    assert.equal(result.stdout, '[] [yes] [set by the makefile]\n');
  });

  it('applies results in serial order, as make -j1 leaves the files', async () => {
    // b ends first, but a comes first in a serial build: b's `shared`
    // must be the one left, as GNU make -j1 leaves it.
    const files = {
      Makefile:
        'all: a b\n' +
        'a: p\n\techo a > shared; touch $@\n' +
        'p:\n\tsleep 1; touch $@\n' +
        'b:\n\techo b > shared; touch $@\n',
    };
    const local = scratch(files);
    execFileSync(GNU_MAKE, ['-s', '-j1'], { cwd: local });
    for (const limit of [[], ['--remote-jobs=1']]) {
      const dir = scratch(files);
      const result = await amake(dir, [...remote(), '-j2', ...limit]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(
        fs.readFileSync(path.join(dir, 'shared'), 'utf8'),
        fs.readFileSync(path.join(local, 'shared'), 'utf8'),
      );
      const mtime = (name: string) => fs.statSync(path.join(dir, name)).mtimeMs;
      assert.ok(mtime('b') >= mtime('a'), 'b was applied before a');
    }
  });

  it('runs no more jobs remotely at once than --remote-jobs', async () => {
    const dir = scratch({
      Makefile:
        'all: a b c\na b c:\n\tdate +%s%N > $@; sleep 0.5; date +%s%N >> $@\n',
    });
    const result = await amake(dir, [...remote(), '-j3', '--remote-jobs=1']);
    assert.equal(result.code, 0, result.stderr);
    const spans = ['a', 'b', 'c']
      .map((name) =>
        fs
          .readFileSync(path.join(dir, name), 'utf8')
          .trim()
          .split('\n')
          .map(BigInt),
      )
      .sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    for (let i = 1; i < spans.length; i++) {
      assert.ok(spans[i]![0]! >= spans[i - 1]![1]!, 'two jobs overlapped');
    }
  });

  it('refuses a result that writes outside the workspace, and writes none of it', async () => {
    const dir = scratch({
      Makefile: 'link:\n\ttouch other; ln -s /etc/passwd $@\n',
    });
    const result = await amake(dir, remote());
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /remote execution: the result was refused, nothing of it was written: it makes a symlink that points out of the workspace: 'link' -> '\/etc\/passwd'/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'other')), false);
    assert.equal(fs.existsSync(path.join(dir, 'link')), false);
  });

  it('makes symlinks to files the same job wrote, as symlinks', async () => {
    // A worker may follow a symlink when it collects outputs; the link
    // must come back a link all the same, as `ln -s` made it.
    const dir = scratch({
      Makefile:
        'libx.so: libx.so.1\n\tln -sf $< $@\n' +
        'libx.so.1:\n\techo lib > $@; mkdir -p d; ln -sf ../$@ d/up\n',
    });
    const result = await amake(dir, remote());
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readlinkSync(path.join(dir, 'libx.so')), 'libx.so.1');
    assert.equal(fs.readlinkSync(path.join(dir, 'd/up')), '../libx.so.1');
    assert.equal(fs.readFileSync(path.join(dir, 'libx.so'), 'utf8'), 'lib\n');
  });

  it('refuses a relative symlink that climbs out of the workspace', async () => {
    const dir = scratch({ Makefile: 'link:\n\tln -s sub/../../x $@\n' });
    const result = await amake(dir, remote());
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /it makes a symlink that points out of the workspace: 'link' -> '(sub\/\.\.\/)?\.\.\/x'/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'link')), false);
  });

  it('sends and fetches blobs larger than a batch through ByteStream', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    const dir = scratch({
      Makefile: 'copy: input\n\tcp input $@; cat input input > double\n',
    });
    fs.writeFileSync(path.join(dir, 'input'), big);
    const result = await amake(dir, remote());
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'copy')), big);
    assert.deepEqual(
      fs.readFileSync(path.join(dir, 'double')),
      Buffer.concat([big, big]),
    );
  });

  it('tries a job again when its runner dies on the worker', async () => {
    const dir = scratch({
      Makefile: 'out:\n\tsleep 2; echo done > $@\n',
    });
    const run = start(AMAKE, remote(), dir);
    // The first runner is killed as if its machine went down.
    let killed = false;
    for (let i = 0; i < 100 && !killed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const pid of runnersOf(worker)) {
        process.kill(pid, 'SIGKILL');
        killed = true;
      }
    }
    const result = await run.finished;
    assert.ok(killed, 'no runner was seen on the worker');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'out'), 'utf8'), 'done\n');
  });

  it('stops on Ctrl-C with nothing of the remote job written', async () => {
    const dir = scratch({ Makefile: 'out:\n\tsleep 3; echo done > $@\n' });
    const run = start(AMAKE, remote(), dir);
    for (let i = 0; i < 100 && runnersOf(worker).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    run.child.kill('SIGINT');
    const result = await run.finished;
    assert.equal(result.signal, 'SIGINT');
    // The reference worker does not stop an action whose call was
    // cancelled: the runner ends it, and amake writes nothing of it.
    for (let i = 0; i < 100 && runnersOf(worker).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(processesBelow(worker.workDir), []);
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
  });

  it('reports and stops a daemon a job leaves on the worker', async () => {
    const dir = scratch({
      Makefile:
        "all:\n\tsetsid sh -c 'exec 0<&- 1>&- 2>&-; exec sleep 1234' &\n" +
        '\ttouch $@\n',
    });
    const result = await amake(dir, remote());
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      // The daemon may be seen before it has become `sleep`.
      /amake: job for 'all' left process \d+ running \(.+\): stopping it/,
    );
    assert.deepEqual(processesBelow(worker.workDir), []);
  });

  describe('over TLS', () => {
    let certificates: string;
    let server: Identity;
    let client: Identity;
    before(() => {
      certificates = certificateDirectory();
      server = makeIdentity(certificates, 'localhost');
      client = makeIdentity(certificates, 'amake-client');
    });
    after(() => fs.rmSync(certificates, { recursive: true, force: true }));
    const makefile = { Makefile: 'out:\n\techo secure > $@\n' };

    it('builds through grpcs:// with the server certificate trusted', async () => {
      const front = await startTlsFront(worker.port, server);
      try {
        for (const host of ['localhost', '127.0.0.1']) {
          const dir = scratch(makefile);
          const result = await amake(dir, [
            `--remote-executor=grpcs://${host}:${front.port}`,
            `--remote-tls-ca=${server.cert}`,
          ]);
          assert.equal(result.stderr, '');
          assert.equal(result.code, 0);
          assert.equal(
            fs.readFileSync(path.join(dir, 'out'), 'utf8'),
            'secure\n',
          );
        }
        // Not trusted: an error before any job.
        const dir = scratch(makefile);
        const result = await amake(dir, [
          `--remote-executor=grpcs://localhost:${front.port}`,
        ]);
        assert.equal(result.code, 2);
        assert.match(
          result.stderr,
          /^amake: \*\*\* remote execution: cannot reach grpcs:\/\/localhost:\d+: UNAVAILABLE: .*self-signed certificate\. {2}Stop\.\n$/,
        );
        assert.equal(fs.existsSync(path.join(dir, 'out')), false);
      } finally {
        await front.close();
      }
    });

    it('presents a client certificate to a server that asks for one', async () => {
      const front = await startTlsFront(worker.port, server, client);
      try {
        const dir = scratch(makefile);
        const trusted = `--remote-tls-ca=${server.cert}`;
        const address = `--remote-executor=grpcs://localhost:${front.port}`;
        const refused = await amake(dir, [address, trusted]);
        assert.equal(refused.code, 2);
        assert.match(refused.stderr, /cannot reach .*certificate required/);
        const result = await amake(dir, [
          address,
          trusted,
          `--remote-tls-cert=${client.cert}`,
          `--remote-tls-key=${client.key}`,
        ]);
        assert.equal(result.stderr, '');
        assert.equal(result.code, 0);
      } finally {
        await front.close();
      }
    });

    it('names a certificate option that cannot be used', async () => {
      const dir = scratch(makefile);
      const cases: [string[], RegExp][] = [
        [
          ['--remote-executor=grpcs://localhost:1', '--remote-tls-ca=nothere'],
          /cannot read --remote-tls-ca 'nothere' \(ENOENT\)\. {2}Stop\./,
        ],
        [
          [
            '--remote-executor=grpcs://localhost:1',
            `--remote-tls-cert=${client.cert}`,
          ],
          /a client certificate needs both --remote-tls-cert and --remote-tls-key/,
        ],
        [
          [
            '--remote-executor=grpc://localhost:1',
            `--remote-tls-ca=${server.cert}`,
          ],
          /the --remote-tls-\* options need a grpcs:\/\/ address/,
        ],
      ];
      for (const [args, expected] of cases) {
        const result = await amake(dir, args);
        assert.equal(result.code, 2);
        assert.match(result.stderr, expected);
      }
    });
  });

  describe(
    'fakeroot jobs',
    { skip: !hasFakeroot && 'fakeroot is not installed' },
    () => {
      it('build a root-owned archive and leave nothing on the worker', async () => {
        const dir = scratch({
          Makefile:
            'image.tar:\n' +
            "\tfakeroot sh -c 'mkdir -p root/bin && touch root/bin/tool && " +
            'chown 0:0 root/bin/tool && chmod 4755 root/bin/tool && ' +
            "mknod root/null c 1 3 && tar -cf $@ root'\n" +
            'killed.txt:\n' +
            "\tfakeroot sh -c 'kill -KILL $$PPID' || true\n\ttouch $@\n",
        });
        const ipcBefore = ipcObjects();
        const result = await amake(dir, [
          ...remote(),
          'image.tar',
          'killed.txt',
        ]);
        assert.equal(result.code, 0, result.stderr);
        const listing = execFileSync(
          'tar',
          ['tvf', path.join(dir, 'image.tar')],
          {
            encoding: 'utf8',
          },
        );
        assert.match(listing, /-rwsr-xr-x root\/root .* root\/bin\/tool/);
        assert.match(listing, /crw-r--r-- root\/root +1,3 .* root\/null/);
        assert.deepEqual(processesBelow(worker.workDir), []);
        assert.deepEqual(ipcObjects(), ipcBefore);
      });

      it('build a .deb with dpkg-deb, in parallel with other jobs', async () => {
        const dir = scratch({
          Makefile:
            'all: pkg.deb other\n' +
            'pkg.deb:\n' +
            '\tmkdir -p pkg/DEBIAN pkg/usr/bin\n' +
            "\tprintf 'Package: amake-test\\nVersion: 1.0\\n" +
            'Architecture: all\\nMaintainer: amake <amake@example.org>\\n' +
            "Description: test\\n' > pkg/DEBIAN/control\n" +
            '\ttouch pkg/usr/bin/tool\n' +
            "\tfakeroot sh -c 'chown -R 0:0 pkg && " +
            "chmod 4755 pkg/usr/bin/tool && dpkg-deb --build pkg $@ >/dev/null'\n" +
            'other:\n\tsleep 1 & echo left a child > $@\n',
        });
        const ipcBefore = ipcObjects();
        const result = await amake(dir, [...remote(), '-j4']);
        assert.equal(result.code, 0, result.stderr);
        const listing = execFileSync(
          'dpkg-deb',
          ['-c', path.join(dir, 'pkg.deb')],
          { encoding: 'utf8' },
        );
        assert.match(listing, /-rwsr-xr-x root\/root .* \.\/usr\/bin\/tool/);
        assert.match(result.stderr, /job for 'other' left process \d+/);
        assert.deepEqual(processesBelow(worker.workDir), []);
        assert.deepEqual(ipcObjects(), ipcBefore);
      });

      it('run here under `fakeroot amake`, where the daemon is', async () => {
        const dir = scratch({ Makefile: 'out:\n\tid -u > $@; pwd >> $@\n' });
        const run = spawnSync('fakeroot', [AMAKE, ...remote()], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 60_000,
        });
        assert.equal(run.status, 0, run.stderr);
        assert.equal(
          fs.readFileSync(path.join(dir, 'out'), 'utf8'),
          `0\n${fs.realpathSync(dir)}\n`,
        );
      });

      it('share a state file through -s and -i across separate actions', async () => {
        const dir = scratch({
          Makefile:
            'all: owners.txt\n' +
            'state: \n' +
            "\tfakeroot -s state sh -c 'touch file && chown 7:8 file'\n" +
            'owners.txt: state\n' +
            '\tfakeroot -i state stat -c %u:%g file > $@\n',
        });
        const result = await amake(dir, remote());
        assert.equal(result.code, 0, result.stderr);
        assert.equal(
          fs.readFileSync(path.join(dir, 'owners.txt'), 'utf8'),
          '7:8\n',
        );
        // The state file here names this machine's inode of `file`.
        const ino = fs.statSync(path.join(dir, 'file')).ino;
        assert.match(
          fs.readFileSync(path.join(dir, 'state'), 'utf8'),
          new RegExp(`ino=${ino},`),
        );
      });
    },
  );
});

describe('a worker that sandboxes its actions (--sandboxing)', () => {
  let worker: ReferenceWorker;
  before(async () => {
    worker = await startReferenceWorker(['--sandboxing']);
  });
  after(async () => {
    await worker.stop();
  });

  it('gives a job a temporary directory where /tmp is read-only', async () => {
    // Bazel's linux-sandbox mounts / read-only; dpkg-deb writes its
    // temporary files in TMPDIR or /tmp.
    const dir = scratch({
      Makefile:
        'pkg.deb:\n' +
        '\tmkdir -p pkg/DEBIAN pkg/usr/bin && touch pkg/usr/bin/tool\n' +
        "\tprintf 'Package: amake-test\\nVersion: 1.0\\n" +
        'Architecture: all\\nMaintainer: amake <amake@example.org>\\n' +
        "Description: test\\n' > pkg/DEBIAN/control\n" +
        "\tfakeroot sh -c 'chown -R 0:0 pkg && dpkg-deb --build pkg $@ >/dev/null'\n" +
        '\tsh -c \'test -w "$$TMPDIR"\' && touch tmpdir-was-set\n',
    });
    const result = await amake(dir, [`--remote-executor=${worker.address}`]);
    assert.equal(result.code, 0, result.stderr);
    const listing = execFileSync(
      'dpkg-deb',
      ['-c', path.join(dir, 'pkg.deb')],
      {
        encoding: 'utf8',
      },
    );
    assert.match(listing, /root\/root .* \.\/usr\/bin\/tool/);
    assert.ok(fs.existsSync(path.join(dir, 'tmpdir-was-set')));
    assert.ok(!fs.existsSync(path.join(dir, '.amake-out')));
    assert.deepEqual(processesBelow(worker.workDir), []);
  });
});

describe('a remote job out of time (--job-timeout)', () => {
  it('fails, and is stopped on the worker', async () => {
    // The reference worker does not enforce the action's timeout: the
    // runner does, and amake writes nothing of the job.
    const worker = await startReferenceWorker();
    try {
      const dir = scratch({ Makefile: 'slow:\n\tsleep 20; touch $@\n' });
      const result = await amake(dir, [
        `--remote-executor=${worker.address}`,
        '--job-timeout=1',
      ]);
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /amake: \*\*\* \[Makefile:2: slow\] .*\(--job-timeout=1 reached\)/,
      );
      assert.equal(fs.existsSync(path.join(dir, 'slow')), false);
      assert.deepEqual(processesBelow(worker.workDir), []);
    } finally {
      await worker.stop();
    }
  });
});

describe('a remote server that is not there', () => {
  it('is an error before any job runs', async () => {
    const dir = scratch({ Makefile: 'all:\n\ttouch $@\n' });
    const result = await amake(dir, ['--remote-executor=grpc://127.0.0.1:1']);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /^amake: \*\*\* remote execution: cannot reach grpc:\/\/127\.0\.0\.1:1: UNAVAILABLE: .*\. {2}Stop\.\n$/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'all')), false);
  });

  it('is a warning with --remote-fallback, and jobs run here', async () => {
    const dir = scratch({ Makefile: 'all:\n\ttouch $@\n' });
    const result = await amake(dir, [], {
      AMAKE_REMOTE_EXECUTOR: 'grpc://127.0.0.1:1',
      AMAKE_REMOTE_OPTIONS: '["--remote-fallback"]',
    });
    assert.equal(result.code, 0);
    assert.match(
      result.stderr,
      /warning: remote execution: cannot reach .*jobs run here instead \(--remote-fallback\)/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'all')), true);
  });
});

describe('a remote worker that dies mid-build', () => {
  it('fails the job with a clear error, and leaves no target behind', async () => {
    const worker = await startReferenceWorker();
    const dir = scratch({
      Makefile: 'all: slow\nslow:\n\tsleep 3; touch $@\n',
    });
    const run = start(AMAKE, [`--remote-executor=${worker.address}`], dir);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    worker.kill();
    const result = await run.finished;
    await worker.stop();
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /remote execution: the job failed 4 times on the cluster; last: UNAVAILABLE/,
    );
    assert.equal(fs.existsSync(path.join(dir, 'slow')), false);
  });
});
