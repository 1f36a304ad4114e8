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
import { C_APOS, C_DIGIT, C_LEET, C_LETTER, C_OTHER, C_SPACE, C_WILD, classOf } from "./chars.js";

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
  /** The same character 3+ times in a row ("fuuuck"): worth squeezing. */
  LONG_RUN: 32,
} as const;

const FLAG_OF: number[] = [];
FLAG_OF[C_LETTER] = TokenFlag.LETTER;
FLAG_OF[C_DIGIT] = TokenFlag.DIGIT;
FLAG_OF[C_LEET] = TokenFlag.SYMBOL;
FLAG_OF[C_WILD] = TokenFlag.WILD;
FLAG_OF[C_APOS] = 0;

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
/** Trimmed from the start of a word: # (hashtag), !, apostrophes. */
const trimHead = (c: number) => c === 35 || c === 33 || classOf(c) === C_APOS;
/** Trimmed from the end of a word: ! # @ and apostrophes. */
const trimTail = (c: number) => c === 33 || c === 35 || c === 64 || classOf(c) === C_APOS;

export interface Tokens {
  tokens: Token[];
  joined: JoinedToken[];
}

const NO_JOINS: JoinedToken[] = [];

export function tokenize(folded: Folded): Tokens {
  const t = folded.text;
  const n = t.length;
  const starts = folded.starts;
  const ends = folded.ends;
  const tokens: Token[] = [];
  /** Normalized [start, end) of each token, for the join pass. */
  const spans: number[] = [];
  let breakBefore = false;
  /** Whether the join pass can find anything: single characters or glued words seen. */
  let mayJoin = false;
  let lastEnd = -2;
  let lastSingle = false;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    const cls = classOf(c);
    if (cls === C_OTHER || cls === C_SPACE) {
      if (isBreak(c)) breakBefore = true;
      i++;
      continue;
    }
    let s = i;
    let flags = 0;
    let prev = -1;
    let run = 0;
    while (i < n) {
      const d = t.charCodeAt(i);
      const k = classOf(d);
      if (k === C_OTHER || k === C_SPACE) break;
      flags |= FLAG_OF[k]!;
      if (d === prev) {
        if (++run >= 3) flags |= TokenFlag.LONG_RUN;
      } else run = 1;
      prev = d;
      i++;
    }
    let e = i;
    const wordStart = s;
    // Trim: *emphasis*, hashtags, quotes, trailing ! (a sentence break for what follows).
    if (t.charCodeAt(s) === 42) {
      while (s < e && t.charCodeAt(s) === 42) s++;
      while (e > s && t.charCodeAt(e - 1) === 42) e--;
    }
    while (s < e && trimHead(t.charCodeAt(s))) s++;
    while (e > s && trimTail(t.charCodeAt(e - 1))) {
      if (t.charCodeAt(e - 1) === 33) breakBefore = true;
      e--;
    }
    if (s === e) {
      for (let k = wordStart; k < i; k++) if (t.charCodeAt(k) === 33) breakBefore = true;
      continue;
    }
    if (s !== wordStart || e !== i) flags = recount(t, s, e, flags & TokenFlag.LONG_RUN);
    const single = e - s === 1 && !(flags & TokenFlag.WILD);
    if ((single && lastSingle) || (s - lastEnd === 1 && isJoinSep(t.charCodeAt(lastEnd)))) mayJoin = true;
    lastSingle = single;
    lastEnd = e;
    const afterBreak = breakBefore;
    // A trailing "!" trimmed above belongs to the gap after this word.
    breakBefore = false;
    for (let k = e; k < i; k++) if (t.charCodeAt(k) === 33) breakBefore = true;
    pushToken(t, s, e, flags | (afterBreak && tokens.length > 0 ? TokenFlag.BREAK_BEFORE : 0), starts, ends, tokens);
    spans.push(s, e);
  }
  return { tokens, joined: mayJoin ? joinTokens(t, tokens, spans) : NO_JOINS };
}

/** Flags of t[s, e) after trimming (the long-run flag is kept from the whole word). */
function recount(t: string, s: number, e: number, keep: number): number {
  let flags = keep;
  for (let k = s; k < e; k++) flags |= FLAG_OF[classOf(t.charCodeAt(k))]!;
  return flags;
}

const APOSTROPHES = /['`’‘ʼ]/g;

function pushToken(t: string, s: number, e: number, flags: number, starts: Int32Array | null, ends: Int32Array | null, tokens: Token[]): void {
  let text = t.slice(s, e);
  if (text.length > 1 && APOS_TEST.test(text)) text = text.replace(APOSTROPHES, "");
  let leet = text;
  let alt: string | null = null;
  if (flags & TokenFlag.LETTER && flags & (TokenFlag.DIGIT | TokenFlag.SYMBOL)) {
    leet = decodeLeet(text, false);
    if (text.includes("1")) alt = decodeLeet(text, true);
  }
  // "f*u*c*k": single letters alternating with one separator star.
  if (flags & TokenFlag.WILD && /^(?:[^*#][*#]){2,}[^*#]$/.test(leet)) alt = leet.replace(/[*#]/g, "");
  tokens.push({ text, leet, alt, start: starts ? starts[s]! : s, end: ends ? ends[e - 1]! : e, flags });
}

const APOS_TEST = /['`’‘ʼ]/;

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
