// "Did you mean …?" for unknown names: known names ranked by edit distance.

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/** Known names, closest to `name` first (ties alphabetical). */
export function rankByCloseness(name: string, known: readonly string[]): string[] {
  const lower = name.toLowerCase();
  return [...new Set(known)]
    .map((k) => ({ k, d: editDistance(lower, k.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .map((x) => x.k);
}

/** The closest known name if it is plausibly a typo of `name`. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const best = rankByCloseness(name, known)[0];
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(name.length / 3));
  return editDistance(name.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

/** "did you mean `words`? Known conditions: words, phrases, …" (closest first). */
export function didYouMean(name: string, known: readonly string[], what: string): string {
  if (!known.length) return `there are no ${what}`;
  const guess = closest(name, known);
  const list = rankByCloseness(name, known)
    .map((k) => `\`${k}\``)
    .join(", ");
  return `${guess ? `did you mean \`${guess}\`? ` : ""}Known ${what}: ${list}`;
}
