// Turning list entries as people write them ("fuck*", "a-hole", "you're", "kuttar baccha") into
// lexicon words, normalized exactly like message tokens.
import { fold } from "./fold.js";
import { materialize, tokenTable } from "./tokenize.js";
import type { Lexicon } from "./lexicon.js";

/** One word of an entry: its folded forms (as written, leet-decoded) and whether it is a prefix. */
export interface EntryWord {
  forms: string[];
  prefix: boolean;
}

/**
 * The folded forms of one whitespace-free word of an entry. Separators inside it are dropped
 * ("a-hole" → "ahole", "you're" → "youre"), as the tokenizer joins such words in messages.
 */
export function entryWord(part: string, allowPrefix = true): EntryWord | null {
  let text = part;
  const prefix = allowPrefix && text.length > 2 && text.endsWith("*") && !text.endsWith("**");
  if (prefix) text = text.slice(0, -1);
  const toks = materialize(tokenTable(fold(text)));
  if (!toks.length) return null;
  const literal = toks.map((t) => t.text).join("");
  const leet = toks.map((t) => t.leet).join("");
  return { forms: literal === leet ? [literal] : [literal, leet], prefix };
}

const ASCII_WORD = /^[a-z]+$/;

/** English plural forms of a folded word: idiot → idiots, bitch → bitches, pussy → pussies. */
export function plurals(word: string): string[] {
  if (!ASCII_WORD.test(word) || word.length < 3) return [];
  if (/(?:s|x|z|ch|sh)$/.test(word)) return [`${word}es`];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`, `${word}s`];
  return [`${word}s`];
}

/** Intern all forms of an entry word; with `inflect`, also plurals of whole words. */
export function internWord(lex: Lexicon, w: EntryWord, inflect: boolean): number[] {
  const ids = new Set<number>();
  for (const form of w.forms) {
    ids.add(lex.intern(form, w.prefix));
    if (inflect && !w.prefix) for (const p of plurals(form)) ids.add(lex.intern(p));
  }
  return [...ids];
}
