// Does a message ask something worth answering? English and Bengali (script and romanized
// "Banglish"). Deliberately small and predictable; docs/kpis.md lists the rules:
//   1. at least two words (a lone "?" or "why?" is a reaction to something, not a question);
//   2. not an exclamation (ends with "!": "কি সুন্দর!", "how cool!");
//   3. then any of: a question mark (? ？ ⸮, outside links); an English question opening
//      (how/what/why/when/where/which/who…, or an auxiliary before a pronoun: "can I", "does anyone");
//      a Bengali question word anywhere (কি, কী, কেন, কবে, কত, কোথায়, কীভাবে …) or its
//      romanized form (ki, kivabe, keno, kobe, koto, kothay, kon …).
// Only the first 500 characters are read: the pipeline calls this on every message.

const URL_RE = /\bhttps?:\/\/\S+/gi;
// Letters (any script, with Bengali vowel signs, which are marks) and digits make words.
const WORD_SPLIT = /[^\p{L}\p{M}\p{N}]+/u;

const WH = new Set(["how", "what", "why", "when", "where", "which", "who", "whom", "whose", "whats", "hows"]);
const AUX = new Set(["can", "could", "would", "should", "will", "is", "are", "am", "was", "were", "does", "do", "did", "has", "have", "may", "shall"]);
const AFTER_AUX = new Set(["i", "you", "we", "they", "it", "he", "she", "someone", "anyone", "anybody", "somebody", "there", "this", "that", "these", "those", "my", "your", "our", "the"]);
// "do" also opens orders ("do this now"): only a person after it makes a question ("do you ship").
const AFTER_DO = new Set(["i", "you", "we", "they", "he", "she", "someone", "anyone", "anybody", "somebody", "people", "u"]);
const ASKING_OPENINGS = new Set(["anyone", "anybody", "somebody", "someone"]);

const BENGALI = new Set(["কি", "কী", "কেন", "কবে", "কত", "কতো", "কোথায়", "কোথায়", "কীভাবে", "কিভাবে", "কীভাবে", "কিভাবে", "কেমনে", "কেমন", "কোন", "কোনটা", "কোনটি", "কারা", "নাকি"]);
const BANGLISH = new Set(["ki", "kivabe", "kibhabe", "kibabe", "kemne", "kemon", "keno", "kno", "kobe", "koto", "kotoh", "kothay", "kothai", "kon", "konta", "konti", "naki", "kii"]);

export function isQuestion(text: string): boolean {
  if (!text) return false;
  const t = (text.length > 500 ? text.slice(0, 500) : text).replace(URL_RE, " ").trim();
  if (t.endsWith("!")) return false;
  const words = t.toLowerCase().split(WORD_SPLIT).filter(Boolean);
  if (words.length < 2) return false;
  if (/[?？⸮]/.test(t)) return true;
  const [first, second] = words as [string, string];
  if (WH.has(first) || ASKING_OPENINGS.has(first)) return true;
  if (first === "do" ? AFTER_DO.has(second) : AUX.has(first) && AFTER_AUX.has(second)) return true;
  for (const w of words) if (BENGALI.has(w) || BANGLISH.has(w)) return true;
  return false;
}

/** The question's text as kept for the digest's list of unanswered questions. */
export function questionExcerpt(text: string, max = 200): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
