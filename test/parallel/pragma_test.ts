// amake's pragmas, written as make comments so that GNU make reads the
// same makefile: `#pragma runlocal` on the line before a rule runs its job
// alone, `#pragma allserial` runs a makefile's jobs one at a time,
// `#pragma multi` makes a rule's targets with one run of its recipe, and
// an unknown pragma gets a located warning.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  AMAKE,
  loggedEvents,
  loggedJob,
  mostAtOnce,
  scratch,
  start,
} from './helpers';

const job = (name: string): string => loggedJob(name);
const events = loggedEvents;

async function run(dir: string, args: string[]) {
  const { finished } = start(AMAKE, args, dir);
  return finished;
}

describe('#pragma runlocal', () => {
  it('runs the job after every earlier one and before any later one', async () => {
    const dir = scratch({
      Makefile:
        'all: a b c d\na:\n' +
        job('a') +
        '#pragma runlocal\nb:\n' +
        job('b') +
        'c:\n' +
        job('c') +
        'd:\n' +
        job('d'),
    });
    const result = await run(dir, ['-j4']);
    assert.equal(result.code, 0, result.stderr);
    const log = events(dir);
    const at = (event: string) => log.indexOf(event);
    assert.ok(at('-a') < at('+b'), `a ends before b starts: ${log}`);
    assert.ok(at('-b') < at('+c'), `b ends before c starts: ${log}`);
    assert.ok(at('-b') < at('+d'), `b ends before d starts: ${log}`);
    // The jobs around it still run in parallel.
    assert.ok(at('+d') < at('-c'), `c and d overlap: ${log}`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('#pragma allserial', () => {
  it('runs every job of the makefile one at a time', async () => {
    const dir = scratch({
      Makefile:
        '#pragma allserial\nall: a b c\na:\n' +
        job('a') +
        'b:\n' +
        job('b') +
        'c:\n' +
        job('c'),
    });
    const result = await run(dir, ['-j4']);
    assert.equal(result.code, 0, result.stderr);
    const log = fs.readFileSync(path.join(dir, 'log'), 'utf8');
    assert.equal(mostAtOnce(log.replace(/[a-z ]/g, '')), 1, log);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('#pragma multi', () => {
  it("makes a rule's targets with one run of its recipe", async () => {
    const dir = scratch({
      Makefile:
        'all: x y z\n#pragma multi\nx y z:\n\t@echo run >> runs; touch x y z\n',
    });
    const result = await run(dir, ['-j4']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'runs'), 'utf8'), 'run\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('an unknown pragma', () => {
  it('gets a warning where it is written', async () => {
    const dir = scratch({
      Makefile: 'all:\n\t@echo done\n#pragma runlocal nosuchthing\n',
    });
    const result = await run(dir, []);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'done\n');
    assert.equal(
      result.stderr,
      "Makefile:3: warning: unknown pragma 'nosuchthing'\n",
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
