// Character folding: the first step of text analysis. Produces the "normalized" text that
// matchers read, and for every normalized UTF-16 unit the span of ORIGINAL text it came from.
//
// - ASCII: lower case only (fast path: no maps are built; offsets are the identity).
// - Other text: characters that fold to themselves (most emoji, punctuation, Bengali letters)
//   are copied in runs; the rest, one cluster (base + combining marks) at a time, cached:
//   format characters (zero-width, bidi controls, soft hyphen, BOM, tags) are removed; NFKC
//   (fullwidth, math alphanumerics, circled letters, ligatures); lower case; Latin/Greek/
//   Cyrillic diacritics stripped ("fück" → "fuck"); Latin lookalikes (small capitals) folded.
// - Indic scripts (Bengali U+0980–U+09FF and its neighbours) only get NFKC: vowel signs,
//   virama, nukta and the ZWJ/ZWNJ that shape conjuncts are kept.
// - Cyrillic/Greek/Armenian lookalikes become Latin only inside Latin-looking words (see
//   foldConfusableWords).
import { LATIN_LOOKALIKES, SCRIPT_CONFUSABLES } from "./confusables.js";
import { F_CONFUSABLE, F_MARK, F_SIMPLE, charInfo, setConfusables } from "./chars.js";

setConfusables(new Set(SCRIPT_CONFUSABLES.keys()), new Set(LATIN_LOOKALIKES.keys()));

export interface Folded {
  readonly text: string;
  /** Original [start, end) of normalized unit i; null when normalized offsets equal original ones. */
  readonly starts: readonly number[] | null;
  readonly ends: readonly number[] | null;
  /**
   * Set when starts/ends were left null because the mapping is the identity although the text
   * is not plain ASCII: spans are then clamped to the text as they would be through the maps.
   */
  readonly clamp?: boolean;
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

/** Astral code points (emoji, math letters) that fold to themselves, remembered. */
const astralSimple = new Map<number, boolean>();
function isAstralSimple(cp: number): boolean {
  let v = astralSimple.get(cp);
  if (v === undefined) {
    const ch = String.fromCodePoint(cp);
    v = ch.normalize("NFKC") === ch && ch.toLowerCase() === ch && !FORMAT_CHAR.test(ch);
    if (astralSimple.size < CACHE_LIMIT) astralSimple.set(cp, v);
  }
  return v;
}

const isMark = (c: number) => c >= 0x300 && (charInfo(c) & F_MARK) !== 0;

export function fold(raw: string): Folded {
  if (isAscii(raw)) return { text: raw.toLowerCase(), starts: null, ends: null };
  const n = raw.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let text = "";
  let runStart = 0;
  let sawConfusable = false;
  // While every unit maps to itself (runs, and clusters folding one unit to one), the maps are
  // the identity and are not built: most non-ASCII chat is emoji and punctuation.
  let identity = true;
  const copyRun = (to: number) => {
    if (to <= runStart) return;
    text += raw.slice(runStart, to).toLowerCase(); // only ASCII in a run changes case
    if (identity) return;
    for (let k = runStart; k < to; k++) {
      starts.push(k);
      ends.push(k + 1);
    }
  };
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    const nextIsMark = i + 1 < n && isMark(raw.charCodeAt(i + 1));
    let width = 1;
    if (c < 0x80) {
      if (!nextIsMark) {
        i++;
        continue;
      }
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      width = 2;
      if (isAstralSimple(raw.codePointAt(i)!) && !(i + 2 < n && isMark(raw.charCodeAt(i + 2)))) {
        i += 2;
        continue;
      }
    } else {
      const info = charInfo(c);
      if (!nextIsMark && info & (F_SIMPLE | F_CONFUSABLE)) {
        if (info & F_CONFUSABLE) sawConfusable = true;
        i++;
        continue;
      }
    }
    // A character that changes, or a cluster with marks: fold it on its own.
    copyRun(i);
    let j = i + width;
    while (j < n && isMark(raw.charCodeAt(j))) j++;
    const out = foldCluster(raw.slice(i, j));
    if (identity && !(out.length === 1 && j === i + 1)) {
      // The first unit that does not map to itself: the maps so far are the identity (text.length === i).
      identity = false;
      for (let k = 0; k < text.length; k++) {
        starts.push(k);
        ends.push(k + 1);
      }
    }
    for (let k = 0; k < out.length; k++) {
      if (!identity) {
        starts.push(i);
        ends.push(j);
      }
      if (!sawConfusable && charInfo(out.charCodeAt(k)) & F_CONFUSABLE) sawConfusable = true;
    }
    text += out;
    i = runStart = j;
  }
  copyRun(n);
  const folded = sawConfusable ? foldConfusableWords(text) : text;
  return identity ? { text: folded, starts: null, ends: null, clamp: true } : { text: folded, starts, ends };
}

const WORD = /[\p{L}\p{M}\p{Nd}@$*#!'’]+/gu;
const LATIN_LETTER = /[a-z]/;
const LETTER = /\p{L}/u;

/**
 * Cyrillic/Greek lookalikes → Latin, one word at a time, when the word looks Latin: it has a
 * Latin letter ("раypal") or all its letters are lookalikes ("ѕһіт"). Each replacement is one
 * UTF-16 unit for one, so offsets are unchanged.
 */
export function foldConfusableWords(text: string): string {
  return text.replace(WORD, (word) => {
    let letters = 0;
    let confusable = 0;
    for (const ch of word) {
      if (LETTER.test(ch)) letters++;
      if (SCRIPT_CONFUSABLES.has(ch.codePointAt(0)!)) confusable++;
    }
    if (confusable === 0 || !(LATIN_LETTER.test(word) || confusable === letters)) return word;
    let out = "";
    for (const ch of word) out += SCRIPT_CONFUSABLES.get(ch.codePointAt(0)!) ?? ch;
    return out;
  });
}
