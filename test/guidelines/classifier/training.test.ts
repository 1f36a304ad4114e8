// Training is reproducible: the same data gives byte-identical model files, so a committed
// model can be checked against its training script (`train.mjs --check`).
import { describe, expect, it } from "vitest";
import { corpus, corporaDir, haveCorpora, noCorporaReason } from "../../helpers/corpora.js";
import { crossValidate, featurizeAll, stratifiedFolds, train, type Example, type Hyper } from "../../../scripts/train/core.js";
import { trainSpec } from "../../../scripts/train/pipeline.js";
import { specs } from "../../../scripts/train/specs.js";
import { serializeModel } from "../../../scripts/train/train.js";
import { decodeWeights, encodeWeights } from "../../../src/guidelines/classifier/model.js";
import { sha256File } from "../../../scripts/train/data.js";

const hyper: Hyper = {
  bits: 14,
  features: { bigrams: true, caps: true, charMin: 4, charMax: 5 },
  fit: { lambda: 1e-3, maxIter: 100, tol: 1e-7, memory: 5 },
  positiveWeight: 1,
  lengthNorm: 0.25,
  nb: 1,
};

const bad = ["you are an idiot", "shut up loser", "what a moron you are", "you stupid fool", "go away idiot", "nobody likes you, clown"];
const good = ["thanks for the help", "my order arrived today", "is this in stock?", "great service, thank you", "can I change my address", "the app works now"];
const examples: Example[] = [...bad, ...good].map((text, i) => ({ text, y: i < bad.length ? 1 : 0, weight: 1, group: "toy", evaluate: true }));

describe("training", () => {
  it("gives identical weights when run twice on the same data", () => {
    const codes = featurizeAll(examples, hyper.features);
    const all = examples.map((_, i) => i);
    const a = train(codes, examples, all, hyper);
    const b = train(featurizeAll(examples, hyper.features), examples, all, hyper);
    expect(a.bias).toBe(b.bias);
    expect(a.scale).toBe(b.scale);
    expect(Buffer.from(a.q.buffer).equals(Buffer.from(b.q.buffer))).toBe(true);
    expect(a.q.some((v) => v !== 0)).toBe(true);
  });

  it("learns the toy task", () => {
    const codes = featurizeAll(examples, hyper.features);
    const scores = crossValidate(codes, examples, hyper, 3, 7);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
  });

  it("splits folds deterministically and stratified", () => {
    const f1 = stratifiedFolds(examples, 3, 1);
    const f2 = stratifiedFolds(examples, 3, 1);
    expect([...f1]).toEqual([...f2]);
    for (let k = 0; k < 3; k++) {
      const inFold = examples.filter((_, i) => f1[i] === k);
      expect(inFold.filter((e) => e.y).length).toBe(2);
    }
  });

  it("stores weights losslessly (varint deltas + int8)", () => {
    const q = new Int8Array(1 << 12);
    q[0] = 5;
    q[1] = -127;
    q[300] = 127;
    q[4095] = -1;
    const enc = encodeWeights(q);
    expect(enc.count).toBe(4);
    const dense = decodeWeights(enc, 12, 0.5);
    expect([dense[0], dense[1], dense[300], dense[4095], dense[2]]).toEqual([2.5, -63.5, 63.5, -0.5, 0]);
  });

  it.skipIf(!haveCorpora)("re-training on a fixed slice of OLID twice writes byte-identical model files", () => {
    const opts = { corporaDir, folds: 2, seed: 1, cv: true, limit: 600 };
    const a = serializeModel(trainSpec(specs.offensive!, opts).file);
    const b = serializeModel(trainSpec(specs.offensive!, opts).file);
    expect(a).toBe(b);
    const data = JSON.parse(a).training.data[0];
    expect(data.sha256).toBe(sha256File(corpus("olid-train.jsonl")));
    expect(data.used).toBe(600);
  });
  if (!haveCorpora) it.skip(noCorporaReason, () => {});
});
