/**
 * Open-addressing hash table from a feature's 32-bit hash to its weight row.
 * Keys live in one Uint32Array (0 = empty slot), so a lookup is a few reads of
 * adjacent memory and no object is allocated per feature.
 */

export class FeatureTable {
  private keys: Uint32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Row of a feature, or -1 when the table has none. */
  find(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = key & mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === key) return this.rows[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Row of a feature, adding it as row `size` when it is new. */
  findOrAdd(key: number): number {
    const mask = this.mask;
    let slot = key & mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.rows[slot]!;
      if (k === 0) break;
      slot = (slot + 1) & mask;
    }
    const row = this.size++;
    this.keys[slot] = key;
    this.rows[slot] = row;
    if (this.size * 2 > this.keys.length) this.grow();
    return row;
  }

  /** Adds a key with a given row (when loading a model). */
  set(key: number, row: number): void {
    let slot = key & this.mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    if (this.keys[slot] === 0) this.size++;
    this.keys[slot] = key;
    this.rows[slot] = row;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i]!, oldRows[i]!);
  }
}
