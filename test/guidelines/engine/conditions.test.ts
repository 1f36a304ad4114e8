import { describe, expect, it } from "vitest";
import { allCondition } from "../../../src/guidelines/conditions/core/all.js";
import { anyCondition } from "../../../src/guidelines/conditions/core/any.js";
import type { CompileContext, CompiledCondition, EvalInput, Match } from "../../../src/guidelines/types.js";
import { input, load, refs } from "./helpers.js";

const rule = (when: string) => load(`guidelines: [{ id: g, title: T, description: D, rules: [{ id: r, when: ${when}, then: [delete] }] }]`);
const matches = (when: string, text: string, context = {}) => refs(rule(when), text, context).length > 0;

describe("member", () => {
  it("checks join age, roles, strikes and message count", () => {
    expect(matches("{ member: { joined_within: 24h } }", "hi", { member: { joined: "2h" } })).toBe(true);
    expect(matches("{ member: { joined_within: 24h } }", "hi", { member: { joined: "2d" } })).toBe(false);
    expect(matches("{ member: { joined_within: 24h } }", "hi", { member: { joined: null } })).toBe(false);
    expect(matches("{ member: { joined_more_than: 30d } }", "hi", { member: { joined: "60d" } })).toBe(true);
    expect(matches("{ member: { joined_more_than: 30d } }", "hi", { member: { joined: "10d" } })).toBe(false);
    expect(matches("{ member: { roles: [vip, partner] } }", "hi", { member: { roles: ["partner"] } })).toBe(true);
    expect(matches("{ member: { roles: [vip, partner] } }", "hi", { member: { roles: ["member"] } })).toBe(false);
    expect(matches("{ member: { not_roles: [verified] } }", "hi", { member: { roles: ["verified"] } })).toBe(false);
    expect(matches("{ member: { not_roles: [verified] } }", "hi", { member: { roles: [] } })).toBe(true);
    expect(matches("{ member: { strikes_at_least: 2 } }", "hi", { member: { strikes: 2 } })).toBe(true);
    expect(matches("{ member: { strikes_at_least: 2 } }", "hi", { member: { strikes: 1 } })).toBe(false);
    expect(matches("{ member: { first_messages: 3 } }", "hi", { member: { messages: 2 } })).toBe(true);
    expect(matches("{ member: { first_messages: 3 } }", "hi", { member: { messages: 3 } })).toBe(false);
    expect(matches("{ member: { messages_fewer_than: 1 } }", "hi", { member: { messages: 0 } })).toBe(true);
  });

  it("requires every given fact", () => {
    const when = "{ member: { joined_within: 7d, not_roles: [verified] } }";
    expect(matches(when, "hi", { member: { joined: "1d" } })).toBe(true);
    expect(matches(when, "hi", { member: { joined: "1d", roles: ["verified"] } })).toBe(false);
  });

  it("explains itself as a fact, not a span", () => {
    const [hit] = rule("{ member: { joined_within: 24h, first_messages: 3 } }").evaluate(input("hi", { member: { joined: "1h", messages: 0 } }));
    expect(hit!.matches).toEqual([{ condition: "member", text: "", start: -1, end: -1, detail: "member joined within 1d, one of their first 3 messages" }]);
    expect(hit!.explanation).toBe("g/r: member joined within 1d, one of their first 3 messages");
  });
});

describe("channel", () => {
  it("matches in / not in, ignoring a leading #", () => {
    expect(matches("{ channel: { in: ['#general', help] } }", "hi", { channel: "general" })).toBe(true);
    expect(matches("{ channel: { in: [help] } }", "hi", { channel: "general" })).toBe(false);
    expect(matches("{ channel: { not_in: [promo] } }", "hi", { channel: "promo" })).toBe(false);
    expect(matches("{ channel: { not_in: [promo] } }", "hi", { channel: "general" })).toBe(true);
  });
});

describe("all / any / not", () => {
  it("all needs every child, any one of them, not the opposite", () => {
    const all = "{ all: [ { channel: { in: [general] } }, { contains: [buy] } ] }";
    expect(matches(all, "buy now", { channel: "general" })).toBe(true);
    expect(matches(all, "buy now", { channel: "help" })).toBe(false);
    expect(matches(all, "hello", { channel: "general" })).toBe(false);
    const any = "{ any: [ { channel: { in: [promo] } }, { contains: [buy] } ] }";
    expect(matches(any, "buy now", { channel: "help" })).toBe(true);
    expect(matches(any, "hello", { channel: "promo" })).toBe(true);
    expect(matches(any, "hello", { channel: "help" })).toBe(false);
    expect(matches("{ not: { contains: [please] } }", "gimme", {})).toBe(true);
    expect(matches("{ not: { contains: [please] } }", "please", {})).toBe(false);
  });

  it("all shows the matches of every child; any those of the first true child", () => {
    const set = rule("{ all: [ { contains: [buy] }, { member: { first_messages: 1 } }, { contains: [now] } ] }");
    const [hit] = set.evaluate(input("buy it now", { member: { messages: 0 } }));
    expect(hit!.matches.map((m) => m.text || m.detail)).toEqual(["member first message", "buy", "now"]);
    expect(hit!.explanation).toBe('g/r: "buy" (word buy), "now" (word now), member first message');
    const anySet = rule("{ any: [ { contains: [buy] }, { contains: [now] } ] }");
    expect(anySet.evaluate(input("buy it now"))[0]!.matches.map((m) => m.text)).toEqual(["buy"]);
  });

  it("gives each hit its own matches array (conditions may share theirs)", () => {
    const set = rule("{ channel: { in: [general] } }");
    const a = set.evaluate(input("x"))[0]!;
    const b = set.evaluate(input("y"))[0]!;
    expect(a.matches).not.toBe(b.matches);
    a.matches.push({ condition: "x", text: "", start: -1, end: -1 });
    expect(set.evaluate(input("z"))[0]!.matches).toHaveLength(1);
  });
});

describe("composition order and short-circuit", () => {
  // Children compiled by a fake context: each records when it runs.
  const ran: string[] = [];
  const child = (name: string, cost: number, result: boolean): CompiledCondition => ({
    cost,
    test: (): Match[] | null => {
      ran.push(name);
      return result ? [{ condition: name, text: name, start: 0, end: 1 }] : null;
    },
  });
  const ctxFor = (children: CompiledCondition[]): CompileContext => ({
    baseDir: ".",
    path: [],
    instanceId: "t",
    compileChild: (_c, suffix) => children[suffix[0] as number]!,
    readList: () => [],
    fail: (m) => {
      throw new Error(m);
    },
  });
  const none = {} as EvalInput;

  it("all runs cheaper children first and stops at the first false", () => {
    ran.length = 0;
    const kids = [child("classifier", 50, true), child("scan", 10, false), child("lookup", 1, true)];
    const all = allCondition.compile([{}, {}, {}], ctxFor(kids));
    expect(all.test(none)).toBeNull();
    expect(ran).toEqual(["lookup", "scan"]);
    expect(all.cost).toBe(61);
  });

  it("any runs cheaper children first and stops at the first true", () => {
    ran.length = 0;
    const kids = [child("classifier", 50, true), child("scan", 10, true), child("lookup", 1, false)];
    const any = anyCondition.compile([{}, {}, {}], ctxFor(kids));
    expect(any.test(none)!.map((m) => m.condition)).toEqual(["scan"]);
    expect(ran).toEqual(["lookup", "scan"]);
  });
});
