import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { Diagnostics } from './reporter';

function newDiagnostics(program = 'amake') {
  const out: string[] = [];
  const err: string[] = [];
  const diagnostics = new Diagnostics(
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    program,
  );
  return { diagnostics, out, err };
}

const location = { file: 'Makefile', line: 3 };

describe('Diagnostics', () => {
  it('writes a warning with its location on stderr', () => {
    const { diagnostics, out, err } = newDiagnostics();
    diagnostics.warning(location, 'text');
    assert.deepEqual(err, ['Makefile:3: text\n']);
    assert.deepEqual(out, []);
  });

  it('writes a warning without a location after the program name', () => {
    const { diagnostics, err } = newDiagnostics();
    diagnostics.warning(null, 'text');
    assert.deepEqual(err, ['amake: text\n']);
  });

  it('writes an error with stars', () => {
    const { diagnostics, err } = newDiagnostics();
    diagnostics.error(location, 'text');
    diagnostics.error(null, 'text');
    assert.deepEqual(err, ['Makefile:3: *** text\n', 'amake: *** text\n']);
  });

  it('writes a fatal error with a location and Stop', () => {
    const { diagnostics, err } = newDiagnostics();
    diagnostics.fatal(location, 'text');
    assert.deepEqual(err, ['Makefile:3: *** text.  Stop.\n']);
  });

  it('writes a fatal error without a location after the program name', () => {
    const { diagnostics, err } = newDiagnostics();
    diagnostics.fatal(null, 'text');
    assert.deepEqual(err, ['amake: *** text.  Stop.\n']);
  });

  it('uses the program name it was given, as in a sub-make', () => {
    const { diagnostics, err } = newDiagnostics('amake[1]');
    diagnostics.fatal(null, 'No targets');
    assert.deepEqual(err, ['amake[1]: *** No targets.  Stop.\n']);
  });

  it('formats a prefix from a location or the program name', () => {
    const { diagnostics } = newDiagnostics();
    assert.equal(
      diagnostics.prefix({ file: 'sub/x.mk', line: 12 }),
      'sub/x.mk:12',
    );
    assert.equal(diagnostics.prefix(null), 'amake');
  });
});
