// How replay shows decisions: one readable line each, or one JSON object each (--json).
import type { DecisionRecord, OnboardingRecord } from "../../core/pipeline.js";

export function decisionJson(d: DecisionRecord): string {
  return JSON.stringify({
    line: d.line ?? null,
    community: d.community,
    member: d.member,
    message: d.message,
    guideline: d.guideline,
    rule: d.rule,
    actions: d.actions,
    case: d.case,
    matched: d.matched,
    status: d.status,
    ...(d.also.length ? { also: d.also } : {}),
    ...(d.notActionedReason ? { notActioned: d.notActionedReason } : {}),
  });
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function decisionLine(d: DecisionRecord): string {
  const who = d.memberName ? `${d.memberName} (${d.member})` : d.member;
  const what =
    d.status === "not_actioned"
      ? `not actioned: ${d.notActionedReason ?? "exempt"}; moderators alerted`
      : d.status === "joined_case"
        ? `joins case #${d.case}: ${d.actions.join(", ") || "no further action"}`
        : d.actions.join(", ");
  const failed = d.outcomes.filter((o) => o.status !== "done").map((o) => `${o.action} ${o.status}${o.detail ? ` (${o.detail})` : ""}`);
  const matched = d.matched.length ? ` · matched ${d.matched.slice(0, 3).map((m) => JSON.stringify(clip(m, 40))).join(", ")}` : "";
  return `line ${d.line ?? "?"} · ${d.community} #${d.channel} · ${who} · ${d.guideline}/${d.rule}${d.also.length ? ` (+${d.also.join(", ")})` : ""} · case #${d.case} · ${what}${matched}${failed.length ? ` · ${failed.join("; ")}` : ""}`;
}

export function onboardingJson(r: OnboardingRecord): string {
  return JSON.stringify({ line: r.line ?? null, community: r.community, onboarding: r.what, ...(r.member ? { member: r.member } : {}), ...(r.score !== undefined ? { score: r.score } : {}), reasons: r.reasons, actions: r.actions });
}

export function onboardingLine(r: OnboardingRecord): string {
  const who = r.member ? ` · ${r.memberName ? `${r.memberName} (${r.member})` : r.member}` : "";
  const what = ["approve", "decline", "review", "raid"].includes(r.what) ? `screening: ${r.what === "raid" ? "held (raid)" : r.what}` : r.what;
  const score = r.score !== undefined && r.score !== null ? ` (score ${r.score})` : "";
  const acts = r.actions.length ? ` · ${r.actions.join(", ")}` : "";
  const why = r.reasons.length ? ` · ${r.reasons.map((x) => clip(x, 90)).join("; ")}` : "";
  return `line ${r.line ?? "?"} · ${r.community}${who} · ${what}${score}${acts}${why}`;
}
