import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputNode, UnsafeResultError, applyResult } from './apply';
import { Manifest, ManifestRecord } from './runner_protocol';

const START = { seconds: 1_700_000_000, nanoseconds: 0 };
const LATER = { seconds: 1_700_000_010, nanoseconds: 5 };

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'amake-apply-'));
}

function manifest(...records: ManifestRecord[]): Manifest {
  return { start: START, records };
}

function file(text: string): OutputNode {
  return { kind: 'file', data: Buffer.from(text) };
}

function changedFile(path: string, mode = 0o644, mtime = LATER) {
  return {
    kind: 'changed',
    type: 'file',
    mode,
    mtime,
    path,
  } as const;
}

describe('applyResult', () => {
  it('writes new files with their modes, and deletes what the job deleted', () => {
    const root = workspace();
    writeFileSync(join(root, 'old'), 'x');
    const changed = applyResult(
      root,
      manifest(
        {
          kind: 'changed',
          type: 'directory',
          mode: 0o755,
          mtime: LATER,
          path: 'sub',
        },
        changedFile('sub/tool', 0o4755),
        { kind: 'deleted', path: 'old' },
      ),
      new Map([
        ['sub', { kind: 'directory' }],
        ['sub/tool', file('#!/bin/sh\n')],
      ]),
    );
    assert.deepEqual(changed, ['sub', 'sub/tool', 'old']);
    assert.equal(readFileSync(join(root, 'sub/tool'), 'utf8'), '#!/bin/sh\n');
    assert.equal(statSync(join(root, 'sub/tool')).mode & 0o7777, 0o4755);
    assert.equal(existsSync(join(root, 'old')), false);
  });

  it('keeps a time the job set to before it started, and no other', () => {
    const root = workspace();
    const old = { seconds: 1_000_000_000, nanoseconds: 0 };
    const before = Date.now();
    applyResult(
      root,
      manifest(changedFile('untarred', 0o644, old), changedFile('made')),
      new Map([
        ['untarred', file('a')],
        ['made', file('b')],
      ]),
    );
    assert.equal(statSync(join(root, 'untarred')).mtimeMs, 1_000_000_000_000);
    assert.ok(statSync(join(root, 'made')).mtimeMs >= before - 1000);
  });

  it('makes symlinks that stay inside the workspace', () => {
    const root = workspace();
    applyResult(
      root,
      manifest({
        kind: 'symlink',
        mode: 0o777,
        mtime: LATER,
        path: 'link',
        target: 'sub/../file',
      }),
      new Map(),
    );
    assert.equal(readlinkSync(join(root, 'link')), 'sub/../file');
  });

  it("translates a fakeroot state file from paths to this machine's inodes", () => {
    const root = workspace();
    applyResult(
      root,
      manifest(changedFile('f'), {
        kind: 'fakeroot',
        mode: 0o644,
        mtime: LATER,
        path: 'state',
      }),
      new Map([
        ['f', file('content')],
        ['state', file('mode=100644,uid=7,gid=8,nlink=1,rdev=0 f\n')],
      ]),
    );
    const stat = lstatSync(join(root, 'f'), { bigint: true });
    assert.equal(
      readFileSync(join(root, 'state'), 'utf8'),
      `dev=${stat.dev.toString(16)},ino=${stat.ino},mode=100644,uid=7,gid=8,nlink=1,rdev=0\n`,
    );
  });

  const refused: [string, Manifest, Map<string, OutputNode>][] = [
    [
      'an absolute path',
      manifest(changedFile('/tmp/evil')),
      new Map([['/tmp/evil', file('x')]]),
    ],
    [
      'a path with ..',
      manifest(changedFile('../evil')),
      new Map([['../evil', file('x')]]),
    ],
    [
      'a symlink that points out',
      manifest({
        kind: 'symlink',
        mode: 0o777,
        mtime: LATER,
        path: 'out',
        target: '../../etc/passwd',
      }),
      new Map(),
    ],
    [
      'an absolute symlink',
      manifest({
        kind: 'symlink',
        mode: 0o777,
        mtime: LATER,
        path: 'out',
        target: '/etc/passwd',
      }),
      new Map(),
    ],
    [
      'a deletion outside',
      manifest({ kind: 'deleted', path: '../victim' }),
      new Map(),
    ],
    [
      "amake's own directory",
      manifest(changedFile('.amake-out/x')),
      new Map([['.amake-out/x', file('x')]]),
    ],
  ];
  for (const [what, result, nodes] of refused) {
    it(`refuses a result with ${what}, and writes none of it`, () => {
      const root = workspace();
      const whole = manifest(changedFile('good'), ...result.records);
      const all = new Map([['good', file('g')], ...nodes]);
      assert.throws(() => applyResult(root, whole, all), UnsafeResultError);
      assert.equal(existsSync(join(root, 'good')), false);
    });
  }

  it('refuses to write through a directory that is a symlink out', () => {
    const root = workspace();
    const outside = workspace();
    symlinkSync(outside, join(root, 'escape'));
    mkdirSync(join(root, 'fine'));
    assert.throws(
      () =>
        applyResult(
          root,
          manifest(changedFile('escape/file')),
          new Map([['escape/file', file('x')]]),
        ),
      /through a symlink out of the workspace: 'escape\/file'/,
    );
    assert.equal(existsSync(join(outside, 'file')), false);
  });
});
