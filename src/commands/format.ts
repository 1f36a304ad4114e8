// Shared wording of command replies. Mentions use <@id> and <#id>, which Discord and Slack both render.
import { formatDuration } from "../core/actions.js";
import type { CaseView, StrikeView } from "../core/persistence.js";
import { activeStrikes } from "../moderation/strikes.js";

export const mention = (member: string | null | undefined): string => (member ? `<@${member}>` : "(unknown member)");
export const channelMention = (channel: string | null | undefined): string => (channel ? `<#${channel}>` : "(unknown channel)");

export function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const statusWords: Record<CaseView["status"], string> = {
  actioned: "actioned",
  not_actioned: "not actioned",
  pending_review: "waiting for review",
  reverted: "reverted",
};

/** "manual ban by <@mod>" or "respect/insult-at-person". */
export function caseOrigin(c: CaseView): string {
  if (c.kind === "manual") return `manual ${c.rule ?? "action"} by ${mention(c.actor)}`;
  return `${c.guideline ?? "?"}/${c.rule ?? "?"}`;
}

/** One line of a case list. */
export function caseLine(c: CaseView): string {
  const strikes = c.strikes ? ` · ${c.strikes} strike${c.strikes === 1 ? "" : "s"}` : "";
  return `#${c.number} · ${date(c.at).slice(0, 10)} · ${caseOrigin(c)} · ${statusWords[c.status]}${strikes}${c.reason ? ` · ${truncate(c.reason, 120)}` : ""}`;
}

export function caseStatus(c: CaseView): string {
  return statusWords[c.status];
}

/** "done", "refused: the member is an administrator" … for each recorded action outcome. */
export function outcomeLines(actions: unknown): string[] {
  if (!Array.isArray(actions)) return [];
  return actions.map((a) => {
    const o = a as { action?: string; status?: string; detail?: string };
    return `${o.action ?? "?"}: ${o.status ?? "?"}${o.detail ? ` (${o.detail})` : ""}`;
  });
}

/** "3 active (strikes count for 30d)": the points not cleared and younger than the decay window. */
export function strikesSummary(strikes: readonly StrikeView[], now: number, decayMs: number): string {
  const active = activeStrikes(strikes.map((s) => ({ points: s.points, at: s.at, cleared: s.cleared })), now, decayMs);
  return `${active} active (strikes count for ${formatDuration(decayMs)})`;
}
