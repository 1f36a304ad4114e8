// Confusion counts and the figures derived from them.

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** tp / (tp + fp); 0 when nothing was flagged. */
  precision: number;
  /** tp / (tp + fn); 0 when there were no positives. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
}

export class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;

  add(predicted: boolean, actual: boolean): void {
    if (predicted) actual ? this.tp++ : this.fp++;
    else actual ? this.fn++ : this.tn++;
  }

  scores(): Scores {
    const precision = this.tp + this.fp > 0 ? this.tp / (this.tp + this.fp) : 0;
    const recall = this.tp + this.fn > 0 ? this.tp / (this.tp + this.fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { tp: this.tp, fp: this.fp, fn: this.fn, tn: this.tn, precision: round4(precision), recall: round4(recall), f1: round4(f1) };
  }
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
