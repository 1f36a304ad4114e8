import { describe, expect, it } from "vitest";
import { decide, rememberCase, type MemberModerationState } from "../../src/moderation/decide.js";
import type { Consequence, Escalation, RuleHit } from "../../src/guidelines/api.js";
import { consequencesToActions } from "../../src/moderation/plan.js";
import { activeStrikes } from "../../src/moderation/strikes.js";

const DAY = 86_400_000;
const escalation: Escalation = {
  decayMs: 30 * DAY,
  ladder: [
    { at: 3, do: { kind: "timeout", durationMs: 3_600_000 } },
    { at: 6, do: { kind: "kick" } },
    { at: 9, do: { kind: "ban", deleteMessagesMs: 0 } },
  ],
};

function hit(guideline: string, rule: string, then: Consequence[], strikes = 1, cooldownMs = 60_000): RuleHit {
  return {
    guideline: { id: guideline, title: guideline, description: `Be nice (${guideline}).`, file: `${guideline}.yaml` },
    rule: { id: rule, explain: `${rule} explained`, then, strikes, cooldownMs, line: 1 },
    matches: [{ condition: "words", text: "idiot", start: 10, end: 15 }],
    explanation: `${guideline}/${rule}: "idiot"`,
  };
}

const fresh = (): MemberModerationState => ({ strikes: [], recent: new Map() });

describe("moderation decisions", () => {
  it("names the strongest rule and merges consequences of several hits on one message", () => {
    const d = decide({
      hits: [hit("respect", "profanity", [{ kind: "delete" }, { kind: "warn" }]), hit("no-link-spam", "scam-domain", [{ kind: "delete" }, { kind: "timeout", durationMs: DAY }, { kind: "alert" }], 3)],
      now: 0, isModerator: false, state: fresh(), escalation,
    })!;
    expect(d.primary.rule.id).toBe("scam-domain");
    expect(d.also.map((h) => h.rule.id)).toEqual(["profanity"]);
    expect(d.consequences.map((c) => c.kind)).toEqual(["delete", "timeout", "warn", "alert"]);
    expect(d.strikesAdded).toBe(3);
    // 0 → 3 strikes crosses the first ladder step, but the rule's own 1-day timeout is longer.
    expect(d.escalation).toEqual({ kind: "timeout", durationMs: 3_600_000 });
    expect(d.consequences.find((c) => c.kind === "timeout")).toEqual({ kind: "timeout", durationMs: DAY });
  });

  it("never actions a moderator: alerts instead and adds no strikes", () => {
    const d = decide({ hits: [hit("no-link-spam", "scam-domain", [{ kind: "delete" }, { kind: "ban", deleteMessagesMs: 0 }], 3)], now: 0, isModerator: true, state: fresh(), escalation })!;
    expect(d.status).toBe("not_actioned");
    expect(d.consequences).toEqual([{ kind: "alert" }]);
    expect(d.strikesAdded).toBe(0);
    expect(d.notActionedReason).toMatch(/moderator/);
  });

  it("treats a repeat within the cooldown as the same act: one case, no new strikes", () => {
    const state = fresh();
    const rule = hit("no-link-spam", "link-flood", [{ kind: "delete" }, { kind: "timeout", durationMs: 600_000 }], 2, 60_000);
    const first = decide({ hits: [rule], now: 1000, isModerator: false, state, escalation })!;
    rememberCase(state, first, 7, 1000);
    const second = decide({ hits: [rule], now: 5000, isModerator: false, state, escalation })!;
    expect(second.status).toBe("joined_case");
    expect(second.joinsCase).toBe(7);
    expect(second.consequences).toEqual([{ kind: "delete" }]);
    expect(activeStrikes(state.strikes, 5000, escalation.decayMs)).toBe(2);
    const later = decide({ hits: [rule], now: 1000 + 120_000, isModerator: false, state, escalation })!;
    expect(later.status).toBe("actioned");
  });

  it("climbs the escalation ladder as strikes add up, and strikes decay", () => {
    const state = fresh();
    const rule = hit("respect", "insult", [{ kind: "delete" }, { kind: "warn" }], 2, 0);
    const steps: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const d = decide({ hits: [rule], now: i * DAY, isModerator: false, state, escalation })!;
      steps.push(d.escalation?.kind ?? null);
      rememberCase(state, d, i + 1, i * DAY);
    }
    // strikes 2, 4 (≥3: timeout), 6 (kick), 8, 10 (ban)
    expect(steps).toEqual([null, "timeout", "kick", null, "ban"]);
    expect(activeStrikes(state.strikes, 4 * DAY, escalation.decayMs)).toBe(10);
    expect(activeStrikes(state.strikes, 30.5 * DAY, escalation.decayMs)).toBe(8);
    expect(activeStrikes(state.strikes, 40 * DAY, escalation.decayMs)).toBe(0);
  });

  it("plans platform actions with the case number and a warning naming guideline and rule", () => {
    const d = decide({ hits: [hit("respect", "insult-at-person", [{ kind: "delete" }, { kind: "warn" }, { kind: "alert" }])], now: 0, isModerator: false, state: fresh(), escalation })!;
    const actions = consequencesToActions(d, { community: "acme", member: "u9", memberName: "Karim", channel: "general", message: "m5", caseNumber: 12, language: "en" });
    expect(actions.map((a) => a.kind)).toEqual(["deleteMessage", "warn", "alertModerators"]);
    const warn = actions[1]!;
    expect(warn.kind === "warn" && warn.text).toMatch(/“respect”.*rule insult-at-person, case #12/s);
    const alert = actions[2]!;
    expect(alert.kind === "alertModerators" && alert.text).toMatch(/Case #12 · respect\/insult-at-person · member Karim \(u9\) in #general · delete, warn/);
    const bn = consequencesToActions(d, { community: "acme", member: "u9", channel: "general", message: "m5", caseNumber: 12, language: "bn" });
    expect(bn[1]!.kind === "warn" && bn[1]!.text).toMatch(/সরানো হয়েছে.*কেস #12/s);
  });
});
