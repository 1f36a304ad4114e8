// Character classes for the normalizer and tokenizer, one table lookup per UTF-16 unit.
// ASCII is filled up front; other BMP units are classified with Unicode regexes the first
// time they are seen and remembered (a 64 KiB table), so the per-character cost stays a lookup.

export const C_OTHER = 1;
export const C_LETTER = 2; // letters, combining marks, non-ASCII digits
export const C_DIGIT = 3; // 0-9
export const C_LEET = 4; // @ $ ! € ¢
export const C_WILD = 5; // * #
export const C_APOS = 6; // ' ` ’ ‘ ʼ
export const C_SPACE = 7;

/** Extra bits of the table (above the class in the low 3 bits). */
export const F_MARK = 8; // combining mark or ZWJ/ZWNJ: belongs to the previous character's cluster
export const F_FORMAT = 16; // format character (zero-width, bidi, soft hyphen): removed
export const F_SIMPLE = 32; // folds to itself (after lower-casing) in any context
export const F_CONFUSABLE = 64; // a Cyrillic/Greek/Armenian lookalike of a Latin letter

/** Class and flag bits by UTF-16 unit; 0 = not classified yet (call charInfo). Read directly in hot loops. */
export const CHAR_TABLE = new Uint8Array(65536);
const table = CHAR_TABLE;

const LETTERISH = /[\p{L}\p{M}\p{Nd}]/u;
const MARK = /\p{M}/u;
const FORMAT = /\p{Cf}/u;
const SPACE = /\s/u;

for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let cls = C_OTHER;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) cls = C_LETTER;
  else if (c >= 48 && c <= 57) cls = C_DIGIT;
  else if ("@$!".includes(ch)) cls = C_LEET;
  else if ("*#".includes(ch)) cls = C_WILD;
  else if ("'`".includes(ch)) cls = C_APOS;
  else if (SPACE.test(ch)) cls = C_SPACE;
  table[c] = c >= 65 && c <= 90 ? cls : cls | F_SIMPLE;
}

let confusables: ReadonlySet<number> = new Set();
let lookalikes: ReadonlySet<number> = new Set();
/** Called once by fold.ts with the lookalike tables (kept with their data in confusables.ts). */
export function setConfusables(script: ReadonlySet<number>, latin: ReadonlySet<number>): void {
  confusables = script;
  lookalikes = latin;
}

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  let v: number;
  if (c >= 0xd800 && c <= 0xdfff) v = C_OTHER; // surrogates: emoji and other astral symbols
  else if (c === 0x2019 || c === 0x2018 || c === 0x02bc) v = C_APOS;
  else if (c === 0x20ac || c === 0xa2) v = C_LEET;
  else if (FORMAT.test(ch)) v = C_OTHER | F_FORMAT;
  else if (SPACE.test(ch)) v = C_SPACE;
  else v = LETTERISH.test(ch) ? C_LETTER : C_OTHER;
  if (c === 0x200c || c === 0x200d || MARK.test(ch)) v |= F_MARK;
  if (confusables.has(c)) v |= F_CONFUSABLE;
  // Folds to itself: NFKC and lower case leave it alone and it is no lookalike or format char.
  if (!(v & (F_FORMAT | F_MARK | F_CONFUSABLE)) && !lookalikes.has(c) && !(c >= 0xd800 && c <= 0xdfff) && ch.normalize("NFKC") === ch && ch.toLowerCase() === ch && ch.normalize("NFD") === ch) v |= F_SIMPLE;
  return v;
}

/** Class and flag bits of a UTF-16 unit. */
export function charInfo(c: number): number {
  let v = table[c]!;
  if (v === 0) v = table[c] = classify(c);
  return v;
}

export const classOf = (c: number): number => charInfo(c) & 7;
