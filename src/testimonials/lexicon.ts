// Which messages praise the product or service: a small English and Bengali (script and
// romanized) praise lexicon, plus product and service words (generic ones and the community's
// `testimonials.productTerms`). A message is praising when it has a praise word that is not
// negated ("not great", "ভালো না") and names a product or service. Suggestions only: nothing
// is published without the author's consent.

const PRAISE_EN = [
  "love", "loved", "loving", "great", "excellent", "amazing", "awesome", "beautiful", "perfect", "fantastic",
  "wonderful", "best", "recommend", "recommended", "impressed", "happy", "superb", "brilliant", "gorgeous", "lovely",
  "outstanding", "fast", "quick",
];
const PRAISE_BN = ["অসাধারণ", "চমৎকার", "দারুণ", "দারুন", "সুন্দর", "ভালো", "ভাল", "খুশি", "সেরা", "পছন্দ", "ধন্যবাদ", "মুগ্ধ"];
const PRAISE_ROMAN = ["darun", "osadharon", "oshadharon", "sundor", "shundor", "valo", "bhalo", "khushi", "khusi", "sera", "pochondo", "dhonnobad"];

/** Products and services in general (the community's own terms add to these). */
const PRODUCT_GENERIC = [
  "product", "products", "quality", "order", "orders", "delivery", "delivered", "shipping", "service", "support", "shop", "store",
  "bag", "packaging", "stitching", "purchase", "item", "price",
  "অর্ডার", "ডেলিভারি", "পণ্য", "প্রোডাক্ট", "মান", "কোয়ালিটি", "সার্ভিস", "দোকান", "ব্যাগ", "প্যাকেজিং",
  "kwality", "delivary",
];

const NEGATE_BEFORE = new Set(["not", "never", "no", "isn't", "wasn't", "aren't", "don't", "didn't", "hardly", "nah"]);
const NEGATE_AFTER = new Set(["না", "নয়", "নয়", "nai", "na", "noy", "nahi"]);

const bengali = /[\u0980-\u09FF]/;

export interface PraiseSignals {
  praising: boolean;
  /** Praise words found (not negated). */
  praise: string[];
  /** Product or service words found. */
  products: string[];
}

export class PraiseLexicon {
  private readonly praise: Set<string>;
  private readonly products: Set<string>;
  /** Bengali-script product terms, matched as prefixes (suffixes: শাড়িটা). */
  private readonly bengaliProducts: string[];
  private readonly productPhrases: string[];

  constructor(productTerms: readonly string[] = []) {
    this.praise = new Set([...PRAISE_EN, ...PRAISE_BN, ...PRAISE_ROMAN]);
    const terms = [...PRODUCT_GENERIC, ...productTerms.map((t) => t.toLowerCase().trim())];
    const words = terms.filter((t) => !/\s/.test(t));
    this.products = new Set(words);
    this.bengaliProducts = words.filter((t) => bengali.test(t));
    this.productPhrases = terms.filter((t) => /\s/.test(t));
  }

  judge(text: string): PraiseSignals {
    const lower = text.toLowerCase();
    const tokens = lower.match(/[\p{L}\p{M}\p{N}'’]+/gu)?.map((t) => t.replace(/’/g, "'")) ?? [];
    const praise: string[] = [];
    const products = new Set<string>();
    tokens.forEach((t, i) => {
      const word = this.praiseWord(t);
      if (word && !negated(tokens, i) && !praise.includes(word)) praise.push(word);
      const product = this.productWord(t);
      if (product) products.add(product);
    });
    for (const p of this.productPhrases) if (lower.includes(p)) products.add(p);
    return { praising: praise.length > 0 && products.size > 0, praise, products: [...products] };
  }

  /** Bengali words take suffixes (শাড়িটা, সুন্দরভাবে), so Bengali-script terms match as prefixes. */
  private praiseWord(t: string): string | null {
    if (this.praise.has(t)) return t;
    if (isBengali(t)) for (const p of PRAISE_BN) if (t.startsWith(p)) return p;
    return null;
  }

  private productWord(t: string): string | null {
    if (this.products.has(t)) return t;
    if (isBengali(t)) {
      for (const p of this.bengaliProducts) if (t.startsWith(p)) return p;
      return null;
    }
    // Plurals: "bags", "boxes".
    if (t.endsWith("s") && this.products.has(t.slice(0, -1))) return t.slice(0, -1);
    if (t.endsWith("es") && this.products.has(t.slice(0, -2))) return t.slice(0, -2);
    return null;
  }
}

/** A token in Bengali script (its first character is: tokens are runs of letters). */
function isBengali(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 0x0980 && c <= 0x09ff;
}

function negated(tokens: readonly string[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (before !== undefined && NEGATE_BEFORE.has(before)) || (after !== undefined && NEGATE_AFTER.has(after));
}
