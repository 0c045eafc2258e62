/**
 * Multiclass averaged perceptron over hashed features (Collins 2002), the
 * learner behind the tagger, the parser and the name recognizer. Averaging
 * uses the "w − u/c" identity (Daumé 2006): each update adds Δ to w and c·Δ to
 * u, so no per-weight timestamps are needed. Rows are created on first update
 * only, so features seen only in correctly predicted examples cost nothing.
 */
import { FeatureTable } from "./feature-table.ts";
import { LinearModel } from "./linear-model.ts";

export class AveragedPerceptron {
  private readonly table = new FeatureTable(1 << 16);
  private keys: Uint32Array;
  private w: Float32Array;
  private u: Float64Array;
  /** Examples seen so far plus one (the averaging clock). */
  private clock = 1;

  constructor(readonly classes: number) {
    this.keys = new Uint32Array(1 << 15);
    this.w = new Float32Array((1 << 15) * classes);
    this.u = new Float64Array((1 << 15) * classes);
  }

  get rows(): number {
    return this.table.size;
  }

  /** Current (not averaged) scores, used while training. */
  score(features: Uint32Array, n: number, scores: Float32Array): void {
    const C = this.classes;
    scores.fill(0, 0, C);
    for (let i = 0; i < n; i++) {
      const row = this.table.find(features[i]!);
      if (row < 0) continue;
      const base = row * C;
      for (let c = 0; c < C; c++) scores[c] += this.w[base + c]!;
    }
  }

  /** Moves weight toward `truth` and away from `guess` (no change when they agree). */
  update(features: Uint32Array, n: number, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    const C = this.classes;
    for (let i = 0; i < n; i++) {
      const key = features[i]!;
      const before = this.table.size;
      const row = this.table.findOrAdd(key);
      if (row === before) this.addRow(key);
      const base = row * C;
      this.w[base + truth] += amount;
      this.u[base + truth] += this.clock * amount;
      if (guess >= 0) {
        this.w[base + guess] -= amount;
        this.u[base + guess] -= this.clock * amount;
      }
    }
  }

  /** Advances the averaging clock: call once per training example. */
  tick(): void {
    this.clock++;
  }

  /**
   * The averaged weights as a compact sparse model: entries whose averaged
   * weight is below `prune` in magnitude are dropped (they barely move a
   * decision), and so are rows left empty.
   */
  average(prune = 0): LinearModel {
    const C = this.classes;
    const n = this.table.size;
    const keys: number[] = [];
    const rowStart: number[] = [0];
    const cls: number[] = [];
    const weights: number[] = [];
    for (let r = 0; r < n; r++) {
      const before = cls.length;
      for (let c = 0; c < C; c++) {
        const a = this.w[r * C + c]! - this.u[r * C + c]! / this.clock;
        if (a === 0 || Math.abs(a) < prune) continue;
        cls.push(c);
        weights.push(a);
      }
      if (cls.length === before) continue;
      keys.push(this.keys[r]!);
      rowStart.push(cls.length);
    }
    return LinearModel.fromWeights(C, Uint32Array.from(keys), Uint32Array.from(rowStart), Uint16Array.from(cls), Float32Array.from(weights));
  }

  private addRow(key: number): void {
    const row = this.table.size - 1;
    if (row >= this.keys.length) {
      const grow = this.keys.length * 2;
      const keys = new Uint32Array(grow);
      keys.set(this.keys);
      this.keys = keys;
      const w = new Float32Array(grow * this.classes);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(grow * this.classes);
      u.set(this.u);
      this.u = u;
    }
    this.keys[row] = key;
  }
}
