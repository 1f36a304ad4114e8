// Splits normalized text into word tokens, decoding leetspeak inside words and re-joining
// words broken up with separators. Tokens carry ORIGINAL offsets.
//
// - A word is a run of letters, digits, leet symbols (@ $ !), wildcards (* #) and apostrophes;
//   apostrophes are dropped ("you're" → "youre"), a leading # (hashtag) and trailing ! are
//   trimmed, and *emphasis* stars around a word are removed.
// - Leet (sh1t, $hit, @ss, f4g): digits and symbols map to letters only in words with letters
//   (so "2" or "420" stay as they are). "1" and "|" may be i or l: both are offered.
// - `*` and `#` inside a word stand for one unknown letter ("f*ck"); lexicon.ts matches them.
// - Joined tokens: runs of ≥ 3 single letters separated by one separator ("f u c k",
//   "f.u.c.k", "f-u-c-k") and 2–4 words joined by "-", "_" or "." ("mother-fucker", "a-hole").
import type { Folded } from "./fold.js";

export interface Token {
  /** Folded word, apostrophes dropped, symbols kept: "sh1t", "f*ck", "youre". */
  readonly text: string;
  /** Leet-decoded form ("shit"); equal to `text` when nothing was decoded. */
  readonly leet: string;
  /** Another decoding worth trying ("1"/"|" as l), or null. */
  readonly alt: string | null;
  /** Offsets in the ORIGINAL text, [start, end). */
  readonly start: number;
  readonly end: number;
  /** TokenFlag bits. */
  readonly flags: number;
}

/** A word made by joining tokens first..last (inclusive). */
export interface JoinedToken {
  readonly text: string;
  readonly first: number;
  readonly last: number;
}

export const TokenFlag = {
  LETTER: 1,
  DIGIT: 2,
  SYMBOL: 4,
  WILD: 8,
  /** A sentence break (. ! ? ; newline) lies between the previous token and this one. */
  BREAK_BEFORE: 16,
} as const;

// Character classes of normalized text.
const C_OTHER = 0;
const C_LETTER = 1;
const C_DIGIT = 2;
const C_LEET = 3; // @ $ !
const C_WILD = 4; // * #
const C_APOS = 5;

const asciiClass = new Uint8Array(128);
for (let c = 97; c <= 122; c++) asciiClass[c] = C_LETTER;
for (let c = 48; c <= 57; c++) asciiClass[c] = C_DIGIT;
for (const ch of "@$!") asciiClass[ch.charCodeAt(0)] = C_LEET;
for (const ch of "*#") asciiClass[ch.charCodeAt(0)] = C_WILD;
asciiClass["'".charCodeAt(0)] = C_APOS;
asciiClass["`".charCodeAt(0)] = C_APOS;

const WORDISH = /[\p{L}\p{M}\p{Nd}]/u;
function classOf(c: number): number {
  if (c < 128) return asciiClass[c]!;
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc) return C_APOS;
  if (c === 0x20ac || c === 0xa2) return C_LEET; // € ¢
  return WORDISH.test(String.fromCharCode(c)) ? C_LETTER : C_OTHER;
}

const LEET: Record<string, string> = {
  "0": "o", "1": "i", "2": "z", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g",
  "@": "a", "$": "s", "!": "i", "€": "e", "¢": "c",
};

function decodeLeet(word: string, oneAsL: boolean): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    out += oneAsL && ch === "1" ? "l" : (LEET[ch] ?? ch);
  }
  return out;
}

const isBreak = (c: number) => c === 46 || c === 33 || c === 63 || c === 59 || c === 10 || c === 0x964 || c === 0x965;
/** Separators allowed between spelled-out letters: space . - _ * , / ~ + */
const isLetterSep = (c: number) =>
  c === 32 || c === 46 || c === 45 || c === 95 || c === 42 || c === 44 || c === 47 || c === 126 || c === 43;
/** Separators that glue words into one: - _ . */
const isJoinSep = (c: number) => c === 45 || c === 95 || c === 46;

export interface Tokens {
  tokens: Token[];
  joined: JoinedToken[];
}

export function tokenize(folded: Folded): Tokens {
  const t = folded.text;
  const n = t.length;
  const starts = folded.starts;
  const ends = folded.ends;
  const tokens: Token[] = [];
  /** Normalized [start, end) of each token, for gap checks. */
  const spans: number[] = [];
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    const cls = classOf(c);
    if (cls === C_OTHER) {
      i++;
      continue;
    }
    let s = i;
    while (i < n && classOf(t.charCodeAt(i)) !== C_OTHER) i++;
    let e = i;
    // Trim: hashtag, emphasis stars, quotes and trailing punctuation-like symbols.
    if (t.charCodeAt(s) === 42) {
      while (s < e && t.charCodeAt(s) === 42) s++;
      while (e > s && t.charCodeAt(e - 1) === 42) e--;
    }
    while (s < e && (t.charCodeAt(s) === 35 || t.charCodeAt(s) === 33 || classOf(t.charCodeAt(s)) === C_APOS)) s++;
    while (e > s && (t.charCodeAt(e - 1) === 33 || t.charCodeAt(e - 1) === 35 || t.charCodeAt(e - 1) === 64 || classOf(t.charCodeAt(e - 1)) === C_APOS)) e--;
    if (s === e) continue;
    pushToken(t, s, e, starts, ends, tokens, spans);
  }
  markBreaks(t, tokens, spans);
  return { tokens, joined: joinTokens(t, tokens, spans) };
}

function pushToken(
  t: string,
  s: number,
  e: number,
  starts: Int32Array | null,
  ends: Int32Array | null,
  tokens: Token[],
  spans: number[],
): void {
  let flags = 0;
  let apos = false;
  for (let k = s; k < e; k++) {
    const cls = classOf(t.charCodeAt(k));
    if (cls === C_LETTER) flags |= TokenFlag.LETTER;
    else if (cls === C_DIGIT) flags |= TokenFlag.DIGIT;
    else if (cls === C_LEET) flags |= TokenFlag.SYMBOL;
    else if (cls === C_WILD) flags |= TokenFlag.WILD;
    else apos = true;
  }
  let text = t.slice(s, e);
  if (apos) text = text.replace(/['`’‘ʼ]/g, "");
  let leet = text;
  let alt: string | null = null;
  if (flags & TokenFlag.LETTER && flags & (TokenFlag.DIGIT | TokenFlag.SYMBOL)) {
    leet = decodeLeet(text, false);
    if (text.includes("1")) alt = decodeLeet(text, true);
  }
  // "f*u*c*k": single letters alternating with one separator star.
  if (flags & TokenFlag.WILD && /^(?:[^*#][*#]){2,}[^*#]$/.test(leet)) alt = leet.replace(/[*#]/g, "");
  tokens.push({
    text,
    leet,
    alt,
    start: starts ? starts[s]! : s,
    end: ends ? ends[e - 1]! : e,
    flags,
  });
  spans.push(s, e);
}

function markBreaks(t: string, tokens: Token[], spans: number[]): void {
  for (let k = 1; k < tokens.length; k++) {
    const from = spans[2 * k - 1]!;
    const to = spans[2 * k]!;
    for (let j = from; j < to; j++) {
      if (isBreak(t.charCodeAt(j))) {
        (tokens[k] as { flags: number }).flags |= TokenFlag.BREAK_BEFORE;
        break;
      }
    }
  }
}

/** The gap [from, to) is one separator, or (for spelled-out letters) blanks around at most one. */
function gapIs(t: string, from: number, to: number, test: (c: number) => boolean): boolean {
  if (to - from === 1) return test(t.charCodeAt(from));
  if (to - from > 3 || test !== isLetterSep) return false;
  let seps = 0;
  for (let j = from; j < to; j++) {
    const c = t.charCodeAt(j);
    if (c !== 32 && (!test(c) || ++seps > 1)) return false;
  }
  return true;
}

function joinTokens(t: string, tokens: Token[], spans: number[]): JoinedToken[] {
  const joined: JoinedToken[] = [];
  const single = (k: number) => spans[2 * k + 1]! - spans[2 * k]! === 1 && !(tokens[k]!.flags & TokenFlag.WILD);
  // Spelled-out letters.
  let k = 0;
  while (k < tokens.length) {
    if (!single(k)) {
      k++;
      continue;
    }
    let last = k;
    while (last + 1 < tokens.length && single(last + 1) && gapIs(t, spans[2 * last + 1]!, spans[2 * last + 2]!, isLetterSep)) last++;
    if (last - k + 1 >= 3) {
      let word = "";
      for (let j = k; j <= last; j++) word += tokens[j]!.leet;
      joined.push({ text: word, first: k, last });
      // "a f u c k": also without a leading article-like letter.
      if (last - k + 1 >= 4) joined.push({ text: word.slice(1), first: k + 1, last });
    }
    k = last + 1;
  }
  // Words glued with - _ . : every chain of 2–4 ("mother-fucker-face" also gives "motherfucker").
  for (k = 0; k + 1 < tokens.length; k++) {
    let word = tokens[k]!.leet;
    let allSingle = single(k);
    for (let last = k + 1; last < tokens.length && last - k <= 3; last++) {
      if (!gapIs(t, spans[2 * last - 1]!, spans[2 * last]!, isJoinSep)) break;
      word += tokens[last]!.leet;
      allSingle &&= single(last);
      if (!allSingle) joined.push({ text: word, first: k, last });
    }
  }
  return joined;
}
