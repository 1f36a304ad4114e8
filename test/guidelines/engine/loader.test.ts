import { describe, expect, it } from "vitest";
import { DEFAULT_ESCALATION } from "../../../src/guidelines/engine.js";
import { load } from "./helpers.js";

const valid = `guidelines:
  - id: no-link-spam
    title: No link spam
    description: Share links that help the discussion; no scams, no link floods.
    rules:
      - id: scam-word
        explain: Mentions a known scam
        when: { contains: [free nitro] }
        then: [delete, { timeout: 1d }, alert]
        strikes: 3
        cooldown: 10m
        exempt: { roles: [partner], channels: ["#promo"] }
      - id: new-member-links
        when: { all: [ { member: { joined_within: 24h } }, { contains: [http] } ] }
        then: [hold]
escalation: { decay: 14d, ladder: [ { at: 6, do: kick }, { at: 3, do: { timeout: 1h } }, { at: 9, do: { ban: { delete_messages: 1d } } } ] }
exempt: { roles: [moderator] }
`;

describe("loading a valid guideline file", () => {
  const set = load(valid);

  it("exposes guidelines and rules with their settings", () => {
    expect(set.guidelines).toEqual([
      { id: "no-link-spam", title: "No link spam", description: "Share links that help the discussion; no scams, no link floods.", file: "test.yaml" },
    ]);
    expect(set.ruleCount).toBe(2);
    const scam = set.findRule("no-link-spam/scam-word")!;
    expect(scam.rule).toEqual({
      id: "scam-word",
      explain: "Mentions a known scam",
      then: [{ kind: "delete" }, { kind: "timeout", durationMs: 86_400_000 }, { kind: "alert" }],
      strikes: 3,
      cooldownMs: 600_000,
      line: 6,
    });
    expect(scam.exempt).toEqual({ roles: ["moderator", "partner"], channels: ["promo"] });
  });

  it("defaults strikes by consequence, cooldown to 1m, explain to the condition", () => {
    const r = set.findRule("no-link-spam/new-member-links")!.rule;
    expect(r.strikes).toBe(0); // hold only
    expect(r.cooldownMs).toBe(60_000);
    expect(r.explain).toBe("all: [{member: {joined_within: 24h}}, {contains: [http]}]");
    const punitive = load(`guidelines: [{ id: g, title: T, description: D, rules: [{ id: r, when: { member: { strikes_at_least: 1 } }, then: [warn] }] }]`);
    expect(punitive.findRule("g/r")!.rule.strikes).toBe(1);
  });

  it("parses the escalation ladder sorted by strikes, with durations in ms", () => {
    expect(set.escalation).toEqual({
      decayMs: 14 * 86_400_000,
      ladder: [
        { at: 3, do: { kind: "timeout", durationMs: 3_600_000 } },
        { at: 6, do: { kind: "kick" } },
        { at: 9, do: { kind: "ban", deleteMessagesMs: 86_400_000 } },
      ],
    });
  });

  it("uses the default escalation when no file gives one", () => {
    const s = load(`guidelines: [{ id: g, title: T, description: D, rules: [{ id: r, when: { channel: { in: [x] } }, then: [delete] }] }]`);
    expect(s.escalation).toBe(DEFAULT_ESCALATION);
    expect(s.escalation.decayMs).toBe(30 * 86_400_000);
    expect(s.escalation.ladder.map((st) => [st.at, st.do.kind])).toEqual([
      [3, "timeout"],
      [6, "kick"],
      [9, "ban"],
    ]);
  });

  it("takes the file-level exempt as the set's exemptions", () => {
    expect(set.exempt).toEqual({ roles: ["moderator"], channels: [] });
  });
});

describe("consequences", () => {
  const parse = (then: string) =>
    load(`guidelines: [{ id: g, title: T, description: D, rules: [{ id: r, when: { channel: { in: [x] } }, then: ${then} }] }]`).findRule("g/r")!.rule.then;

  it("accepts bare names and one-key objects", () => {
    expect(parse(`[delete, warn, kick, ban, hold, alert]`)).toEqual([
      { kind: "delete" },
      { kind: "warn" },
      { kind: "kick" },
      { kind: "ban", deleteMessagesMs: 0 },
      { kind: "hold" },
      { kind: "alert" },
    ]);
    expect(parse(`[{ timeout: 1d }, { warn: "Be kind." }, { reply: "See #rules" }, { ban: { delete_messages: 2d } }, { timeout: 90s }]`)).toEqual([
      { kind: "timeout", durationMs: 86_400_000 },
      { kind: "warn", message: "Be kind." },
      { kind: "reply", text: "See #rules" },
      { kind: "ban", deleteMessagesMs: 2 * 86_400_000 },
      { kind: "timeout", durationMs: 90_000 },
    ]);
  });
});
