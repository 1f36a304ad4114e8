// The text conditions compiled directly with a small CompileContext.
import { describe, expect, it } from "vitest";
import { words } from "../../../src/guidelines/conditions/text/words.js";
import { phrases } from "../../../src/guidelines/conditions/text/phrases.js";
import { regex } from "../../../src/guidelines/conditions/text/regex.js";
import { insult } from "../../../src/guidelines/conditions/text/insult.js";
import { threat } from "../../../src/guidelines/conditions/text/threat.js";
import { textConditions } from "../../../src/guidelines/conditions/text/index.js";
import type { ConditionDefinition } from "../../../src/guidelines/types.js";
import { CompileFailure, compile, inputFor } from "./fake-ctx.js";

const def = (d: unknown) => d as ConditionDefinition;
const spans = (c: ReturnType<typeof compile>, text: string) => c.test(inputFor(text))?.map((m) => text.slice(m.start, m.end)) ?? null;

describe("registry", () => {
  it("lists every text condition", () => {
    expect(textConditions.map((c) => c.name)).toEqual(["words", "phrases", "regex", "insult", "threat"]);
  });
});

describe("words", () => {
  const c = compile(def(words), ["fuck*", "shit", "ass", "asshole", "cock", "dick", "penis", "son of a bitch", "grape", "!shitake"]);
  it("matches whole words after normalization, with spans in the original text", () => {
    expect(spans(c, "What the FUUUCK")).toEqual(["FUUUCK"]);
    expect(spans(c, "oh $h1t")).toEqual(["$h1t"]);
    expect(spans(c, "what a s.h.i.t show")).toEqual(["s.h.i.t"]);
    expect(spans(c, "you son of a b1tch")).toEqual(["son of a b1tch"]);
    expect(spans(c, "f*cking hell")).toEqual(["f*cking"]);
    expect(spans(c, "kiss my @ss")).toEqual(["@ss"]);
    expect(spans(c, "asses")).toEqual(["asses"]); // plural of a one-word entry
  });
  it("leaves the Scunthorpe family alone", () => {
    for (const t of ["Scunthorpe", "assess", "classic", "the pen is mightier", "shitake risotto", "cockpit", "Dickens", "grapefruit", "as", "passion", "assassin", "hancock"]) {
      expect(spans(c, t), t).toBeNull();
    }
  });
  it("needs stretched runs to be real stretches", () => {
    expect(spans(c, "asss")).toEqual(["asss"]);
    expect(spans(c, "shiiit")).toEqual(["shiiit"]);
    expect(spans(c, "assess")).toBeNull(); // "asses" with a doubled s is spelling, not stretching
  });
  it("accepts the object form with allow and prefix matching", () => {
    const p = compile(def(words), { list: ["scam"], match: "prefix", allow: ["scamp"] });
    expect(spans(p, "scammers everywhere")).toEqual(["scammers"]);
    expect(spans(p, "you scamp")).toBeNull();
  });
  it("reads list files relative to the rules folder", () => {
    const f = compile(def(words), { file: "lists/respect-slurs.txt" });
    expect(spans(f, "n1gg3r")).toEqual(["n1gg3r"]);
    expect(spans(f, "a niggardly sum")).toBeNull();
  });
});

describe("phrases", () => {
  it("supports alternatives, optional words, sets, any word and sentence ends", () => {
    const c = compile(def(phrases), {
      list: ["shut up", "you are|r a|an? {insult}", "go * yourself", "i know where you live $"],
      sets: { insult: ["idiot", "clown"] },
      allow: ["shut up and take my money"],
    });
    expect(spans(c, "please SHUT UP")).toEqual(["SHUT UP"]);
    expect(spans(c, "u know you r an idiot")).toEqual(["you r an idiot"]);
    expect(spans(c, "you are clown")).toEqual(["you are clown"]);
    expect(spans(c, "go fuck yourself")).toEqual(["go fuck yourself"]);
    expect(spans(c, "I know where you live.")).toEqual(["I know where you live"]);
    expect(spans(c, "I know where you live on the map")).toBeNull();
    expect(spans(c, "shut up and take my money")).toBeNull();
    expect(spans(c, "shut. up")).toBeNull(); // not across a sentence break
  });
  it("refuses an unknown set", () => {
    expect(() => compile(def(phrases), { list: ["you {nope}"] })).toThrow(CompileFailure);
    expect(() => compile(def(phrases), { list: ["you {nope}"] })).toThrow(/\{nope\}/);
  });
  it("refuses a pattern that starts with * or matches nothing", () => {
    expect(() => compile(def(phrases), ["* idiot"])).toThrow(/cannot start/);
    expect(() => compile(def(phrases), ["idiot?"])).toThrow(/match nothing/);
  });
});

describe("regex", () => {
  it("runs RE2 on the normalized text, case-insensitively, with original spans", () => {
    const c = compile(def(regex), "free\\s+nitro");
    const text = "Get ＦＲＥＥ  Nitro now";
    expect(spans(c, text)).toEqual(["ＦＲＥＥ  Nitro"]);
  });
  it("can read the decoded words or the raw text", () => {
    const w = compile(def(regex), { pattern: "\\bkill yourself\\b", on: "words" });
    expect(spans(w, "k1ll y0urself")).toEqual(["k1ll y0urself"]);
    const r = compile(def(regex), { pattern: "ABC", on: "raw", case_sensitive: true });
    expect(spans(r, "abc ABC")).toEqual(["ABC"]);
  });
  it("refuses backreferences and lookaround at load, with a fix", () => {
    for (const p of ["(a)\\1", "foo(?=bar)", "(?<!x)y", "(?!z)"]) {
      let err: unknown;
      try {
        compile(def(regex), p);
      } catch (e) {
        err = e;
      }
      expect(err, p).toBeInstanceOf(CompileFailure);
      expect((err as CompileFailure).fix).toMatch(/linear time/);
    }
  });
  it("refuses a broken pattern", () => {
    expect(() => compile(def(regex), { patterns: ["ok", "(unclosed"] })).toThrow(CompileFailure);
  });
});

describe("insult", () => {
  const c = compile(def(insult), { nouns: ["idiot", "harami", "শুয়োর"], adjectives: ["stupid"] });
  it("counts insults aimed at a person", () => {
    for (const t of ["you are an idiot", "u r so stupid", "you idiot", "he is such an idiot", "idiots like you", "what an idiot", "Idiot!", "tui ekta harami", "harami kothakar", "তুই একটা শুয়োর"]) {
      expect(spans(c, t), t).not.toBeNull();
    }
  });
  it("not about things, oneself, or denied", () => {
    for (const t of ["this update is stupid", "your stupid question", "I'm such an idiot", "he is not an idiot", "the idiot box"]) {
      expect(spans(c, t), t).toBeNull();
    }
  });
  it("anywhere: counts the words without a frame, except about oneself", () => {
    const a = compile(def(insult), { nouns: ["idiot"], anywhere: true });
    expect(spans(a, "the idiot box")).toEqual(["idiot"]);
    expect(spans(a, "I felt like an idiot")).toBeNull();
  });
  it("needs words", () => {
    expect(() => compile(def(insult), {})).toThrow(/no insult words/);
  });
});

describe("threat", () => {
  const c = compile(def(threat), {});
  it("finds threats in English, Banglish and Bengali", () => {
    for (const t of ["I will kill you", "im gonna find you.", "watch your back", "you will pay for this", "kys", "he should be shot", "tore mere felbo", "tor barite ashbo", "তোকে মেরে ফেলব"]) {
      expect(spans(c, t), t).not.toBeNull();
    }
  });
  it("not figures of speech or support talk", () => {
    for (const t of ["this bug is killing me", "kill the process", "I will find you a solution", "I'll hit you up later", "you will pay for shipping", "I could kill for a coffee"]) {
      expect(spans(c, t), t).toBeNull();
    }
  });
  it("takes extra patterns and allows", () => {
    const x = compile(def(threat), { patterns: ["i will dox you|u"], allow: ["i will kill you at chess"] });
    expect(spans(x, "I will dox you")).toEqual(["I will dox you"]);
    expect(spans(x, "I will kill you at chess")).toBeNull();
  });
});
