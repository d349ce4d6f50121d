/**
 * GNU make prints its variables and files in the order of its hash tables:
 * open addressing over a power-of-two vector, probing one slot at a time,
 * keyed by Bob Jenkins' "lookup3" hash as GNU adapted it. To list entries
 * the way `make -p` does, amake replays the insertions into a model of
 * that table and reads the slots in order.
 */

/** The size statistics GNU prints after each table. */
export interface HashTableStats {
  /** Entries in the table. */
  readonly fill: number;
  /** Slots in the table: always a power of two. */
  readonly size: number;
  readonly rehashes: number;
  /** Probes that met another key. */
  readonly collisions: number;
  /** Calls to the slot search. */
  readonly lookups: number;
}

/** The slot GNU starts probing at, before masking to the table size. */
export type KeyHash = (key: string) => number;

/**
 * A model of GNU make's hash table (hash.c): insertion, deletion leaving a
 * tombstone, and the rehash that doubles the vector once the table is 15/16
 * full. Only the positions matter; the values ride along.
 */
export class GnuHashTable<T> {
  private slots: (Slot<T> | null)[];
  private fill = 0;
  private emptySlots: number;
  private capacity: number;
  private rehashes = 0;
  private collisions = 0;
  private lookups = 0;

  constructor(
    private readonly hash: KeyHash,
    requestedSize: number,
  ) {
    const size = roundUpToPowerOfTwo(requestedSize);
    this.slots = new Array<Slot<T> | null>(size).fill(null);
    this.emptySlots = size;
    this.capacity = size - Math.floor(size / 16);
  }

  /** Adds `key`, or replaces the value of an entry with that key. */
  insert(key: string, value: T): void {
    const index = this.findSlot(key);
    const old = this.slots[index];
    if (old === null || old === undefined || old.deleted) {
      this.fill++;
      if (old === null || old === undefined) this.emptySlots--;
    }
    this.slots[index] = { key, value, deleted: false };
    if (this.emptySlots < this.slots.length - this.capacity) this.rehash();
  }

  /** Removes `key`, leaving a tombstone as GNU does. */
  delete(key: string): void {
    const index = this.findSlot(key);
    const slot = this.slots[index];
    if (!slot || slot.deleted) return;
    slot.deleted = true;
    this.fill--;
  }

  /** The values in slot order: the order GNU prints them in. */
  values(): T[] {
    const result: T[] = [];
    for (const slot of this.slots) {
      if (slot && !slot.deleted) result.push(slot.value);
    }
    return result;
  }

  stats(): HashTableStats {
    return {
      fill: this.fill,
      size: this.slots.length,
      rehashes: this.rehashes,
      collisions: this.collisions,
      lookups: this.lookups,
    };
  }

  /**
   * The slot holding `key`, or the one to put it in: the first tombstone
   * passed on the way, else the empty slot that ended the search. GNU's
   * second hash is always zero, made odd, so the probe steps by one.
   */
  private findSlot(key: string): number {
    const mask = this.slots.length - 1;
    let index = this.hash(key) & mask;
    let tombstone = -1;
    this.lookups++;
    for (;;) {
      const slot = this.slots[index];
      if (slot === null || slot === undefined) {
        return tombstone >= 0 ? tombstone : index;
      }
      if (slot.deleted) {
        if (tombstone < 0) tombstone = index;
      } else if (slot.key === key) {
        return index;
      } else {
        this.collisions++;
      }
      index = (index + 1) & mask;
    }
  }

  /** Doubles the vector when full enough, and always drops tombstones. */
  private rehash(): void {
    const old = this.slots;
    let size = old.length;
    if (this.fill >= this.capacity) {
      size *= 2;
      this.capacity = size - (size >> 4);
    }
    this.rehashes++;
    this.slots = new Array<Slot<T> | null>(size).fill(null);
    for (const slot of old) {
      if (slot && !slot.deleted) this.slots[this.findSlot(slot.key)] = slot;
    }
    this.emptySlots = size - this.fill;
  }
}

interface Slot<T> {
  readonly key: string;
  readonly value: T;
  deleted: boolean;
}

function roundUpToPowerOfTwo(size: number): number {
  // GNU rounds n up by setting every bit below the highest and adding one,
  // so an exact power of two doubles too: 1024 becomes 2048.
  let n = size;
  n |= n >> 1;
  n |= n >> 2;
  n |= n >> 4;
  n |= n >> 8;
  n |= n >> 16;
  return n + 1;
}

/**
 * GNU's `jhash`, over the bytes of `key` taken as Latin-1 (amake reads
 * makefiles as Latin-1, so each character is one byte). Variable tables
 * use it.
 */
export function jhash(key: string): number {
  const bytes = Buffer.from(key, 'latin1');
  let length = bytes.length;
  const state = new MixState(0xdeadbeef + length);
  let offset = 0;

  // Every 12-byte block but the last is mixed in whole.
  while (length > 12) {
    state.a = (state.a + readWord(bytes, offset)) >>> 0;
    state.b = (state.b + readWord(bytes, offset + 4)) >>> 0;
    state.c = (state.c + readWord(bytes, offset + 8)) >>> 0;
    state.mix();
    length -= 12;
    offset += 12;
  }
  if (length === 0) return state.c;

  // The last block: whole words into a and b, the rest byte by byte into c.
  if (length > 8) {
    state.a = (state.a + readWord(bytes, offset)) >>> 0;
    length -= 4;
    offset += 4;
  }
  if (length > 4) {
    state.b = (state.b + readWord(bytes, offset)) >>> 0;
    length -= 4;
    offset += 4;
  }
  let tail = 0;
  for (let i = 0; i < length; i++) tail += bytes[offset + i]! * 2 ** (8 * i);
  state.c = (state.c + tail) >>> 0;
  state.final();
  return state.c;
}

/**
 * GNU's `jhash_string`: the same mixing, over a NUL-terminated string read
 * a word at a time; the file table uses it.
 */
export function jhashString(key: string): number {
  const bytes = Buffer.from(key, 'latin1');
  const state = new MixState(0xdeadbeef);
  let offset = 0;

  // Words go to a, b and c in turn, mixed after each full round; the first
  // word that holds the terminating NUL (possibly alone) ends the loop.
  for (;;) {
    const word = (which: 'a' | 'b' | 'c'): boolean => {
      const remaining = bytes.length - offset;
      state[which] = (state[which] + readWord(bytes, offset)) >>> 0;
      if (remaining < 4) return false;
      offset += 4;
      return true;
    };
    if (!word('a') || !word('b') || !word('c')) break;
    state.mix();
  }
  state.final();
  return (state.c + offset) >>> 0;
}

/** Four bytes, little-endian, zero past the end of `bytes`. */
function readWord(bytes: Buffer, offset: number): number {
  let word = 0;
  for (let i = 0; i < 4 && offset + i < bytes.length; i++) {
    word += bytes[offset + i]! * 2 ** (8 * i);
  }
  return word;
}

/** The three 32-bit words of lookup3's state. */
class MixState {
  a: number;
  b: number;
  c: number;

  constructor(initial: number) {
    this.a = this.b = this.c = initial >>> 0;
  }

  mix(): void {
    let { a, b, c } = this;
    a = (a - c) >>> 0;
    a = (a ^ rotate(c, 4)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rotate(a, 6)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rotate(b, 8)) >>> 0;
    b = (b + a) >>> 0;
    a = (a - c) >>> 0;
    a = (a ^ rotate(c, 16)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rotate(a, 19)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rotate(b, 4)) >>> 0;
    b = (b + a) >>> 0;
    this.a = a;
    this.b = b;
    this.c = c;
  }

  final(): void {
    let { a, b, c } = this;
    c = (c ^ b) >>> 0;
    c = (c - rotate(b, 14)) >>> 0;
    a = (a ^ c) >>> 0;
    a = (a - rotate(c, 11)) >>> 0;
    b = (b ^ a) >>> 0;
    b = (b - rotate(a, 25)) >>> 0;
    c = (c ^ b) >>> 0;
    c = (c - rotate(b, 16)) >>> 0;
    a = (a ^ c) >>> 0;
    a = (a - rotate(c, 4)) >>> 0;
    b = (b ^ a) >>> 0;
    b = (b - rotate(a, 14)) >>> 0;
    c = (c ^ b) >>> 0;
    c = (c - rotate(b, 24)) >>> 0;
    this.a = a;
    this.b = b;
    this.c = c;
  }
}

function rotate(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
