// Character folding: the first step of text analysis. Produces the "normalized" text that
// matchers read, and for every normalized UTF-16 unit the span of ORIGINAL text it came from.
//
// - ASCII: lower case only (fast path: no maps are built; offsets are the identity).
// - Other text, one grapheme-ish cluster (base + combining marks) at a time, cached:
//   format characters (zero-width, bidi controls, soft hyphen, BOM, tags) are removed; NFKC
//   (fullwidth, math alphanumerics, circled letters, ligatures); lower case; Latin/Greek/
//   Cyrillic diacritics stripped ("fück" → "fuck"); Latin lookalikes (small capitals) folded.
// - Indic scripts (Bengali U+0980–U+09FF and its neighbours) only get NFKC: vowel signs,
//   virama, nukta and the ZWJ/ZWNJ that shape conjuncts are kept.
// - Cyrillic/Greek/Armenian lookalikes become Latin only inside Latin-looking words (see
//   foldConfusableWords).
import { LATIN_LOOKALIKES, SCRIPT_CONFUSABLES } from "./confusables.js";

export interface Folded {
  readonly text: string;
  /** Original [start, end) of normalized unit i; null when normalized offsets equal original ones. */
  readonly starts: Int32Array | null;
  readonly ends: Int32Array | null;
}

/** True when every UTF-16 unit is below 0x80. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

const isIndic = (cp: number) => cp >= 0x0900 && cp <= 0x0dff;
/** Marks that are diacritics on Latin/Greek/Cyrillic letters (and variation selectors). */
const STRIP_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\ufe00-\ufe0f]/g;
const FORMAT_CHAR = /^\p{Cf}/u;
/** One cluster: a code point and the combining marks / joiners / variation selectors that follow it. */
const CLUSTER = /[\s\S][\p{M}\u200c\u200d]*/uy;

const clusterCache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

function foldCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  const base = cluster.codePointAt(0)!;
  let out: string;
  if (FORMAT_CHAR.test(cluster)) out = "";
  else if (isIndic(base)) out = cluster.normalize("NFKC").replace(/[\ufe00-\ufe0f]/g, "");
  else {
    out = cluster.normalize("NFKC").toLowerCase().normalize("NFD").replace(STRIP_MARKS, "").replace(/[\u200c\u200d]/g, "");
    if (out.length > 0) {
      let mapped = "";
      for (const ch of out) mapped += LATIN_LOOKALIKES.get(ch.codePointAt(0)!) ?? ch;
      out = mapped.normalize("NFC");
    }
  }
  if (clusterCache.size >= CACHE_LIMIT) clusterCache.clear();
  clusterCache.set(cluster, out);
  return out;
}

export function fold(raw: string): Folded {
  if (isAscii(raw)) return { text: raw.toLowerCase(), starts: null, ends: null };
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  const n = raw.length;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    // ASCII not followed by a possible combining mark: no cluster work.
    if (c < 0x80 && !(i + 1 < n && raw.charCodeAt(i + 1) >= 0x300)) {
      text += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : raw[i]!;
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    CLUSTER.lastIndex = i;
    const m = CLUSTER.exec(raw);
    const cluster = m ? m[0] : raw[i]!;
    const j = i + cluster.length;
    const out = foldCluster(cluster);
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(j);
    }
    text += out;
    i = j;
  }
  return { text: foldConfusableWords(text), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

const WORD = /[\p{L}\p{M}\p{Nd}@$*#!'’]+/gu;
const LATIN_LETTER = /[a-z]/;

/**
 * Cyrillic/Greek lookalikes → Latin, one word at a time, when the word looks Latin: it has a
 * Latin letter ("раypal") or all its letters are lookalikes ("ѕһіт"). Each replacement is one
 * UTF-16 unit for one, so offsets are unchanged.
 */
export function foldConfusableWords(text: string): string {
  let hasAny = false;
  for (let i = 0; i < text.length && !hasAny; i++) hasAny = SCRIPT_CONFUSABLES.has(text.charCodeAt(i));
  if (!hasAny) return text;
  return text.replace(WORD, (word) => {
    let letters = 0;
    let confusable = 0;
    for (const ch of word) {
      if (/\p{L}/u.test(ch)) letters++;
      if (SCRIPT_CONFUSABLES.has(ch.codePointAt(0)!)) confusable++;
    }
    if (confusable === 0 || !(LATIN_LETTER.test(word) || confusable === letters)) return word;
    let out = "";
    for (const ch of word) out += SCRIPT_CONFUSABLES.get(ch.codePointAt(0)!) ?? ch;
    return out;
  });
}
