// `classifier`: a small offline text model (models/<name>.json, trained by scripts/train) scores
// the message; true when the score reaches the threshold. The matches are the words that pushed
// the score up most, so a moderator sees why ("idiot" (offensive 0.93), "stupid").
//
//   when: { classifier: { name: offensive } }                  # the model's recommended threshold
//   when: { classifier: { name: spam, threshold: 0.8 } }       # stricter: fewer, surer hits
//
// Models (docs/classifier.md has their cross-validated precision/recall at each threshold):
//   offensive  insults, threats and profanity in English (OLID); recommended threshold 0.39
//   spam       comment and SMS spam, self-promotion in English (YouTube + SMS spam)
// English only: text in other scripts (Bengali) carries no features and scores low.
import { z } from "zod";
import { defineCondition, type Match } from "../../types.js";
import { listModels, loadModel } from "../../classifier/registry.js";
import type { LinearModel } from "../../classifier/model.js";

const schema = z
  .object({
    name: z.string().min(1).describe("The model: a file models/<name>.json (offensive, spam)."),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("True when the score (0–1) is at least this. Default: the model's recommended threshold, chosen by cross-validation."),
  })
  .strict();

/** How many of the strongest words are shown as matches. */
const SHOWN_WORDS = 3;

export const classifier = defineCondition({
  name: "classifier",
  description: "A small offline text model (offensive, spam) scores the message; true at or above the threshold.",
  schema,
  compile(config, ctx) {
    let model: LinearModel;
    try {
      model = loadModel(config.name);
    } catch (e) {
      const known = listModels();
      return ctx.fail((e as Error).message, known.length ? `use one of: ${known.join(", ")}` : "train the models: npm run build && node scripts/train/train.mjs", ["name"]);
    }
    const threshold = config.threshold ?? model.threshold;
    const name = model.name;
    // The detail of each score floored to hundredths, made once: toFixed per hit cost more than the test.
    const details = Array.from({ length: 101 }, (_, k) => `${name} ${(k / 100).toFixed(2)}`);
    return {
      cost: 50,
      test(input) {
        const text = input.message.text;
        const score = model.score(text);
        if (score < threshold) return null;
        // floored, so a score never shows as a certain "1.00"
        const hundredths = Math.floor(score * 100);
        const detail = details[hundredths] ?? `${name} ${(hundredths / 100).toFixed(2)}`;
        const words = model.explain(text, SHOWN_WORDS);
        if (words.length === 0) return [{ condition: "classifier", text, start: 0, end: text.length, detail }];
        return words.map((w, i): Match => ({
          condition: "classifier",
          text: text.slice(w.start, w.end),
          start: w.start,
          end: w.end,
          ...(i === 0 && { detail }),
        }));
      },
    };
  },
});
