import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { featuresOf, remoteEnvironment } from './executor';
import { ServerCapabilitiesMessage } from './reapi';

function capabilities(
  major: number,
  minor: number,
  maxBatch = 0,
): ServerCapabilitiesMessage {
  return {
    cache_capabilities: {
      digest_functions: [1],
      max_batch_total_size_bytes: maxBatch,
    },
    execution_capabilities: { digest_function: 1, exec_enabled: true },
    low_api_version: { major: 2, minor: 0 },
    high_api_version: { major, minor },
    deprecated_api_version: null,
  };
}

describe('featuresOf', () => {
  it('asks a server of API 2.0 for output directories', () => {
    assert.equal(featuresOf(capabilities(2, 0)).outputPaths, false);
  });

  it('asks a server of API 2.1 or later for output paths', () => {
    assert.equal(featuresOf(capabilities(2, 1)).outputPaths, true);
    assert.equal(featuresOf(capabilities(2, 3)).outputPaths, true);
  });

  it("takes the server's batch limit, or 4 MiB when it sets none", () => {
    assert.equal(featuresOf(capabilities(2, 0, 1000)).maxBatchBytes, 1000);
    assert.equal(featuresOf(capabilities(2, 0)).maxBatchBytes, 4 << 20);
  });
});

describe('remoteEnvironment', () => {
  const host = { PATH: '/host/bin', HOME: '/root', TOKEN: 'secret' };

  it("sends what the makefiles set, and none of amake's own", () => {
    const sent = remoteEnvironment(
      {
        PATH: '/host/bin',
        HOME: '/root',
        TOKEN: 'secret',
        CFLAGS: '-O2',
        AMAKE_REMOTE_OPTIONS: '[]',
      },
      [],
      host,
    );
    assert.deepEqual(sent, [
      ['CFLAGS', '-O2'],
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ]);
  });

  it('sends a variable of the host that --remote-env names', () => {
    const sent = remoteEnvironment(
      { PATH: '/host/bin', TOKEN: 'secret' },
      ['PATH', 'TOKEN'],
      host,
    );
    assert.deepEqual(sent, [
      ['PATH', '/host/bin'],
      ['TOKEN', 'secret'],
    ]);
  });

  it('sends MAKEFLAGS without -j and the jobserver', () => {
    const sent = remoteEnvironment(
      { MAKEFLAGS: 'ks -j8 --jobserver-auth=3,4 -- X=1' },
      [],
      host,
    );
    assert.deepEqual(sent[0], ['MAKEFLAGS', 'ks -- X=1']);
    const alone = remoteEnvironment(
      { MAKEFLAGS: ' -j2 --jobserver-auth=fifo:/tmp/x' },
      [],
      host,
    );
    assert.deepEqual(alone[0], ['MAKEFLAGS', '']);
  });
});
