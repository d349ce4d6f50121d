// GNU make 4.4's `.WAIT`, which amake has as an extra: in a parallel
// build, the prerequisites after it start only once those before it are
// done; it is no file, and not in `$^`.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { AMAKE, loggedEvents, loggedJob, scratch, start } from './helpers';

const job = (name: string): string => loggedJob(name, 0.2);

describe('.WAIT', () => {
  it('starts what follows it once what precedes it is done', async () => {
    const dir = scratch({
      Makefile:
        'all: a b .WAIT c d\n\t@echo $^\na:\n' +
        job('a') +
        'b:\n' +
        job('b') +
        'c:\n' +
        job('c') +
        'd:\n' +
        job('d'),
    });
    const { finished } = start(AMAKE, ['-j4'], dir);
    const result = await finished;
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'a b c d\n');
    const log = loggedEvents(dir);
    const at = (event: string) => log.indexOf(event);
    assert.ok(at('-a') < at('+c') && at('-b') < at('+c'), log.join(' '));
    assert.ok(at('-a') < at('+d') && at('-b') < at('+d'), log.join(' '));
    // On either side of it, jobs still run together.
    assert.ok(at('+b') < at('-a'), log.join(' '));
    assert.ok(at('+d') < at('-c'), log.join(' '));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
