// The weekly digest in words: short markdown lines that read well in a Discord or Slack channel
// (and in a terminal with --print). Each figure with last week's beside it.
import type { DigestData, MessageItem, WeekFigures } from "./types.js";
import { channelMention } from "../message-link.js";
import { mins } from "../format.js";

const LIST = 5;
const QUOTE = 90;

export function renderDigest(d: DigestData): string {
  const t = d.thisWeek;
  const l = d.lastWeek;
  const lines: string[] = [];
  lines.push(`**Weekly digest · ${d.communityName} · ${t.week}** (${dayRange(t.from, t.to)})`);
  lines.push("");
  lines.push(`**Members** ${num(t.membersEnd)} (${signed(t.joined - t.left)} this week: ${t.joined} joined, ${t.left} left) ${vs(t.membersEnd, l.membersEnd)}`);
  lines.push(`**Active members** ${num(t.activeMembers)} ${vs(t.activeMembers, l.activeMembers)}`);
  lines.push(`**Messages** ${num(t.messages)} ${vs(t.messages, l.messages)}`);
  lines.push(`**First response** ${minutes(t.firstResponseMedianMinutes)} median (last week ${minutes(l.firstResponseMedianMinutes)}); ${t.questions} questions, ${t.unansweredQuestions} unanswered`);
  lines.push("");
  const m = d.moderation;
  if (m.cases === 0) lines.push("**Moderation** no cases this week.");
  else {
    lines.push(`**Moderation** ${m.cases} ${m.cases === 1 ? "case" : "cases"} (${m.automatic} automatic, ${m.manual} by moderators)`);
    lines.push(`  by guideline: ${counts(m.byGuideline)}`);
    if (Object.keys(m.byAction).length) lines.push(`  actions: ${counts(m.byAction)}`);
  }
  lines.push(
    d.review.waiting === 0
      ? "**Review queue** empty."
      : `**Review queue** ${d.review.waiting} waiting${d.review.oldestAt !== null ? `, the oldest for ${age(d.at - d.review.oldestAt)}` : ""}: /review list`,
  );
  lines.push("");
  section(lines, "Testimonial candidates", d.testimonialCandidates, d, "react ⭐ to a message to ask its author for consent");
  section(lines, "Unanswered questions", d.unanswered, d, null);
  if (d.topContributors.length) {
    lines.push(`**Top contributors** ${d.topContributors.map((c) => `${c.name ?? `<@${c.member}>`} (${c.messages} msg${c.reactions ? `, ${c.reactions} reactions` : ""})`).join(" · ")}`);
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd();
}

function section(lines: string[], title: string, items: readonly MessageItem[], d: DigestData, hint: string | null): void {
  if (items.length === 0) {
    lines.push(`**${title}** none this week.`);
    return;
  }
  lines.push(`**${title}** ${items.length}${hint ? ` (${hint})` : ""}`);
  for (const i of items.slice(0, LIST)) {
    const where = i.link ?? `${channelMention(d.platform, i.channel)} message ${i.message}`;
    lines.push(`• "${quote(i.text)}" by ${i.memberName ?? `<@${i.member}>`}, ${when(i.at, d.timezone)}: ${where}`);
  }
  if (items.length > LIST) lines.push(`  … and ${items.length - LIST} more`);
}

/** "▲ 12% vs last week", "▼ 3%", "= last week", "(new)" when last week was zero. */
function vs(now: number, before: number): string {
  if (before === 0) return now === 0 ? "" : "(none last week)";
  const pct = Math.round(((now - before) / before) * 100);
  if (pct === 0) return "(= last week)";
  return `(${pct > 0 ? "▲" : "▼"} ${Math.abs(pct)}% vs last week: ${num(before)})`;
}

function num(n: number): string {
  return n.toLocaleString("en-US");
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Minutes as `steward kpi` and the report show them (hours from 90 minutes on); "n/a" with no questions answered. */
function minutes(m: number | null): string {
  return m === null ? "n/a" : mins(m);
}

function counts(r: Record<string, number>): string {
  return Object.entries(r)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

function age(ms: number): string {
  const h = ms / 3_600_000;
  if (h < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (h < 48) return `${Math.round(h)} h`;
  return `${Math.round(h / 24)} days`;
}

/** "Tue 6 Oct 14:05" in the community's time zone. */
function when(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("weekday")} ${get("day")} ${get("month")} ${get("hour")}:${get("minute")}`;
}

function quote(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > QUOTE ? `${one.slice(0, QUOTE - 1)}…` : one;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "16–22 Nov", "30 Nov – 6 Dec". */
function dayRange(from: string, to: string): string {
  const [, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [, tm, td] = to.split("-").map(Number) as [number, number, number];
  return fm === tm ? `${fd}–${td} ${MONTHS[tm - 1]}` : `${fd} ${MONTHS[fm - 1]} – ${td} ${MONTHS[tm - 1]}`;
}
