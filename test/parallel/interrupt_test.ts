// Interrupting amake with real signals while jobs run: every job is
// stopped, what the interrupted jobs were writing is deleted with GNU
// make's message, and amake dies of the signal it got.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AMAKE, processesIn, scratch, start, waitForFile } from './helpers';

const MAKEFILE = `all: one two kept
one two:
\t@echo partial > $@; touch started-$@; sleep 30
kept: ; @touch $@
.PRECIOUS: two
`;

for (const jobs of ['-j1', '-j2']) {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    describe(`amake ${jobs} killed by ${signal}`, () => {
      it('stops its jobs, deletes their targets and dies of the signal', async () => {
        const dir = scratch({ Makefile: MAKEFILE });
        const { child, finished } = start(AMAKE, [jobs], dir);
        await waitForFile(path.join(dir, 'started-one'));
        if (jobs === '-j2') await waitForFile(path.join(dir, 'started-two'));
        child.kill(signal);
        const result = await finished;

        assert.equal(result.signal, signal);
        assert.match(result.stderr, /amake: \*\*\* Deleting file 'one'/);
        assert.ok(!fs.existsSync(path.join(dir, 'one')), 'one is deleted');
        if (jobs === '-j2') {
          // A precious target is kept, as GNU make keeps it.
          assert.ok(fs.existsSync(path.join(dir, 'two')), 'two is kept');
          assert.doesNotMatch(result.stderr, /Deleting file 'two'/);
        }
        assert.ok(!fs.existsSync(path.join(dir, 'kept')), 'no job started');
        // Give the killed shells a moment to be reaped.
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.deepEqual(processesIn(dir), []);
        fs.rmSync(dir, { recursive: true, force: true });
      });
    });
  }
}
