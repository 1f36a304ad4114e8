import { describe, expect, it } from "vitest";
import { mentionsCondition } from "../../../src/guidelines/conditions/links/mentions.js";
import { capsCondition } from "../../../src/guidelines/conditions/links/caps.js";
import { emojiCondition, countEmoji } from "../../../src/guidelines/conditions/links/emoji.js";
import { linesCondition } from "../../../src/guidelines/conditions/links/lines.js";
import { attachmentsCondition } from "../../../src/guidelines/conditions/links/attachments.js";
import { linksConditions } from "../../../src/guidelines/conditions/links/index.js";
import { compile, message } from "./fake-context.js";

describe("mentions", () => {
  it("counts mentions per message and catches @everyone/@here", () => {
    const c = compile(mentionsCondition, { max: 5, everyone: true });
    expect(c.test(message("hi", { mentions: 5 }))).toBeNull();
    expect(c.test(message("hi", { mentions: 6 }))?.[0]?.detail).toBe("6 mentions (max 5)");
    expect(c.test(message("hi", { mentionsEveryone: true }))?.[0]?.detail).toBe("pings @everyone/@here");
    expect(c.test(message("hey @here look"))?.[0]).toMatchObject({ text: "@here", start: 4, end: 9 });
    expect(c.test(message("mail me at everyone@example.com"))).toBeNull();
    expect(compile(mentionsCondition, { max: 5 }).test(message("@everyone"))).toBeNull();
    expect(() => compile(mentionsCondition, {})).toThrow();
  });
});

describe("caps", () => {
  it("flags shouting past the minimum length only", () => {
    const c = compile(capsCondition, { ratio: 0.7, min_length: 12 });
    expect(c.test(message("WHERE IS MY ORDER I PAID A WEEK AGO"))?.[0]?.detail).toBe("100% capitals");
    expect(c.test(message("OK LOL"))).toBeNull();
    expect(c.test(message("I bought the XL size from the USA store"))).toBeNull();
    expect(c.test(message("ÇA NE MARCHE PAS DU TOUT"))).not.toBeNull();
    expect(compile(capsCondition, {}).test(message("THIS IS A VERY LOUD MESSAGE"))).not.toBeNull();
  });
});

describe("emoji", () => {
  it("counts pictographs, sequences and custom emoji", () => {
    expect(countEmoji("hi 😀😀").emoji).toBe(2);
    expect(countEmoji("👨‍👩‍👧 family").emoji).toBe(1);
    expect(countEmoji("🇧🇩").emoji).toBe(1);
    expect(countEmoji("<:pepe:123456789012> nice <a:dance:123456789012>").emoji).toBe(2);
    expect(countEmoji("plain text").emoji).toBe(0);
  });

  it("flags floods by count or share", () => {
    expect(compile(emojiCondition, { max: 5 }).test(message("😀😀😀😀😀😀 wow"))?.[0]?.detail).toBe("6 emoji (max 5)");
    expect(compile(emojiCondition, { max: 5 }).test(message("😀😀 wow"))).toBeNull();
    const ratio = compile(emojiCondition, { ratio: 0.8, min: 5 });
    expect(ratio.test(message("😀😀😀😀😀😀"))).not.toBeNull();
    expect(ratio.test(message("what a lovely saree, thank you so much 😀😀😀😀😀"))).toBeNull();
  });
});

describe("lines and attachments", () => {
  it("flags walls of lines", () => {
    const c = compile(linesCondition, { max: 3 });
    expect(c.test(message("a\nb\nc"))).toBeNull();
    expect(c.test(message("a\nb\nc\n\n"))?.[0]?.detail).toBe("5 lines (max 3)");
  });

  it("counts attachments: more than max, or at least min", () => {
    expect(compile(attachmentsCondition, { max: 4 }).test(message("", { attachments: 5 }))?.[0]?.detail).toBe("5 attachments");
    expect(compile(attachmentsCondition, { max: 4 }).test(message("", { attachments: 4 }))).toBeNull();
    expect(compile(attachmentsCondition, { min: 1 }).test(message("pic", { attachments: 1 }))).not.toBeNull();
    expect(() => compile(attachmentsCondition, { min: 1, max: 2 })).toThrow();
  });
});

describe("the links group", () => {
  it("registers every condition once, each with a schema and a description", () => {
    const names = linksConditions.map((c) => c.name);
    expect(names).toEqual(["links", "promotion", "rate", "mentions", "caps", "emoji", "lines", "attachments"]);
    for (const c of linksConditions) expect(c.description.length).toBeGreaterThan(10);
  });
});
