import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  parseBundle,
  ManifestError,
  encodeJobFile,
  fromPathForm,
  parseLeftovers,
  parseManifest,
  parseStatus,
  toPathForm,
} from './runner_protocol';

function strings(...each: string[]): Buffer {
  return Buffer.from(each.map((s) => `${s}\0`).join(''));
}

describe('the job file', () => {
  it('lists the directory, shell, commands, state files and environment', () => {
    const bytes = encodeJobFile({
      directory: 'sub',
      shell: '/bin/sh',
      shellFlags: ['-e', '-c'],
      commands: [
        { text: 'echo a', ignoreErrors: false },
        { text: 'false', ignoreErrors: true },
      ],
      fakerootStates: [{ path: 'state', source: '.amake-runner/fakeroot-1' }],
      environment: [['PATH', '/bin']],
    });
    assert.deepEqual(
      bytes,
      strings(
        'amake-job-1',
        'sub',
        '/bin/sh',
        '2',
        '-e',
        '-c',
        '2',
        '',
        'echo a',
        'i',
        'false',
        '1',
        'state',
        '.amake-runner/fakeroot-1',
        '1',
        'PATH=/bin',
      ),
    );
  });
});

describe('the manifest', () => {
  it('reads changes, deletions and fakeroot state files', () => {
    const manifest = parseManifest(
      strings(
        'amake-manifest-1',
        'S',
        '1700000000.5',
        'C',
        'd',
        '755',
        '1700000001.000000001',
        'dir',
        'C',
        'f',
        '4755',
        '1700000001.2',
        'dir/a b',
        'C',
        'l',
        '777',
        '1700000001.3',
        'dir/link',
        '../elsewhere',
        'D',
        'gone',
        'F',
        '644',
        '1700000002.0',
        'state',
      ),
    );
    assert.deepEqual(manifest.start, {
      seconds: 1700000000,
      nanoseconds: 500000000,
    });
    assert.deepEqual(
      manifest.records.map((record) => [record.kind, record.path]),
      [
        ['changed', 'dir'],
        ['changed', 'dir/a b'],
        ['symlink', 'dir/link'],
        ['deleted', 'gone'],
        ['fakeroot', 'state'],
      ],
    );
    const file = manifest.records[1]!;
    assert.equal(file.kind === 'changed' && file.mode, 0o4755);
    const link = manifest.records[2]!;
    assert.equal(link.kind === 'symlink' && link.target, '../elsewhere');
  });

  it('refuses what is not a manifest', () => {
    assert.throws(() => parseManifest(strings('other')), ManifestError);
    assert.throws(
      () => parseManifest(strings('amake-manifest-1', 'C', 'x', '644')),
      ManifestError,
    );
    assert.throws(
      () => parseManifest(strings('amake-manifest-1')),
      /no start time/,
    );
  });
});

describe('fakeroot state files by path', () => {
  const state =
    'dev=fe00,ino=12,mode=100644,uid=7,gid=8,nlink=1,rdev=0\n' +
    'dev=fe00,ino=99,mode=20644,uid=0,gid=0,nlink=1,rdev=259\n';

  it('names each file by its path, and drops files it cannot name', () => {
    const text = toPathForm(state, (device, inode) =>
      device === 0xfe00n && inode === 12n ? 'sub/f' : undefined,
    );
    assert.equal(text, 'mode=100644,uid=7,gid=8,nlink=1,rdev=0 sub/f\n');
  });

  it('names each path by its device and inode here', () => {
    const text = fromPathForm(
      'mode=100644,uid=7,gid=8,nlink=1,rdev=0 a b\nmode=1 missing\n',
      (path) => (path === 'a b' ? { device: 0x801n, inode: 5n } : null),
    );
    assert.equal(
      text,
      'dev=801,ino=5,mode=100644,uid=7,gid=8,nlink=1,rdev=0\n',
    );
  });
});

describe("the runner's records", () => {
  it('reads each command status, and a shell that could not start', () => {
    assert.deepEqual(parseStatus('1 0 0\n2 1 0\n3 start-error 2\n'), [
      { index: 1, exitCode: 0, signal: 0 },
      { index: 2, exitCode: 1, signal: 0 },
      { index: 3, exitCode: 127, signal: 0, startErrno: 2 },
    ]);
  });

  it('reads a job out of time, while a command ran or before it started', () => {
    assert.deepEqual(parseStatus('1 0 0\n2 0 15\n2 timeout\n'), [
      { index: 1, exitCode: 0, signal: 0 },
      { index: 2, exitCode: 0, signal: 15, timedOut: true },
    ]);
    assert.deepEqual(parseStatus('1 0 0\n2 timeout\n'), [
      { index: 1, exitCode: 0, signal: 0 },
      { index: 2, exitCode: 0, signal: 0, timedOut: true },
    ]);
  });

  it('reads the processes left behind', () => {
    assert.deepEqual(parseLeftovers('42\tfaked-sysv --foreground\n'), [
      { pid: 42, command: 'faked-sysv --foreground' },
    ]);
  });
});

describe('the bundle', () => {
  it('gives each file its bytes, NULs and all', () => {
    const binary = Buffer.from([0, 1, 0, 255]);
    const bundle = Buffer.concat([
      strings('amake-bundle-1', 'B', 'manifest', '3'),
      Buffer.from('abc\0'),
      strings('B', 'tree/x.o', '4'),
      binary,
      Buffer.from('\0'),
      strings('B', 'out.1', '0'),
      Buffer.from('\0'),
    ]);
    const files = parseBundle(bundle);
    assert.deepEqual([...files.keys()], ['manifest', 'tree/x.o', 'out.1']);
    assert.equal(Buffer.from(files.get('manifest')!).toString(), 'abc');
    assert.deepEqual(Buffer.from(files.get('tree/x.o')!), binary);
    assert.equal(files.get('out.1')!.length, 0);
  });

  it('refuses one that is cut short or of another kind', () => {
    const whole = Buffer.concat([
      strings('amake-bundle-1', 'B', 'f', '3'),
      Buffer.from('abc\0'),
    ]);
    assert.equal(parseBundle(whole).size, 1);
    for (const bad of [
      whole.subarray(0, whole.length - 1),
      whole.subarray(0, whole.length - 3),
      Buffer.concat([whole, strings('B', 'g')]),
      Buffer.concat([whole, strings('B', 'g', 'x')]),
      strings('amake-bundle-2'),
      Buffer.concat([whole, strings('C')]),
    ]) {
      assert.throws(() => parseBundle(bad), ManifestError);
    }
  });
});
