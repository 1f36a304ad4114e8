// The clean check (a message with no trigger word in any form skips all matching) must never
// change a result: compared on every corpus message and on tricky spellings.
import { describe, expect, it } from "vitest";
import { corpus, haveCorpora } from "../../helpers/corpora.js";
import { lexicon } from "../../../src/guidelines/text/lexicon.js";
import { judge, loadRespect, readJsonl } from "./respect-eval.js";
import { words } from "../../../src/guidelines/conditions/text/words.js";
import type { ConditionDefinition } from "../../../src/guidelines/types.js";
import { compile, inputFor } from "./fake-ctx.js";

const tricky = [
  "f u c k", "f.u.c.k", "f*ck", "sh1t", "$hit", "@ss", "a$$", "fuuuuck", "FUCK", "Fück", "mother-fucker", "a-hole", "2g1c",
  "idiot!", "@USER idiot", "#idiot", "*idiot*", "you're an idiot", "YOU ARE AN IDIOT!!!", "u r a l0ser", "1diot", "k1ll yourself",
  "b1tch", "bitch", "b*tch", "b!tch", "you `idiot`", "idiot's", "the idiots.", "i d i o t", "s.h.i.t", "kys", "k y s", "ahole",
  "thanks for the help!", "where is my order?", "email me at bob@example.com", "price is $5", "#1 fan", "it's 100% fine",
];

it("a list used for the first time on a message already judged clean still matches", () => {
  const a = compile(words as unknown as ConditionDefinition, ["zzfirstlist"]);
  const b = compile(words as unknown as ConditionDefinition, ["zzsecondlist"]);
  const input = inputFor("well zzsecondlist then");
  expect(a.test(input)).toBeNull(); // judged clean for a's words
  expect(b.test(input)?.map((m) => m.text)).toEqual(["zzsecondlist"]);
});

describe("clean check", async () => {
  const set = await loadRespect();
  const same = (text: string) => {
    lexicon.cleanCheck = false;
    const full = judge(set, text).map((h) => h.rule.id);
    lexicon.cleanCheck = true;
    const quick = judge(set, text).map((h) => h.rule.id);
    return { full, quick };
  };
  it("gives the same rules on tricky spellings", () => {
    for (const t of tricky) {
      const { full, quick } = same(t);
      expect(quick, t).toEqual(full);
    }
  });
  it.skipIf(!haveCorpora)("gives the same rules on every corpus message", () => {
    const texts = ["olid-train.jsonl", "davidson.jsonl", "sms-spam.jsonl", "youtube-spam-dev.jsonl"].flatMap((f) => readJsonl(corpus(f)).map((r) => r.text));
    const diffs: string[] = [];
    for (const t of texts) {
      const { full, quick } = same(t);
      if (full.join() !== quick.join()) diffs.push(`${t} → full [${full}] quick [${quick}]`);
    }
    expect(diffs.slice(0, 20)).toEqual([]);
  });
});
