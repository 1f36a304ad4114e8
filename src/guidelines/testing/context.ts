// The situation a message is judged in, as written in rule tests (`context:`) and given to
// `steward check`: who posts, where, and what they posted just before.
import { z } from "zod";
import { duration } from "../../util/duration.js";
import { MessageInput, defaultCommunity } from "../input.js";
import { MemoryRateStore } from "../rates.js";
import type { MemberFacts, RateStore } from "../types.js";

export const memberContextSchema = z
  .object({
    joined: duration.nullable().optional().describe("How long before the message they joined: 2h, 3d; null = unknown. Default 365d."),
    messages: z.number().int().min(0).optional().describe("Messages posted before the first message of the test. Default 100."),
    roles: z.array(z.string()).optional().describe("Default none."),
    strikes: z.number().int().min(0).optional().describe("Active strikes. Default 0."),
    moderator: z.boolean().optional().describe("Default false."),
    id: z.string().min(1).optional(),
    name: z.string().optional(),
  })
  .strict();

export const messageContextSchema = z
  .object({
    member: memberContextSchema.optional(),
    channel: z.string().min(1).optional().describe("Default general."),
    before: z.array(z.string()).optional().describe("Earlier messages by the same member, oldest first, 1s apart, in the same channel."),
    attachments: z.number().int().min(0).optional(),
    mentions: z.number().int().min(0).optional().describe("User and role mentions in the message."),
    everyone: z.boolean().optional().describe("The message mentions @everyone/@here."),
    reply_to: z.string().optional(),
    community: z
      .object({
        own_domains: z.array(z.string()).optional(),
        protected_names: z.array(z.string()).optional(),
        language: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type MessageContext = z.output<typeof messageContextSchema>;
export type MessageContextInput = z.input<typeof messageContextSchema>;

/** Fixed clock so tests do not depend on when they run (a Monday, noon UTC). */
export const TEST_CLOCK_START = Date.UTC(2025, 0, 6, 12, 0, 0);

const YEAR_MS = 365 * 86_400_000;

/**
 * The inputs for `before` messages then the message itself, 1 s apart. Evaluate them in order
 * against one set: rate conditions see the history. A fresh rate store is used unless given.
 */
export function contextInputs(text: string, context: MessageContext = {}, rates: RateStore = new MemoryRateStore(), start = TEST_CLOCK_START): MessageInput[] {
  const before = context.before ?? [];
  const last = start + before.length * 1000;
  const m = context.member ?? {};
  const joined = m.joined === undefined ? YEAR_MS : m.joined;
  const community = defaultCommunity({
    ...(context.community?.own_domains && { ownDomains: context.community.own_domains }),
    ...(context.community?.protected_names && { protectedNames: context.community.protected_names }),
    ...(context.community?.language && { language: context.community.language }),
  });
  const channel = (context.channel ?? "general").replace(/^#/, "");
  return [...before, text].map((t, i) => {
    const at = start + i * 1000;
    const member: MemberFacts = {
      id: m.id ?? "member",
      roles: m.roles ?? [],
      joinedAt: joined === null ? null : last - joined,
      strikes: m.strikes ?? 0,
      messageCount: (m.messages ?? 100) + i,
      isModerator: m.moderator ?? false,
      ...(m.name !== undefined && { name: m.name }),
    };
    const isLast = i === before.length;
    return new MessageInput(
      {
        id: `message-${i + 1}`,
        community: community.id,
        channel,
        at,
        text: t,
        attachments: isLast ? (context.attachments ?? 0) : 0,
        mentions: isLast ? (context.mentions ?? 0) : 0,
        mentionsEveryone: isLast ? (context.everyone ?? false) : false,
        ...(isLast && context.reply_to !== undefined && { replyTo: context.reply_to }),
      },
      member,
      community,
      rates,
    );
  });
}
