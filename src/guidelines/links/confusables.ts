// Skeletons for lookalike checks: characters that read alike map to one representative, so
// "dlscord", "d1scord", "disс0rd" (Cyrillic с) and "discord" share the skeleton "dlscord".
// A small table for hostnames (Latin, digits, Cyrillic, Greek), not the full Unicode confusables.

const SINGLE: Record<string, string> = {
  "0": "o", "1": "l", "2": "z", "3": "e", "4": "a", "5": "s", "6": "b", "7": "t", "8": "b", "9": "g",
  i: "l", "|": "l", "!": "l", j: "j", "@": "a", $: "s",
  // Cyrillic
  а: "a", б: "b", в: "b", г: "r", д: "d", е: "e", ё: "e", з: "e", и: "u", й: "u", к: "k", л: "n", м: "m", н: "h",
  о: "o", п: "n", р: "p", с: "c", т: "t", у: "y", ф: "f", х: "x", ц: "u", ч: "y", ш: "w", щ: "w", ъ: "b", ы: "bl",
  ь: "b", э: "e", ю: "io", я: "r", і: "l", ї: "l", ј: "j", ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l", һ: "h", ɡ: "g",
  // Greek
  α: "a", β: "b", γ: "y", δ: "d", ε: "e", ζ: "z", η: "n", θ: "o", ι: "l", κ: "k", λ: "l", μ: "u", ν: "v", ξ: "e",
  ο: "o", π: "n", ρ: "p", σ: "o", ς: "c", τ: "t", υ: "u", φ: "f", χ: "x", ψ: "w", ω: "w",
  // Latin oddities
  ı: "l", ł: "l", ŀ: "l", ø: "o", đ: "d", ð: "d", ħ: "h", ß: "b", ʀ: "r", ɑ: "a", ɩ: "l", ɪ: "l",
};

/** Pairs that read as one letter in most fonts. Applied after single characters. */
const PAIRS: readonly [RegExp, string][] = [
  [/rn/g, "m"],
  [/vv/g, "w"],
];

const cache = new Map<string, string>();

/** The skeleton of a (lower- or mixed-case) label: NFKD, marks dropped, confusables folded. */
export function skeleton(label: string): string {
  const hit = cache.get(label);
  if (hit !== undefined) return hit;
  let out = "";
  // NFKD splits accents from letters ("é" → "e" + U+0301) and maps full-width forms.
  for (const ch of label.normalize("NFKD").toLowerCase()) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks
    out += SINGLE[ch] ?? ch;
  }
  for (const [re, to] of PAIRS) out = out.replace(re, to);
  if (cache.size > 10_000) cache.clear();
  cache.set(label, out);
  return out;
}
