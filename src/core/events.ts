// Platform-neutral events. Each event is a zod schema and the schema is the type.
// Adapters (Discord, Slack, replay) produce these; the pipeline consumes nothing else.
// Unknown fields are stripped (zod objects are non-strict), so replay lines may carry extras.
import { z } from "zod";

const id = z.string().min(1, "must be a non-empty id");
const isoTime = z.iso.datetime({ offset: true, message: "must be an ISO 8601 time such as 2026-10-01T09:00:00Z" });

const base = {
  at: isoTime,
  community: id,
  platform: z.enum(["replay", "discord", "slack", "facebook"]).default("replay"),
};

export const memberRef = z.object({
  id,
  name: z.string().optional(),
  roles: z.array(z.string()).default([]),
  /** Platform hints the onboarding gate may use. */
  avatar: z.boolean().optional(),
  accountCreatedAt: isoTime.optional(),
  bot: z.boolean().optional(),
});

export const memberJoined = z.object({ type: z.literal("member.joined"), ...base, member: memberRef });
export const memberLeft = z.object({
  type: z.literal("member.left"),
  ...base,
  member: z.object({ id, name: z.string().optional() }),
});
export const memberUpdated = z.object({
  type: z.literal("member.updated"),
  ...base,
  member: z.object({ id, name: z.string().optional(), roles: z.array(z.string()).optional(), nickname: z.string().nullable().optional() }),
});

export const messageBody = z.object({
  id,
  author: id,
  text: z.string().max(20_000, "text longer than 20,000 characters").default(""),
  replyTo: z.string().optional(),
  thread: z.string().optional(),
  attachments: z.number().int().min(0).default(0),
  mentions: z.array(z.string()).default([]),
  mentionsEveryone: z.boolean().default(false),
  /** Display name of the author, when the platform sends it along. */
  authorName: z.string().optional(),
  /** Roles of the author at posting time, when the platform sends them along. */
  authorRoles: z.array(z.string()).optional(),
});

export const messageCreated = z.object({ type: z.literal("message.created"), ...base, channel: id, message: messageBody });
export const messageEdited = z.object({ type: z.literal("message.edited"), ...base, channel: id, message: messageBody });
export const messageDeleted = z.object({
  type: z.literal("message.deleted"),
  ...base,
  channel: id,
  message: z.union([id, z.object({ id })]).transform((m) => (typeof m === "string" ? m : m.id)),
});

const reaction = {
  ...base,
  channel: id,
  /** The message reacted to. */
  message: id,
  /** Who reacted. */
  member: id,
  emoji: z.string().min(1),
};
export const reactionAdded = z.object({ type: z.literal("reaction.added"), ...reaction });
export const reactionRemoved = z.object({ type: z.literal("reaction.removed"), ...reaction });

export const screeningAnswered = z.object({
  type: z.literal("screening.answered"),
  ...base,
  member: id,
  /** Question id → answer. */
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])),
});

export const commandInvoked = z.object({
  type: z.literal("command.invoked"),
  ...base,
  channel: z.string().optional(),
  member: id,
  /** The invoker's roles and display name, when the platform sends them (moderator checks use the roles). */
  memberRoles: z.array(z.string()).optional(),
  memberName: z.string().optional(),
  /** "warn", "case show", "rules test" … */
  command: z.string().min(1),
  options: z.record(z.string(), z.unknown()).default({}),
  /** Platform token to answer with (interaction id, response URL). */
  replyHandle: z.string().optional(),
});

export const interactionResponded = z.object({
  type: z.literal("interaction.responded"),
  ...base,
  channel: z.string().optional(),
  member: id,
  memberRoles: z.array(z.string()).optional(),
  memberName: z.string().optional(),
  /** Button or modal id chosen by Steward when it sent the component. */
  customId: z.string().min(1),
  values: z.record(z.string(), z.string()).default({}),
  replyHandle: z.string().optional(),
});

export const stewardEvent = z.discriminatedUnion("type", [
  memberJoined,
  memberLeft,
  memberUpdated,
  messageCreated,
  messageEdited,
  messageDeleted,
  reactionAdded,
  reactionRemoved,
  screeningAnswered,
  commandInvoked,
  interactionResponded,
]);

export type StewardEvent = z.infer<typeof stewardEvent>;
export type StewardEventInput = z.input<typeof stewardEvent>;
export type EventType = StewardEvent["type"];
export type EventOf<T extends EventType> = Extract<StewardEvent, { type: T }>;
export type MessageCreated = z.infer<typeof messageCreated>;
export const eventTypes = stewardEvent.options.map((o) => o.shape.type.value);

export type ParseResult = { ok: true; event: StewardEvent } | { ok: false; reason: string };

/** Validates one decoded JSON value; the reason names the field and what it expects. */
export function parseEvent(value: unknown): ParseResult {
  const r = stewardEvent.safeParse(value);
  if (r.success) return { ok: true, event: r.data };
  return { ok: false, reason: describeZodError(r.error, value) };
}

export function describeZodError(error: z.ZodError, value?: unknown): string {
  const first = error.issues[0];
  if (!first) return "invalid";
  if (first.code === "invalid_union" && first.path.length === 0 && value && typeof value === "object") {
    const t = (value as { type?: unknown }).type;
    return `unknown event type ${JSON.stringify(t)}; expected one of: ${eventTypes.join(", ")}`;
  }
  const where = first.path.length ? first.path.join(".") : "(event)";
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
  return `${where}: ${first.message}${more}`;
}
