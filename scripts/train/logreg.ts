// L2-regularized logistic regression fitted with L-BFGS on a sparse design matrix.
// Full-batch and free of randomness, so the same data always gives the same weights
// (bit-identical on the same Node/V8; Math.exp/log are deterministic there).

/** Rows in CSR form: row r's entries are col/val[ptr[r] .. ptr[r+1]). */
export interface SparseRows {
  rows: number;
  cols: number;
  ptr: Int32Array;
  col: Int32Array;
  val: Float32Array;
}

export interface FitOptions {
  /** L2 strength on the weights (not the bias), per unit of total example weight. */
  lambda: number;
  maxIter: number;
  /** Stop when the relative decrease of the loss over one iteration falls below this. */
  tol: number;
  /** L-BFGS memory. */
  memory: number;
}

export const defaultFit: FitOptions = { lambda: 1e-4, maxIter: 300, tol: 1e-7, memory: 10 };

export interface Fitted {
  weights: Float64Array;
  bias: number;
  iterations: number;
  loss: number;
}

/** y[r] ∈ {0,1}; c[r] ≥ 0 is the example's weight. */
export function fitLogistic(x: SparseRows, y: Uint8Array, c: Float64Array, opts: FitOptions = defaultFit): Fitted {
  const d = x.cols + 1; // last coordinate is the bias
  let total = 0;
  for (let r = 0; r < x.rows; r++) total += c[r]!;
  const margins = new Float64Array(x.rows);

  const evaluate = (w: Float64Array, g: Float64Array): number => {
    g.fill(0);
    const bias = w[d - 1]!;
    let loss = 0;
    for (let r = 0; r < x.rows; r++) {
      let m = bias;
      for (let k = x.ptr[r]!; k < x.ptr[r + 1]!; k++) m += w[x.col[k]!]! * x.val[k]!;
      margins[r] = m;
      const s = y[r] ? 1 : -1;
      const z = s * m;
      // log(1 + e^-z), stable for both signs
      loss += c[r]! * (z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z)));
      const p = 1 / (1 + Math.exp(z)); // = σ(-z)
      const coef = (-s * p * c[r]!) / total;
      if (coef !== 0) {
        for (let k = x.ptr[r]!; k < x.ptr[r + 1]!; k++) g[x.col[k]!] = g[x.col[k]!]! + coef * x.val[k]!;
        g[d - 1] = g[d - 1]! + coef;
      }
    }
    loss /= total;
    let reg = 0;
    for (let j = 0; j < d - 1; j++) {
      const wj = w[j]!;
      reg += wj * wj;
      g[j] = g[j]! + opts.lambda * wj;
    }
    return loss + 0.5 * opts.lambda * reg;
  };

  let w = new Float64Array(d);
  let g = new Float64Array(d);
  let f = evaluate(w, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(d);
  const alpha = new Float64Array(opts.memory);
  let wNew = new Float64Array(d);
  let gNew = new Float64Array(d);
  let iter = 0;
  for (; iter < opts.maxIter; iter++) {
    // two-loop recursion: dir = -H·g
    dir.set(g);
    for (let m = S.length - 1; m >= 0; m--) {
      const a = rho[m]! * dot(S[m]!, dir);
      alpha[m] = a;
      addScaled(dir, -a, Y[m]!);
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!);
      for (let j = 0; j < d; j++) dir[j] = dir[j]! * gamma;
    }
    for (let m = 0; m < S.length; m++) {
      const b = rho[m]! * dot(Y[m]!, dir);
      addScaled(dir, alpha[m]! - b, S[m]!);
    }
    for (let j = 0; j < d; j++) dir[j] = -dir[j]!;
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      for (let j = 0; j < d; j++) dir[j] = -g[j]!;
      slope = dot(g, dir);
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
    }
    let step = S.length === 0 ? 1 / Math.max(1, Math.sqrt(-slope)) : 1;
    let fNew = 0;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      for (let j = 0; j < d; j++) wNew[j] = w[j]! + step * dir[j]!;
      fNew = evaluate(wNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(d);
    const yy = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      s[j] = wNew[j]! - w[j]!;
      yy[j] = gNew[j]! - g[j]!;
    }
    const sy = dot(s, yy);
    if (sy > 1e-12) {
      if (S.length === opts.memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yy);
      rho.push(1 / sy);
    }
    const done = (f - fNew) / Math.max(1, Math.abs(f)) < opts.tol;
    [w, wNew] = [wNew, w];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (done) {
      iter++;
      break;
    }
  }
  return { weights: w.subarray(0, d - 1), bias: w[d - 1]!, iterations: iter, loss: f };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

/** a += k·v */
function addScaled(a: Float64Array, k: number, v: Float64Array): void {
  for (let j = 0; j < a.length; j++) a[j] = a[j]! + k * v[j]!;
}
