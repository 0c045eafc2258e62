/**
 * A trained linear classifier over hashed features. Weights are 16-bit
 * integers (one scale per model; the averaged perceptron needs no more), and
 * they live inside the feature's own hash-table slot whenever they fit, so a
 * lookup touches one cache line instead of the five a key → row → entries
 * chain of arrays would. Scoring is memory-bound on these tables, so this
 * layout is what makes tagging and parsing fast.
 *
 * Slots are four 32-bit words:
 *  - few classes (≤ 6, the parser's four transitions): [key, w0|w1, w2|w3, w4|w5],
 *    every weight of the row packed inline;
 *  - many classes (tagger, labeler): [key, first entry, start, count], a row's
 *    entries packed as (class << 16 | weight); the rest follow in `entries`.
 * Scores are sums of integer weights; argmax does not need the scale.
 *
 * On disk a model is its rows in slot order: keys, each row's length, and
 * the entries' classes (bytes) and weights, so loading fills the table front
 * to back.
 */

const STRIDE = 4;
export const INLINE_CLASSES = 6;
/** Classes are stored as bytes (the tagger has 94, the labeler 51). */
const MAX_CLASSES = 256;

export class LinearModel {
  private readonly slots: Uint32Array;
  private readonly entries: Uint32Array;
  private readonly mask: number;
  readonly inline: boolean;
  /** Weights as stored: rowLength/entryClass/entryWeight (int16) plus the scale. */
  readonly scale: number;

  constructor(
    readonly classes: number,
    /** Feature hashes; row i belongs to keys[i]. */
    readonly keys: Uint32Array,
    /** Number of entries of each row (rows are stored one after the other). */
    readonly rowLength: Uint8Array,
    readonly entryClass: Uint8Array,
    /** Quantized weights. */
    readonly entryWeight: Int16Array,
    scale: number,
  ) {
    let total = 0;
    for (let r = 0; r < rowLength.length; r++) total += rowLength[r]!;
    if (rowLength.length !== keys.length || total !== entryClass.length || entryClass.length !== entryWeight.length) {
      throw new Error(`linear model: inconsistent sizes (${keys.length} rows, ${rowLength.length} row lengths adding up to ${total}, ${entryClass.length} classes, ${entryWeight.length} weights)`);
    }
    if (classes > MAX_CLASSES) throw new Error(`linear model: ${classes} classes, at most ${MAX_CLASSES} are supported`);
    this.scale = scale;
    this.inline = classes <= INLINE_CLASSES;
    const capacity = tableCapacity(keys.length);
    this.mask = capacity - 1;
    this.slots = new Uint32Array(capacity * STRIDE);
    // Sized up front and filled in place: models have up to a million rows and loading must stay fast.
    const overflow = new Uint32Array(this.inline ? 0 : Math.max(0, entryClass.length - keys.length));
    let used = 0;
    const dense = new Int16Array(INLINE_CLASSES);
    let end = 0;
    for (let r = 0; r < keys.length; r++) {
      if (keys[r] === 0) throw new Error("linear model: feature key 0 marks empty slots");
      let slot = keys[r]! & this.mask;
      while (this.slots[slot * STRIDE] !== 0) {
        if (this.slots[slot * STRIDE] === keys[r]) throw new Error(`linear model: feature ${keys[r]} appears twice`);
        slot = (slot + 1) & this.mask;
      }
      const base = slot * STRIDE;
      this.slots[base] = keys[r]!;
      const start = end;
      end += rowLength[r]!;
      if (start === end) throw new Error(`linear model: row ${r} is empty`);
      if (this.inline) {
        dense.fill(0);
        for (let j = start; j < end; j++) {
          if (entryClass[j]! >= INLINE_CLASSES) throw new Error(`linear model: class ${entryClass[j]} in a model of ${classes}`);
          dense[entryClass[j]!] = entryWeight[j]!;
        }
        for (let k = 0; k < 3; k++) this.slots[base + 1 + k] = ((dense[2 * k]! & 0xffff) | (dense[2 * k + 1]! << 16)) >>> 0;
      } else {
        this.slots[base + 1] = pack(entryClass[start]!, entryWeight[start]!);
        this.slots[base + 2] = used;
        this.slots[base + 3] = end - start - 1;
        for (let j = start + 1; j < end; j++) overflow[used++] = pack(entryClass[j]!, entryWeight[j]!);
      }
    }
    this.entries = overflow;
  }

  /** A model from float weights (the averaged perceptron's), quantized as it will be stored. */
  static fromWeights(classes: number, keys: Uint32Array, rowStart: Uint32Array, entryClass: Uint16Array, weights: Float32Array): LinearModel {
    let max = 0;
    for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
    const scale = max > 0 ? max / 32767 : 1;
    // Entries that round to 0 are dropped, and rows left empty with them.
    const keptKeys: number[] = [];
    const lengths: number[] = [];
    const cls: number[] = [];
    const q: number[] = [];
    for (const r of slotOrder(keys)) {
      const before = q.length;
      for (let j = rowStart[r]!; j < rowStart[r + 1]!; j++) {
        const v = Math.round(weights[j]! / scale);
        if (v === 0) continue;
        cls.push(entryClass[j]!);
        q.push(v);
      }
      if (q.length === before) continue;
      keptKeys.push(keys[r]!);
      lengths.push(q.length - before);
    }
    return new LinearModel(classes, Uint32Array.from(keptKeys), Uint8Array.from(lengths), Uint8Array.from(cls), Int16Array.from(q), scale);
  }

  get rows(): number {
    return this.keys.length;
  }

  get entryCount(): number {
    return this.entryClass.length;
  }

  /** Sums the (integer) weights of features[0..n) into scores[0..classes). */
  score(features: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0, 0, this.classes);
    this.add(features, n, scores);
  }

  /** Adds the weights of features[0..n) to scores (score() without the reset). */
  add(features: Uint32Array, n: number, scores: Float32Array): void {
    const slots = this.slots;
    const entries = this.entries;
    for (let i = 0; i < n; i++) {
      const base = this.slotOf(features[i]!);
      if (base < 0) continue;
      if (this.inline) {
        const a = slots[base + 1]!, b = slots[base + 2]!, c = slots[base + 3]!;
        scores[0] += (a << 16) >> 16;
        scores[1] += a >> 16;
        scores[2] += (b << 16) >> 16;
        scores[3] += b >> 16;
        scores[4] += (c << 16) >> 16;
        scores[5] += c >> 16;
        continue;
      }
      const first = slots[base + 1]!;
      scores[first >>> 16] += (first << 16) >> 16;
      const start = slots[base + 2]!;
      const end = start + slots[base + 3]!;
      for (let j = start; j < end; j++) {
        const e = entries[j]!;
        scores[e >>> 16] += (e << 16) >> 16;
      }
    }
  }

  /** Offset of a feature's slot, or -1 when the model has no weights for it. */
  private slotOf(key: number): number {
    const slots = this.slots;
    let slot = key & this.mask;
    for (;;) {
      const k = slots[slot * STRIDE]!;
      if (k === key) return slot * STRIDE;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Sections for a model file. */
  toSections(prefix: string): Record<string, Uint32Array | Uint8Array | Int16Array | Float32Array> {
    return {
      [`${prefix}.keys`]: this.keys,
      [`${prefix}.rowLength`]: this.rowLength,
      [`${prefix}.class`]: this.entryClass,
      [`${prefix}.weight`]: this.entryWeight,
      [`${prefix}.scale`]: Float32Array.of(this.scale),
    };
  }

  static fromSections(classes: number, get: <T>(name: string, ctor: new (...a: never[]) => T) => T, prefix: string): LinearModel {
    return new LinearModel(classes, get(`${prefix}.keys`, Uint32Array), get(`${prefix}.rowLength`, Uint8Array), get(`${prefix}.class`, Uint8Array), get(`${prefix}.weight`, Int16Array), get(`${prefix}.scale`, Float32Array)[0]!);
  }
}

/**
 * Slots for `rows` features: a power of two at most 75% full. Probing past a
 * full slot reads the next one in the same cache line, so a fuller table costs
 * little per probe and keeps twice as much of itself in the caches as a 60%
 * table would.
 */
function tableCapacity(rows: number): number {
  let capacity = 16;
  while (capacity * 0.75 < rows) capacity *= 2;
  return capacity;
}

/**
 * Rows in the order of their home slot. Stored this way, loading fills the
 * table front to back instead of writing to random places in tens of
 * megabytes, which made loading several times slower. (Rows dropped later for
 * rounding to zero do not change the order's use: it only speeds loading.)
 */
function slotOrder(keys: Uint32Array): Int32Array {
  const mask = tableCapacity(keys.length) - 1;
  const order = Int32Array.from(keys, (_, i) => i);
  return order.sort((a, b) => (keys[a]! & mask) - (keys[b]! & mask) || keys[a]! - keys[b]!);
}

const pack = (cls: number, weight: number) => ((cls << 16) | (weight & 0xffff)) >>> 0;

/** Index of the highest score (the first on a tie). */
export function argmax(scores: Float32Array, classes: number): number {
  let best = 0;
  let bestScore = scores[0]!;
  for (let c = 1; c < classes; c++) {
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}
