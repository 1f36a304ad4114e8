// The closed set of things Steward can ask a platform to do. Plain data: the pipeline decides,
// an adapter performs (or reports that it cannot), and every outcome is recorded.
import { z } from "zod";
import { commandReply, replyButton } from "./reply.js";

const target = { community: z.string(), member: z.string() };
const withCase = {
  caseNumber: z.number().int().positive().optional(),
  reason: z.string().default(""),
  /**
   * Idempotency key given by the outbox (src/core/outbox): the same key means the same effect, so a platform
   * that can de-duplicate a create uses it (Discord: the message nonce with enforce_nonce; 25 characters at most).
   */
  key: z.string().min(1).max(25).optional(),
};

export const deleteMessageAction = z.object({ kind: z.literal("deleteMessage"), community: z.string(), channel: z.string(), message: z.string(), ...withCase });
export const warnAction = z.object({ kind: z.literal("warn"), ...target, channel: z.string().optional(), text: z.string(), ...withCase });
export const timeoutAction = z.object({ kind: z.literal("timeout"), ...target, durationMs: z.number().int().positive(), ...withCase });
export const removeTimeoutAction = z.object({ kind: z.literal("removeTimeout"), ...target, ...withCase });
export const kickAction = z.object({ kind: z.literal("kick"), ...target, ...withCase });
/** Removes the member from one channel only (Slack: conversations.kick), where removing them from the community is not possible. */
export const removeFromChannelAction = z.object({ kind: z.literal("removeFromChannel"), ...target, channel: z.string(), ...withCase });
export const banAction = z.object({ kind: z.literal("ban"), ...target, deleteMessageSeconds: z.number().int().min(0).default(0), ...withCase });
export const unbanAction = z.object({ kind: z.literal("unban"), ...target, ...withCase });
export const replyAction = z.object({ kind: z.literal("reply"), community: z.string(), channel: z.string(), replyTo: z.string().optional(), text: z.string(), ...withCase });
/** `buttons` (optional) go under the text and come back as interaction.responded customIds; a platform that cannot show them sends the text alone (it names the choices). */
export const directMessageAction = z.object({ kind: z.literal("directMessage"), ...target, text: z.string(), fallbackChannel: z.string().optional(), buttons: z.array(replyButton).min(1).max(5).optional(), ...withCase });
export const alertModeratorsAction = z.object({ kind: z.literal("alertModerators"), community: z.string(), text: z.string(), ...withCase });
export const holdForReviewAction = z.object({ kind: z.literal("holdForReview"), community: z.string(), channel: z.string(), message: z.string(), member: z.string(), ...withCase });
export const addRoleAction = z.object({ kind: z.literal("addRole"), ...target, role: z.string(), ...withCase });
export const removeRoleAction = z.object({ kind: z.literal("removeRole"), ...target, role: z.string(), ...withCase });
export const approveMemberAction = z.object({ kind: z.literal("approveMember"), ...target, ...withCase });
export const declineMemberAction = z.object({ kind: z.literal("declineMember"), ...target, ...withCase });
/** A file sent with a posted message (the digest's chart). */
export const attachment = z.object({ name: z.string().min(1), contentType: z.string().min(1), base64: z.string() });
export const postMessageAction = z.object({ kind: z.literal("postMessage"), community: z.string(), channel: z.string(), text: z.string(), attachments: z.array(attachment).max(10).optional(), ...withCase });
/** Deletes the channel's last `count` messages (only `member`'s when given). Platforms may skip messages they cannot bulk-delete (Discord: older than 14 days). */
export const purgeMessagesAction = z.object({ kind: z.literal("purgeMessages"), community: z.string(), channel: z.string(), count: z.number().int().min(1).max(100), member: z.string().optional(), ...withCase });
/** Answers the member who invoked a command (`replyHandle` from the command.invoked / interaction.responded event). */
export const respondAction = z.object({ kind: z.literal("respond"), community: z.string(), replyHandle: z.string().optional(), reply: commandReply, ...withCase });

export const action = z.discriminatedUnion("kind", [
  deleteMessageAction,
  warnAction,
  timeoutAction,
  removeTimeoutAction,
  kickAction,
  removeFromChannelAction,
  banAction,
  unbanAction,
  replyAction,
  directMessageAction,
  alertModeratorsAction,
  holdForReviewAction,
  addRoleAction,
  removeRoleAction,
  approveMemberAction,
  declineMemberAction,
  postMessageAction,
  purgeMessagesAction,
  respondAction,
]);

export type Action = z.infer<typeof action>;
export type ActionKind = Action["kind"];
export type ActionOf<K extends ActionKind> = Extract<Action, { kind: K }>;
export const actionKinds = action.options.map((o) => o.shape.kind.value) as ActionKind[];

/** What happened when an adapter was asked to perform an action. */
export type ActionOutcome =
  | { status: "done"; detail?: string }
  | { status: "unsupported"; detail: string }
  | { status: "refused"; detail: string }
  | { status: "failed"; detail: string; retryable: boolean; /** The platform's retry_after, when it gave one. */ retryAfterMs?: number };

/** Short readable form for logs and the replay printout: "timeout 1d", "delete". */
export function describeAction(a: Action): string {
  switch (a.kind) {
    case "deleteMessage":
      return "delete";
    case "timeout":
      return `timeout ${formatDuration(a.durationMs)}`;
    case "ban":
      return a.deleteMessageSeconds ? `ban (delete ${formatDuration(a.deleteMessageSeconds * 1000)} of messages)` : "ban";
    case "holdForReview":
      return "hold";
    case "alertModerators":
      return "alert";
    case "addRole":
      return `add role ${a.role}`;
    case "removeRole":
      return `remove role ${a.role}`;
    case "directMessage":
      return "dm";
    case "removeFromChannel":
      return `remove from channel ${a.channel}`;
    case "purgeMessages":
      return a.member ? `purge ${a.count} (of ${a.member})` : `purge ${a.count}`;
    default:
      return a.kind;
  }
}

const units: [number, string][] = [
  [7 * 86_400_000, "w"],
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "m"],
  [1000, "s"],
];

export function formatDuration(ms: number): string {
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  for (const [size, unit] of units) if (ms >= size) return `${Math.round(ms / size)}${unit}`;
  return `${ms}ms`;
}
