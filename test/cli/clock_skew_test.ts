// A file whose time is in the future: amake warns of the first it finds
// and of clock skew as it exits, in GNU make's words. GNU's numbers of
// seconds depend on the moment each make runs, so this is checked here
// rather than in the conformance suite, against GNU make in the same way.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AMAKE, scratch } from '../parallel/helpers';

const FUTURE = new Date('2030-01-01T00:00:00Z');

function warnings(program: string, dir: string): string {
  const result = spawnSync(program, [], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, 'done\n');
  // The seconds differ from one run to the next.
  return result.stderr.replace(/time \d+ s/g, 'time N s');
}

describe('a file in the future', () => {
  it('is warned of once, with clock skew at the end, as GNU make does', () => {
    const dir = scratch({ Makefile: 'all: f g\n\t@echo done\n', f: '', g: '' });
    fs.utimesSync(path.join(dir, 'f'), FUTURE, FUTURE);
    fs.utimesSync(path.join(dir, 'g'), FUTURE, FUTURE);
    const expected = warnings('make', dir);
    assert.match(expected, /Clock skew detected/);
    assert.equal(warnings(AMAKE, dir).replace(/^amake:/gm, 'make:'), expected);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
