// Bad input never crashes Steward (issue 9): generated event lines, guideline files and texts,
// 10,000 each, and a Unicode torture set through the whole pipeline. Every rejection says what
// is wrong; every text is judged.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvent, stewardEvent } from "../../src/core/events.js";
import { GuidelineError } from "../../src/guidelines/loader/errors.js";
import { loadGuidelinesFromText } from "../../src/guidelines/loader/index.js";
import { fold } from "../../src/guidelines/text/fold.js";
import { Pipeline, type DecisionRecord } from "../../src/core/pipeline.js";
import { ReplayAdapter } from "../../src/platforms/replay/adapter.js";
import { MemoryPersistence } from "../../src/core/memory-persistence.js";
import { SettingsProvider } from "../../src/config/settings.js";
import { GuidelineLibrary, defaultRulesDir } from "../../src/guidelines/library.js";
import { silentLogger } from "../../src/log.js";

const RUNS = 10_000;

/** Event-shaped objects with random holes and wrong types, plus arbitrary JSON. */
const eventLike = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      type: fc.oneof(fc.constantFrom("message.created", "member.joined", "reaction.added", "command.invoked", "member.left", "nonsense"), fc.string()),
      at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.integer()),
      community: fc.oneof(fc.string(), fc.constant("acme"), fc.integer()),
      channel: fc.oneof(fc.string(), fc.constant("general")),
      member: fc.oneof(fc.string(), fc.record({ id: fc.string(), roles: fc.array(fc.string()) }, { requiredKeys: [] })),
      message: fc.oneof(fc.string(), fc.record({ id: fc.string(), author: fc.string(), text: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] })),
      emoji: fc.string(),
    },
    { requiredKeys: [] },
  ),
);

describe("generated bad input", () => {
  it(`event lines: ${RUNS.toLocaleString("en-US")} generated values are accepted or rejected with the field and what it expects`, () => {
    let rejected = 0;
    fc.assert(
      fc.property(eventLike, (value) => {
        const r = parseEvent(value);
        if (r.ok) {
          expect(stewardEvent.safeParse(r.event).success).toBe(true);
          return;
        }
        rejected++;
        expect(r.reason.length).toBeGreaterThan(3);
        // Names the field ("at: must be an ISO 8601 time …", "message.id: …") or the event as a whole.
        expect(r.reason).toMatch(/^(\(event\)|unknown event type|[A-Za-z0-9_.]+): /);
      }),
      { numRuns: RUNS, seed: 9 },
    );
    expect(rejected).toBeGreaterThan(RUNS / 2);
  });

  it(`guideline files: ${RUNS.toLocaleString("en-US")} generated texts load or fail with file, line and message — nothing else is thrown`, () => {
    const valid = readFileSync(path.resolve("test/fixtures/rules/basic.yaml"), "utf8");
    // Whole random texts, and the valid file with a slice cut out or random text spliced in.
    const mutated = fc.tuple(fc.nat(valid.length), fc.nat(40), fc.string({ unit: "binary", maxLength: 30 })).map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    const texts = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), mutated, fc.constantFrom("a: &x [1]\nb: *x", "guidelines: [", "\t", "guidelines: []"));
    let failed = 0;
    fc.assert(
      fc.property(texts, (text) => {
        try {
          loadGuidelinesFromText(text, "generated.yaml");
        } catch (e) {
          expect(e).toBeInstanceOf(GuidelineError);
          failed++;
          const issues = (e as GuidelineError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const i of issues) {
            expect(i.file).toBe("generated.yaml");
            expect(i.line).toBeGreaterThanOrEqual(0);
            expect(i.message.length).toBeGreaterThan(3);
          }
          expect((e as GuidelineError).format()).toContain("generated.yaml");
        }
      }),
      { numRuns: RUNS, seed: 9 },
    );
    expect(failed).toBeGreaterThan(RUNS / 2);
  });

  it(`text normalizer: ${RUNS.toLocaleString("en-US")} generated texts fold without error, every folded unit mapped back into the original`, () => {
    const zalgo = fc.string({ minLength: 1, maxLength: 20 }).map((s) => [...s].map((c) => c + "\u0301\u0336\u0353\u035c\u0489").join(""));
    const texts = fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), zalgo);
    fc.assert(
      fc.property(texts, (raw) => {
        const f = fold(raw);
        expect(typeof f.text).toBe("string");
        if (f.starts && f.ends) {
          expect(f.starts.length).toBe(f.text.length);
          for (let k = 0; k < f.starts.length; k++) {
            expect(f.starts[k]).toBeGreaterThanOrEqual(0);
            expect(f.ends[k]).toBeLessThanOrEqual(raw.length);
            expect(f.starts[k]!).toBeLessThan(f.ends[k]!);
          }
        } else expect(f.text.length).toBe(raw.length);
      }),
      { numRuns: RUNS, seed: 9 },
    );
  });
});

describe("Unicode torture through the whole pipeline (bundled guidelines)", () => {
  const torture: [string, Record<string, unknown>][] = [
    ["zalgo", { text: "y̸̢̛o̵͎͝u̶̳͆ ̷̱̈́a̸̩͠r̴̰̿e̵̹͐ ̴͎̆a̵̲͋n̷̰͝ ̸̣̈́i̷̘͌d̴̰̈i̴̞͝o̵̩͘t̴̗̓" }],
    ["RTL override", { text: "\u202Etoidi na era uoy\u202C and \u2066isolated\u2069 \u200Fmarks\u200E" }],
    ["4,000 characters", { text: "buy now cheap followers ".repeat(170).slice(0, 4000) }],
    ["100 mentions", { text: Array.from({ length: 100 }, (_, i) => `<@${1000 + i}>`).join(" "), mentions: Array.from({ length: 100 }, (_, i) => String(1000 + i)) }],
    ["attachments only", { text: "", attachments: 3 }],
    ["lone surrogates", { text: "\uD800 hello \uDFFF\uD83D" }],
    ["control characters", { text: "\u0000\u0001\u0007\u001B[31mred\u001B[0m\u007F" }],
    ["Bengali with zero-width joiners", { text: "তু\u200Dমি\u200C একটা \u200Bবোকা" }],
  ];

  it("judges every message, crashes on none, and still catches the insult behind the zalgo", async () => {
    const decisions: DecisionRecord[] = [];
    const library = await GuidelineLibrary.load(defaultRulesDir());
    const settings = new SettingsProvider();
    await library.prepare(settings.all());
    const pipeline = new Pipeline({ adapter: new ReplayAdapter(), persistence: new MemoryPersistence(), settings, library, logger: silentLogger, onDecision: (d) => decisions.push(d) });
    let at = Date.parse("2026-11-01T00:00:00Z");
    for (const [name, body] of torture) {
      at += 60_000;
      const event = stewardEvent.parse({ type: "message.created", at: new Date(at).toISOString(), community: "acme", channel: "general", message: { id: name, author: "u1", ...body } });
      await pipeline.handle(event);
    }
    await pipeline.flush();
    expect(pipeline.stats.events).toBe(torture.length);
    expect(decisions.find((d) => d.message === "zalgo")?.guideline).toBe("respect");
    expect(decisions.find((d) => d.message === "100 mentions")).toBeDefined();
    expect(decisions.find((d) => d.message === "attachments only")).toBeUndefined();
  });
});

describe("links in messages are never fetched", () => {
  it("judging scam, shortened and lookalike links opens no connection and resolves no name", async () => {
    const net = await import("node:net");
    const dns = await import("node:dns");
    const attempts: string[] = [];
    const connect = net.Socket.prototype.connect;
    const lookup = dns.default.lookup;
    const fetch = globalThis.fetch;
    net.Socket.prototype.connect = function (this: unknown, ...args: unknown[]) {
      attempts.push(`connect ${JSON.stringify(args[0])}`);
      return connect.apply(this as never, args as never);
    } as typeof connect;
    dns.default.lookup = ((host: string, ...rest: unknown[]) => {
      attempts.push(`lookup ${host}`);
      return (lookup as (...a: unknown[]) => unknown)(host, ...rest);
    }) as typeof lookup;
    globalThis.fetch = (async (input: unknown) => {
      attempts.push(`fetch ${String(input)}`);
      throw new Error("no fetching in this test");
    }) as typeof fetch;
    try {
      const decisions: DecisionRecord[] = [];
      const library = await GuidelineLibrary.load(defaultRulesDir());
      const settings = new SettingsProvider();
      await library.prepare(settings.all());
      const pipeline = new Pipeline({ adapter: new ReplayAdapter(), persistence: new MemoryPersistence(), settings, library, logger: silentLogger, onDecision: (d) => decisions.push(d) });
      const texts = [
        "claim your prize at https://dlscord-gift.xyz/claim now",
        "free stuff bit.ly/3xYz12 and tinyurl.com/abc",
        "login here hxxps://steamcommunlty[.]com/id/me",
        "see https://example.com/page?x=1 and http://192.0.2.1:8080/a",
      ];
      let at = Date.parse("2026-11-01T00:00:00Z");
      for (const [i, text] of texts.entries()) {
        at += 3_600_000;
        await pipeline.handle(stewardEvent.parse({ type: "message.created", at: new Date(at).toISOString(), community: "acme", channel: "general", message: { id: `m${i}`, author: `u${i}`, text } }));
      }
      await pipeline.flush();
      expect(decisions.map((d) => d.guideline)).toContain("no-link-spam");
      expect(attempts).toEqual([]);
    } finally {
      net.Socket.prototype.connect = connect;
      dns.default.lookup = lookup;
      globalThis.fetch = fetch;
    }
  });
});
