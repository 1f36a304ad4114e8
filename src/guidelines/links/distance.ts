// Optimal string alignment distance (Damerau–Levenshtein restricted: adjacent transpositions
// count one edit), with an early exit once every path exceeds `max`.

// Three reused rows (distance runs synchronously; hostnames are short).
let ROW = 64;
let rowA = new Int32Array(ROW);
let rowB = new Int32Array(ROW);
let rowC = new Int32Array(ROW);
function grow(n: number): void {
  ROW = n;
  rowA = new Int32Array(n);
  rowB = new Int32Array(n);
  rowC = new Int32Array(n);
}

export function osaDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > ROW) grow(m + 1);
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}
