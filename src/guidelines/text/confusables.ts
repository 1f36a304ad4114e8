// Lookalike letters folded to Latin for matching. A small hand-picked subset of Unicode's
// confusables.txt: the letters people actually use to dodge filters ("раураl", "ѕһіт").
// Applied by the normalizer only inside Latin-looking words (see fold.ts), so genuine
// Cyrillic or Greek words are left alone.

/** Cyrillic, Greek, Armenian and other script letters that look like a Latin letter. Lower case keys. */
export const SCRIPT_CONFUSABLES: ReadonlyMap<number, string> = new Map(
  Object.entries({
    // Cyrillic
    "а": "a", "в": "b", "г": "r", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j",
    "к": "k", "м": "m", "н": "h", "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
    "ш": "w", "ь": "b", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "ү": "y", "ұ": "y", "ҳ": "x", "ҫ": "c", "ӑ": "a", "ӓ": "a", "ӧ": "o", "ӱ": "y", "ө": "o", "ѵ": "v",
    // Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j", "ά": "a",
    "έ": "e", "ή": "n", "ί": "i", "ό": "o", "ύ": "u", "ώ": "w",
    // Armenian
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "ք": "p", "զ": "q",
  }).map(([k, v]) => [k.codePointAt(0)!, v]),
);

/**
 * Latin-script lookalikes that NFKC leaves alone (small capitals, IPA, dotless i). These are
 * Latin letters already, so they fold everywhere.
 */
export const LATIN_LOOKALIKES: ReadonlyMap<number, string> = new Map(
  Object.entries({
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k",
    "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w",
    "ʏ": "y", "ᴢ": "z", "ı": "i", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ɵ": "o", "ƅ": "b", "ꞵ": "b", "ø": "o", "đ": "d",
    "ħ": "h", "ł": "l", "ŧ": "t", "ɨ": "i", "ʋ": "u", "ⅰ": "i", "ǀ": "l",
  }).map(([k, v]) => [k.codePointAt(0)!, v]),
);
