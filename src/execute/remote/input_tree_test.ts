import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BlobSource,
  InputTree,
  compareNames,
  isFakerootState,
} from './input_tree';
import { DirectoryMessage, decode, digestKey, digestOf } from './reapi';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'amake-tree-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

/** The root digest of a tree read afresh, seeing everything. */
function freshDigest(root: string): string {
  const tree = new InputTree(root, [root]);
  return tree.encode(tree.current(), new Map(), new Set(), new Set()).digest
    .hash;
}

const FILES = {
  'src/a.c': 'int a;\n',
  'src/b.c': 'int b;\n',
  'include/a.h': '#define A\n',
};

describe('InputTree', () => {
  it('encodes directories with sorted entries and lists every blob', () => {
    const root = workspace(FILES);
    symlinkSync('src/a.c', join(root, 'link'));
    const tree = new InputTree(root, [root]);
    const blobs = new Map<string, BlobSource>();
    const encoded = tree.encode(tree.current(), blobs, new Set(), new Set());
    const message = decode<DirectoryMessage>('Directory', encoded.bytes);
    assert.deepEqual(
      message.directories.map((d) => d.name),
      ['include', 'src'],
    );
    assert.deepEqual(message.symlinks, [{ name: 'link', target: 'src/a.c' }]);
    assert.ok(blobs.has(digestKey(digestOf(Buffer.from('int a;\n')))));
    assert.equal(encoded.digest.hash, digestOf(encoded.bytes).hash);
  });

  it('finds the fakeroot state files, and forgets one that is gone', () => {
    const state = 'dev=fe00,ino=12,mode=100644,uid=0,gid=0,nlink=1,rdev=0\n';
    const root = workspace({
      ...FILES,
      'z/state': state,
      'a/deep/state': state,
      'a/not-state': 'dev=but not fakeroot\n',
    });
    const tree = new InputTree(root, [root]);
    assert.deepEqual(tree.fakerootStates(), ['a/deep/state', 'z/state']);
    rmSync(join(root, 'z/state'));
    tree.changed(['z/state']);
    writeFileSync(join(root, 'a/deep/state'), 'now text\n');
    tree.changed(['a/deep/state']);
    writeFileSync(join(root, 'new-state'), state);
    tree.changed(['new-state']);
    assert.deepEqual(tree.fakerootStates(), ['new-state']);
  });

  it("hides this build's files a job does not depend on, as if absent", () => {
    const root = workspace(FILES);
    const without = workspace(FILES);
    const tree = new InputTree(root, [root]);
    tree.current();
    mkdirSync(join(root, 'build'));
    writeFileSync(join(root, 'build/a.o'), 'object a');
    writeFileSync(join(root, 'build/b.o'), 'object b');
    for (const path of ['build/a.o', 'build/b.o']) tree.markProduced(path);
    tree.changed(['build']);

    const seenBy = (visible: string[]) =>
      tree.encode(tree.current(), new Map(), new Set(), new Set(visible)).digest
        .hash;
    mkdirSync(join(without, 'build'));
    assert.equal(seenBy([]), freshDigest(without));
    writeFileSync(join(without, 'build/a.o'), 'object a');
    assert.equal(seenBy(['build/a.o']), freshDigest(without));
    writeFileSync(join(without, 'build/b.o'), 'object b');
    assert.equal(seenBy(['build/a.o', 'build/b.o']), freshDigest(without));
    // The view of a job that sees nothing is still right afterwards.
    rmSync(join(without, 'build/a.o'));
    rmSync(join(without, 'build/b.o'));
    assert.equal(seenBy([]), freshDigest(without));
  });

  it('takes the digest of what amake wrote, until something else may have written', () => {
    const root = workspace(FILES);
    const tree = new InputTree(root, [root]);
    tree.current();
    writeFileSync(join(root, 'out'), 'made\n');
    // A digest that is not the content's: it shows no hashing was done.
    const told = { hash: 'ab'.repeat(32), size_bytes: 5 };
    tree.written('out', told);
    tree.changed(['out']);
    const fileDigest = () => {
      const message = decode<DirectoryMessage>(
        'Directory',
        tree.encode(tree.current(), null, new Set(), new Set()).bytes,
      );
      return message.files.find((file) => file.name === 'out')!.digest.hash;
    };
    assert.equal(fileDigest(), told.hash);
    // Written again, then over by a local job, to as many bytes.
    tree.written('out', told);
    writeFileSync(join(root, 'out'), 'MADE\n');
    tree.invalidate();
    assert.equal(fileDigest(), digestOf(Buffer.from('MADE\n')).hash);
  });

  it('sees a change of a file that is not hidden, in every view', () => {
    const root = workspace(FILES);
    const tree = new InputTree(root, [root]);
    tree.current();
    writeFileSync(join(root, 'src/out.o'), 'made');
    tree.markProduced('src/out.o');
    tree.changed(['src/out.o']);
    const before = tree.encode(tree.current(), new Map(), new Set(), new Set());
    writeFileSync(join(root, 'src/b.c'), 'int b = 2;\n');
    tree.changed(['src/b.c']);
    const after = tree.encode(tree.current(), new Map(), new Set(), new Set());
    assert.notEqual(after.digest.hash, before.digest.hash);
    const expected = workspace(FILES);
    writeFileSync(join(expected, 'src/b.c'), 'int b = 2;\n');
    assert.equal(after.digest.hash, freshDigest(expected));
  });

  it('leaves out of the blobs what the server is known to have', () => {
    const root = workspace(FILES);
    const tree = new InputTree(root, [root]);
    const first = new Map<string, BlobSource>();
    tree.encode(tree.current(), first, new Set(), new Set());
    const present = new Set(first.keys());
    const second = new Map<string, BlobSource>();
    tree.encode(tree.current(), second, present, new Set());
    assert.equal(second.size, 0);
    cpSync(join(root, 'src/a.c'), join(root, 'src/c.c'));
    tree.changed(['src/c.c']);
    const third = new Map<string, BlobSource>();
    tree.encode(tree.current(), third, present, new Set());
    // The root and src/ are new; include/, which the server has, is
    // not gone through again.
    assert.ok(third.size > 0);
    assert.ok(!third.has(digestKey(digestOf(Buffer.from('#define A\n')))));
  });
});

describe('compareNames', () => {
  it('orders names by their UTF-8 bytes', () => {
    const names = ['b', 'a', '\u{1F600}', '\uFF01', 'B'];
    assert.deepEqual(names.sort(compareNames), [
      'B',
      'a',
      'b',
      '\uFF01',
      '\u{1F600}',
    ]);
  });
});

describe('isFakerootState', () => {
  it("knows fakeroot's state files by their lines", () => {
    assert.ok(
      isFakerootState(
        'dev=fe00,ino=12,mode=100644,uid=0,gid=0,nlink=1,rdev=0\n',
      ),
    );
    assert.ok(!isFakerootState(''));
    assert.ok(!isFakerootState('dev=fe00 and more\n'));
  });
});
