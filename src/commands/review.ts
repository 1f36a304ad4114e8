// /review list|approve|reject: the review queue — messages held by a rule (or reported by members)
// and members waiting for approval. Approving a held message keeps it, reverts its case and
// withdraws the case's strikes; rejecting deletes it. Approving/rejecting a member does what onboarding's
// screening does (member role and welcome; the reason by DM, then declined), through ctx.applicantActions.
import type { Action, ActionOutcome } from "../core/actions.js";
import type { ReviewView } from "../core/persistence.js";
import { reply, type CommandReply } from "../core/reply.js";
import { commandButton } from "./buttons.js";
import type { CommandContext } from "./context.js";
import { defineCommand } from "./define.js";
import { channelMention, date, mention, truncate } from "./format.js";
import { opt } from "./options.js";
import { outcomeRecord } from "./manual-action.js";

export const REVIEW_PAGE = 5;

function itemTitle(r: ReviewView): string {
  const what = r.kind === "message" ? (r.payload.reportedBy ? "reported message" : "held message") : "member waiting for approval";
  return `Item ${r.id} · ${what}${r.caseNumber ? ` · case #${r.caseNumber}` : ""}`;
}

function itemText(r: ReviewView): string {
  const p = r.payload as { channel?: string; text?: string; reportedBy?: string };
  if (r.kind === "member") return `${mention(r.member)} · since ${date(r.at)}`;
  const by = p.reportedBy ? ` · reported by ${mention(p.reportedBy)}` : "";
  return `${mention(r.member)} in ${channelMention(p.channel)} · ${date(r.at)}${by}\n${truncate(p.text || "(no text)", 300)}`;
}

export const reviewList = defineCommand({
  name: "review list",
  description: "The review queue: held messages and members waiting for approval",
  access: "moderator",
  slow: true,
  options: {},
  async run(ctx) {
    const items = await ctx.store.pendingReviews(ctx.community.dbId, REVIEW_PAGE + 1);
    if (!items.length) return reply({ title: "Review queue", lines: ["Nothing is waiting for review."] });
    const shown = items.slice(0, REVIEW_PAGE);
    return reply({
      title: "Review queue",
      lines: items.length > REVIEW_PAGE ? [`The oldest ${REVIEW_PAGE}; decide these to see more.`] : [],
      fields: shown.map((r) => ({ name: itemTitle(r), value: itemText(r), inline: false })),
      buttons: shown.map((r) => [
        commandButton(`Approve ${r.id}`, "review approve", { item: r.id }, "success"),
        commandButton(`Reject ${r.id}`, "review reject", { item: r.id }, "danger"),
      ]),
    });
  },
});

const itemOption = () => opt.string("The item number from /review list", 12);

export const reviewApprove = defineCommand({
  name: "review approve",
  description: "Approve a review item: keep the held message, or let the member in",
  access: "moderator",
  slow: true,
  options: { item: itemOption() },
  run: (ctx, o) => decide(ctx, o.item, "approved"),
});

export const reviewReject = defineCommand({
  name: "review reject",
  description: "Reject a review item: delete the held message, or turn the member away",
  access: "moderator",
  slow: true,
  options: { item: itemOption(), reason: opt.string("Why; a member who is turned away reads this", 300).optional() },
  run: (ctx, o) => decide(ctx, o.item, "rejected", o.reason),
});

async function decide(ctx: CommandContext, id: string, decision: "approved" | "rejected", reason?: string): Promise<CommandReply> {
  const community = ctx.community.dbId;
  const item = await ctx.store.getReview(community, id);
  if (!item) return reply({ title: "Not found", lines: [`There is no review item ${id}. /review list shows the queue.`], tone: "error" });
  if (item.kind === "message" && decision === "rejected") {
    const denied = await ctx.invokerMay(item.member, "deleteMessage");
    if (denied) return reply({ title: itemTitle(item), lines: [`You cannot delete messages through Steward: ${denied}.`], tone: "refused" });
  }
  // Claiming the item first means two moderators pressing at once cannot both act.
  if (!(await ctx.store.decideReview(community, id, decision, ctx.invoker.id, ctx.at))) {
    return reply({ title: itemTitle(item), lines: [`Already decided (${item.status}${item.decidedBy ? ` by ${mention(item.decidedBy)}` : ""}).`], tone: "refused" });
  }
  return item.kind === "message" ? decideMessage(ctx, item, decision) : decideMember(ctx, item, decision, reason);
}

async function decideMessage(ctx: CommandContext, item: ReviewView, decision: "approved" | "rejected"): Promise<CommandReply> {
  const community = ctx.community.dbId;
  const p = item.payload as { channel?: string; message?: string };
  const note = (text: string) => ({ by: ctx.invoker.id, text, at: ctx.at });
  if (decision === "approved") {
    const lines = ["Approved: the message stays."];
    if (item.caseNumber && item.member) {
      const points = await ctx.store.clearStrikes(community, item.member, item.caseNumber);
      for (const s of ctx.member(item.member).moderation.strikes) if (s.caseNumber === item.caseNumber) s.cleared = true;
      await ctx.store.updateCase(community, item.caseNumber, { status: "reverted", note: note("approved in review: the message stays") });
      lines.push(`Case #${item.caseNumber} reverted${points ? `; ${points} strike point${points === 1 ? "" : "s"} withdrawn` : ""}.`);
    }
    return reply({ title: itemTitle(item), lines, tone: "done" });
  }
  if (!p.channel || !p.message) return reply({ title: itemTitle(item), lines: ["Rejected, but the item names no message to delete."], tone: "error" });
  const number = item.caseNumber ?? ctx.nextCaseNumber();
  const del: Action = { kind: "deleteMessage", community: ctx.community.key, channel: p.channel, message: p.message, caseNumber: number, reason: `rejected in review by ${ctx.invoker.name ?? ctx.invoker.id}` };
  const outcome = await ctx.perform(del, number);
  const result = outcome.status === "done" ? "the message was deleted" : `the message was not deleted: ${outcome.detail}`;
  if (item.caseNumber) {
    await ctx.store.updateCase(community, number, { status: "actioned", note: note(`rejected in review: ${result}`) });
  } else if (item.member) {
    ctx.recordCase({
      number,
      command: "review reject",
      member: item.member,
      channel: p.channel,
      message: p.message,
      reason: "rejected in review",
      status: outcome.status === "done" ? "actioned" : "not_actioned",
      outcomes: [outcomeRecord(del, outcome)],
      strikes: 0,
      evidence: { text: (item.payload as { text?: string }).text ?? "", review: item.id },
    });
  }
  return reply({ title: itemTitle(item), lines: [`Rejected: ${result} (case #${number}).`], tone: outcome.status === "done" ? "done" : "refused" });
}

/** What each of onboarding's actions did, as the moderator reads it. */
function effectOf(a: Action): string {
  if (a.kind === "addRole") return `given the role ${a.role}`;
  if (a.kind === "directMessage" && a.reason === "screening declined") return "told why by direct message";
  if (a.reason === "welcome") return "welcomed";
  return a.kind;
}

/** Admits or turns away an applicant the way onboarding's screening does (role and welcome; reasons by DM, then declined). */
async function decideMember(ctx: CommandContext, item: ReviewView, decision: "approved" | "rejected", reason: string | undefined): Promise<CommandReply> {
  if (!item.member) return reply({ title: itemTitle(item), lines: ["The item names no member."], tone: "error" });
  const actions = ctx.applicantActions(item.member, decision === "approved" ? "approve" : "decline", reason ? [reason] : []);
  const done: string[] = [];
  const problems: string[] = [];
  let main: ActionOutcome | null = null;
  for (const action of actions) {
    const outcome = ctx.can(action.kind) ? await ctx.perform(action, null) : ({ status: "unsupported", detail: `${ctx.platform} cannot ${action.kind}` } as const);
    if (action.kind === "approveMember" || action.kind === "declineMember") main = outcome;
    else if (outcome.status === "done") done.push(effectOf(action));
    else problems.push(`Not ${effectOf(action)}: ${outcome.detail}.`);
  }
  const verb = decision === "approved" ? "Approved" : "Turned away";
  const lines =
    main?.status === "done"
      ? [`${verb} ${mention(item.member)}${done.length ? `: ${done.join(", ")}` : ""}.`, ...problems]
      : [`Recorded as ${decision}, but ${main?.detail ?? "nothing was sent"}: do it by hand on the platform.`, ...problems];
  return reply({ title: itemTitle(item), lines, tone: main?.status === "done" && !problems.length ? "done" : "refused" });
}
