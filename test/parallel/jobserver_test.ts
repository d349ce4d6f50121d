// amake and GNU make sharing one jobserver, each as parent and as child:
// the jobs of the whole recursive build never exceed -j, and they do run
// in parallel.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AMAKE, GNU_MAKE, mostAtOnce, scratch, start } from './helpers';

// Three sub-makes of four jobs each; every job marks its start and end.
const TOP = `SUBS := s1 s2 s3
all: $(SUBS)
$(SUBS):
\t+@$(SUB) -s -f sub.mk
`;
const SUB = `all: x1 x2 x3 x4
x%:
\t@printf + >> ../log; sleep 0.3; printf - >> ../log
`;

const pairs: [string, string, string][] = [
  ['amake', AMAKE, AMAKE],
  ['GNU make under amake', AMAKE, GNU_MAKE],
  ['amake under GNU make', GNU_MAKE, AMAKE],
];

for (const [label, parent, child] of pairs) {
  describe(`jobserver: ${label}`, () => {
    for (const jobs of [2, 3]) {
      it(`runs at most ${jobs} jobs at once across the recursion`, async () => {
        const dir = scratch({ 'top/Makefile': TOP, 'top/sub.mk': SUB });
        const top = path.join(dir, 'top');
        const { finished } = start(parent, [`-j${jobs}`, `SUB=${child}`], top);
        const result = await finished;
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stderr, /warning/);
        const log = fs.readFileSync(path.join(dir, 'log'), 'utf8');
        assert.equal(log.length, 24, 'every job ran');
        const most = mostAtOnce(log);
        assert.ok(most <= jobs, `${most} jobs ran at once, -j${jobs}`);
        assert.ok(most >= 2, 'jobs ran in parallel');
        fs.rmSync(dir, { recursive: true, force: true });
      });
    }
  });
}

describe('jobserver: a sub-make the parent did not mark recursive', () => {
  it('warns as GNU make does and runs serially', async () => {
    const dir = scratch({
      Makefile: 'all: ; @$(SUB) -f sub.mk\n',
      'sub.mk': 'all: ; @echo sub ran\n',
    });
    for (const parent of [GNU_MAKE, AMAKE]) {
      const { finished } = start(parent, ['-j2', `SUB=${AMAKE}`], dir);
      const result = await finished;
      assert.equal(result.code, 0);
      assert.match(result.stdout, /sub ran/);
      assert.match(
        result.stderr,
        /amake\[1\]: warning: jobserver unavailable: using -j1\. {2}Add '\+' to parent make rule\./,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('jobserver: --jobserver-style=fifo', () => {
  it('serves a named FIFO that a sub-make joins', async () => {
    const dir = scratch({ 'top/Makefile': TOP, 'top/sub.mk': SUB });
    const top = path.join(dir, 'top');
    const { finished } = start(
      AMAKE,
      ['-j2', '--jobserver-style=fifo', `SUB=${AMAKE}`],
      top,
    );
    const result = await finished;
    assert.equal(result.code, 0, result.stderr);
    const log = fs.readFileSync(path.join(dir, 'log'), 'utf8');
    assert.equal(log.length, 24);
    assert.ok(mostAtOnce(log) <= 2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
