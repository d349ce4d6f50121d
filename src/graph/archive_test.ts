import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  archiveMemberDate,
  matchArchiveMembers,
  parseArchiveMember,
  scanArchive,
  touchArchiveMember,
} from './archive';

let directory = '';

/** 2005-06-07 08:09:10 UTC, in seconds. */
const date = 1118131750;

/** Writes files with `date` as their time, as `ar U` then records it. */
function objects(...names: string[]): string[] {
  return names.map((name) => {
    const file = path.join(directory, name);
    writeFileSync(file, `${name}\n`);
    utimesSync(file, date, date);
    return file;
  });
}

/** Runs `ar` in the test directory. */
function ar(...args: string[]): void {
  execFileSync('ar', args, { cwd: directory, stdio: 'ignore' });
}

/** A BSD archive: each name after its header, announced as `#1/length`. */
function bsdArchive(file: string, members: [string, string][]): void {
  const parts = ['!<arch>\n'];
  for (const [name, data] of members) {
    const field = (text: string, width: number) => text.padEnd(width, ' ');
    const size = name.length + data.length;
    parts.push(
      field(`#1/${name.length}`, 16) +
        field(String(date), 12) +
        field('0', 6) +
        field('0', 6) +
        field('644', 8) +
        field(String(size), 10) +
        '`\n' +
        name +
        data +
        (size % 2 === 1 ? '\n' : ''),
    );
  }
  writeFileSync(file, parts.join(''), 'latin1');
}

before(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'amake-archive-'));
});

after(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('parseArchiveMember', () => {
  it('splits lib(member) into archive and member', () => {
    assert.deepEqual(parseArchiveMember('lib.a(x.o)'), {
      archive: 'lib.a',
      member: 'x.o',
    });
  });

  it('refuses names that are no member reference', () => {
    assert.equal(parseArchiveMember('(x.o)'), null);
    assert.equal(parseArchiveMember('lib.a()'), null);
    assert.equal(parseArchiveMember('foo(bar).baz'), null);
    assert.equal(parseArchiveMember('plain.o'), null);
  });
});

describe('scanArchive', () => {
  it('reads short and long member names of a GNU archive', () => {
    objects('short.o', 'a_member_name_over_15.o');
    ar('rcU', 'gnu.a', 'short.o', 'a_member_name_over_15.o');
    const scan = scanArchive(path.join(directory, 'gnu.a'));
    assert.ok(typeof scan !== 'string');
    // The `//` table of long names is a member too, to GNU: `/`.
    assert.deepEqual(
      scan.map((member) => [member.name, member.truncated]).slice(0, 1),
      [['/', true]],
    );
    assert.deepEqual(
      scan
        .slice(1)
        .map((member) => [member.name, member.truncated, member.date]),
      [
        ['short.o', true, date],
        ['a_member_name_over_15.o', false, date],
      ],
    );
  });

  it('reads member names stored after the header, BSD style', () => {
    const file = path.join(directory, 'bsd.a');
    bsdArchive(file, [
      ['one.o', 'x'],
      ['a_rather_long_name.o', 'yy'],
    ]);
    const scan = scanArchive(file);
    assert.ok(typeof scan !== 'string');
    assert.deepEqual(
      scan.map((member) => [member.name, member.truncated]),
      [
        ['one.o', false],
        ['a_rather_long_name.o', false],
      ],
    );
  });

  it('tells a missing archive from a file that is no archive', () => {
    assert.equal(scanArchive(path.join(directory, 'none.a')), 'missing');
    writeFileSync(path.join(directory, 'text.a'), 'not an archive\n');
    assert.equal(scanArchive(path.join(directory, 'text.a')), 'invalid');
  });

  it('sees a member added since the last scan', () => {
    objects('first.o', 'second.o');
    ar('rcU', 'grow.a', 'first.o');
    const file = path.join(directory, 'grow.a');
    assert.equal(archiveMemberDate(file, 'second.o'), null);
    ar('rcU', 'grow.a', 'second.o');
    assert.equal(archiveMemberDate(file, 'second.o'), date);
  });
});

describe('archiveMemberDate', () => {
  it("is the date in the member's header, not the archive's time", () => {
    objects('dated.o');
    ar('rcU', 'dated.a', 'dated.o');
    const file = path.join(directory, 'dated.a');
    assert.notEqual(Math.floor(statSync(file).mtimeMs / 1000), date);
    assert.equal(archiveMemberDate(file, 'dated.o'), date);
  });

  it('matches the member without the directory it was named with', () => {
    assert.equal(
      archiveMemberDate(path.join(directory, 'dated.a'), 'sub/dated.o'),
      date,
    );
  });

  it('is null for a member the archive lacks, or a missing archive', () => {
    assert.equal(
      archiveMemberDate(path.join(directory, 'dated.a'), 'other.o'),
      null,
    );
    assert.equal(archiveMemberDate(path.join(directory, 'no.a'), 'x.o'), null);
  });

  it('is null for the zero dates of a deterministic archive', () => {
    objects('zero.o');
    ar('rcD', 'zero.a', 'zero.o');
    assert.equal(
      archiveMemberDate(path.join(directory, 'zero.a'), 'zero.o'),
      null,
    );
  });
});

describe('matchArchiveMembers', () => {
  it('lists the members a test accepts, sorted', () => {
    objects('b.o', 'a.o', 'c.x');
    ar('rcU', 'glob.a', 'b.o', 'c.x', 'a.o');
    const names = matchArchiveMembers(path.join(directory, 'glob.a'), (name) =>
      name.endsWith('.o'),
    );
    assert.deepEqual(names, ['a.o', 'b.o']);
  });
});

describe('touchArchiveMember', () => {
  it("sets the member's date to the archive's time before the touch", () => {
    objects('touched.o');
    ar('rcU', 'touch.a', 'touched.o');
    const file = path.join(directory, 'touch.a');
    const archiveTime = date + 1000;
    utimesSync(file, archiveTime, archiveTime);
    assert.deepEqual(touchArchiveMember(file, 'touched.o'), {
      kind: 'touched',
    });
    assert.equal(archiveMemberDate(file, 'touched.o'), archiveTime);
  });

  it('says when the archive or the member is not there', () => {
    const file = path.join(directory, 'touch.a');
    assert.equal(touchArchiveMember(file, 'nope.o').kind, 'no-member');
    const none = path.join(directory, 'none.a');
    assert.equal(touchArchiveMember(none, 'x.o').kind, 'no-archive');
  });
});
