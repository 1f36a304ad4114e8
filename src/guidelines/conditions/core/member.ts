import { z } from "zod";
import { duration } from "../../../util/duration.js";
import { formatDuration } from "../../actions/format.js";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { factMatch, hasAny } from "./child.js";

const roleList = z.array(z.string().trim().min(1)).min(1);

const schema = z
  .object({
    joined_within: duration.optional().describe("Joined less than this long ago: 24h, 7d."),
    joined_more_than: duration.optional().describe("Joined more than this long ago."),
    roles: roleList.optional().describe("Has at least one of these roles."),
    not_roles: roleList.optional().describe("Has none of these roles."),
    strikes_at_least: z.number().int().min(1).optional().describe("Has at least this many active strikes."),
    messages_fewer_than: z.number().int().min(1).optional().describe("Posted fewer than this many messages before this one."),
    first_messages: z.number().int().min(1).optional().describe("This is one of the member's first N messages (same as messages_fewer_than: N)."),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: "`member` needs at least one of: joined_within, joined_more_than, roles, not_roles, strikes_at_least, messages_fewer_than, first_messages",
  })
  .refine((c) => c.messages_fewer_than === undefined || c.first_messages === undefined, {
    message: "give either `messages_fewer_than` or `first_messages`, they mean the same",
  });

type Config = z.infer<typeof schema>;

class MemberCondition implements CompiledCondition {
  readonly cost = 1;
  // Absent limits are neutral values so test() has no undefined checks.
  private readonly joinedWithin: number;
  private readonly joinedMoreThan: number;
  private readonly roles: ReadonlySet<string> | null;
  private readonly notRoles: ReadonlySet<string> | null;
  private readonly strikesAtLeast: number;
  private readonly messagesFewerThan: number;
  private readonly matches: Match[];

  constructor(c: Config) {
    this.joinedWithin = c.joined_within ?? -1;
    this.joinedMoreThan = c.joined_more_than ?? -1;
    this.roles = c.roles ? new Set(c.roles) : null;
    this.notRoles = c.not_roles ? new Set(c.not_roles) : null;
    this.strikesAtLeast = c.strikes_at_least ?? 0;
    this.messagesFewerThan = c.messages_fewer_than ?? c.first_messages ?? Infinity;
    this.matches = factMatch("member", describe(c));
  }

  test(input: EvalInput): Match[] | null {
    const m = input.member;
    if (this.joinedWithin >= 0 && (m.joinedAt === null || input.message.at - m.joinedAt >= this.joinedWithin)) return null;
    if (this.joinedMoreThan >= 0 && (m.joinedAt === null || input.message.at - m.joinedAt <= this.joinedMoreThan)) return null;
    if (this.roles !== null && !hasAny(m.roles, this.roles)) return null;
    if (this.notRoles !== null && hasAny(m.roles, this.notRoles)) return null;
    if (m.strikes < this.strikesAtLeast) return null;
    if (m.messageCount >= this.messagesFewerThan) return null;
    return this.matches;
  }
}

function describe(c: Config): string {
  const parts: string[] = [];
  if (c.joined_within !== undefined) parts.push(`joined within ${formatDuration(c.joined_within)}`);
  if (c.joined_more_than !== undefined) parts.push(`joined more than ${formatDuration(c.joined_more_than)} ago`);
  if (c.roles) parts.push(`has role ${c.roles.join(" or ")}`);
  if (c.not_roles) parts.push(`lacks role ${c.not_roles.join(" and ")}`);
  if (c.strikes_at_least !== undefined) parts.push(`${c.strikes_at_least}+ strikes`);
  const fewer = c.messages_fewer_than ?? c.first_messages;
  if (fewer !== undefined) parts.push(fewer === 1 ? "first message" : `one of their first ${fewer} messages`);
  return `member ${parts.join(", ")}`;
}

export const memberCondition = defineCondition({
  name: "member",
  description:
    "Facts about the author; all given must hold. A join date that is unknown never matches joined_within/joined_more_than.",
  schema,
  compile: (config) => new MemberCondition(config),
});
