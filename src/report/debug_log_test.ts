import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DebugFlagError, DebugLog, parseDebugFlags } from './debug_log';

describe('parseDebugFlags', () => {
  it('reads only the first letter of each word', () => {
    const levels = parseDebugFlags(['basic,verbose']);
    assert.equal(levels.basic, true);
    assert.equal(levels.verbose, true);
    assert.equal(levels.implicit, false);
  });

  it('takes a, for -d, as every level', () => {
    assert.deepEqual(parseDebugFlags(['a']), {
      basic: true,
      verbose: true,
      implicit: true,
      jobs: true,
      makefiles: true,
    });
  });

  it('lets n turn off what came before it', () => {
    assert.equal(parseDebugFlags(['v', 'n']).basic, false);
    assert.equal(parseDebugFlags(['n,b']).basic, true);
  });

  it('splits a list at blanks too', () => {
    assert.equal(parseDebugFlags(['j m']).makefiles, true);
  });

  it('quotes the rest of the list from an unknown letter', () => {
    assert.throws(
      () => parseDebugFlags(['b,xy,v']),
      (error: unknown) =>
        error instanceof DebugFlagError &&
        error.message === "unknown debug level specification 'xy,v'",
    );
  });
});

describe('DebugLog', () => {
  it('indents a line by its depth and writes only enabled levels', () => {
    const out: string[] = [];
    const log = new DebugLog(
      { out: (text) => out.push(text), err: () => undefined },
      parseDebugFlags(['b']),
    );
    log.basic(2, "Must remake target 'x'.");
    log.verbose(0, "Considering target file 'x'.");
    assert.deepEqual(out, ["  Must remake target 'x'.\n"]);
  });
});
