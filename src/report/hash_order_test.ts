import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { GnuHashTable, jhash, jhashString } from './hash_order';

// The slots below were read off `make -p` output of GNU make 4.3: its
// variables and files come out in slot order of 1024-slot tables.
describe('jhash', () => {
  it('puts variable names in the slots GNU make puts them in', () => {
    const slots: [string, number][] = [
      ['PREPROCESS.S', 4],
      ['COMPILE.m', 6],
      ['ARFLAGS', 12],
      ['AS', 13],
      ['VPATH', 69],
      ['MAKE_COMMAND', 119],
      ['@D', 137],
      ['.VARIABLES', 167],
      ['MAKEFILE_LIST', 325],
    ];
    for (const [name, slot] of slots) assert.equal(jhash(name) & 1023, slot);
  });

  it('gives the automatic variables the slots of a 32-slot table', () => {
    const slots = ['@', '*', '<', '+', '%', '^', '?', '|'].map(
      (name) => jhash(name) & 31,
    );
    assert.deepEqual(slots, [0, 4, 11, 22, 28, 29, 29, 31]);
  });
});

describe('jhashString', () => {
  it('puts file names in the slots GNU make puts them in', () => {
    const slots: [string, number][] = [
      ['.cpp', 0],
      ['.c.o', 21],
      ['Makefile', 241],
      ['clean', 353],
      ['.texinfo.info', 429],
      ['all', 603],
      ['.SUFFIXES', 931],
      ['.w.c', 1018],
      ['x.b', 853],
      ['y.b', 486],
      ['longername.c', 139],
    ];
    for (const [name, slot] of slots) {
      assert.equal(jhashString(name) & 1023, slot);
    }
  });

  it('hashes names of every length up to a few words', () => {
    // Lengths around the 4- and 12-byte boundaries of the word loop.
    for (const name of ['', 'a', 'abcd', 'abcdefghijkl', 'abcdefghijklm']) {
      const hash = jhashString(name);
      assert.ok(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32);
    }
  });
});

describe('GnuHashTable', () => {
  const byFirstLetter = (key: string) => key.charCodeAt(0) - 97;

  it('lists values in slot order, not insertion order', () => {
    const table = new GnuHashTable<string>(byFirstLetter, 16);
    for (const key of ['d', 'b', 'a', 'c']) table.insert(key, key);
    assert.deepEqual(table.values(), ['a', 'b', 'c', 'd']);
  });

  it('moves a colliding key to the next free slot', () => {
    const table = new GnuHashTable<string>(byFirstLetter, 16);
    for (const key of ['b1', 'b2', 'c']) table.insert(key, key);
    assert.deepEqual(table.values(), ['b1', 'b2', 'c']);
    assert.equal(table.stats().collisions, 2);
  });

  it('reuses the slot a deleted key leaves', () => {
    const table = new GnuHashTable<string>(byFirstLetter, 16);
    for (const key of ['a1', 'a2', 'a3']) table.insert(key, key);
    table.delete('a2');
    table.insert('a4', 'a4');
    assert.deepEqual(table.values(), ['a1', 'a4', 'a3']);
  });

  it('rounds the size up to a power of two, as GNU does', () => {
    assert.equal(new GnuHashTable(jhash, 523).stats().size, 1024);
    assert.equal(new GnuHashTable(jhash, 23).stats().size, 32);
  });

  it('doubles when fifteen sixteenths full', () => {
    const table = new GnuHashTable<number>(jhash, 23);
    for (let i = 0; i < 31; i++) table.insert(`v${i}`, i);
    assert.deepEqual(
      { size: table.stats().size, rehashes: table.stats().rehashes },
      { size: 64, rehashes: 1 },
    );
    assert.equal(table.values().length, 31);
  });
});
