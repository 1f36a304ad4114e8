// `rate`: too much, too fast — per member, channel or the whole community, over any window.
//
//   when:
//     rate:
//       count: messages      # messages | duplicates | links | mentions | attachments
//       per: member          # member (default) | channel | community
//       max: 5               # true when the window holds MORE than this
//       within: 10s          # window length: 10s, 5m, 1h, 1d
//       min_length: 10       # duplicates only: ignore messages shorter than this (default 5 characters)
//
// Counts the messages that reach this condition (inside `all`, cheaper conditions run first: a
// rule `all: [{ member: { joined_within: 1d } }, { rate: ... }]` counts new members' messages).
// A burst fires on every message past the threshold; the detail ("6 messages in 10s") names the
// burst and the rule's cooldown makes it one case. Keys: this condition's instance id + scope.
import { z } from "zod";
import { duration } from "../../../util/duration.js";
import { formatDuration } from "../../../core/actions.js";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { ownDomainSet } from "../../links/community.js";

const COUNTS = ["messages", "duplicates", "links", "mentions", "attachments"] as const;
const SCOPES = ["member", "channel", "community"] as const;

const schema = z
  .object({
    count: z.enum(COUNTS).default("messages").describe("What is counted: messages, duplicates (the same text again), links, mentions, attachments."),
    per: z.enum(SCOPES).default("member").describe("Whose window: each member's, each channel's, or the whole community's."),
    max: z.number().int().min(0).describe("True when the window holds more than this."),
    within: duration.describe("Window length: 10s, 5m, 1h."),
    min_length: z.number().int().min(0).optional().describe("duplicates: ignore messages shorter than this many characters (default 5)."),
  })
  .strict();

type Config = z.infer<typeof schema>;

const UNIT: Record<(typeof COUNTS)[number], [string, string]> = {
  messages: ["message", "messages"],
  duplicates: ["identical message", "identical messages"],
  links: ["link", "links"],
  mentions: ["mention", "mentions"],
  attachments: ["attachment", "attachments"],
};

const SCOPE_TEXT: Record<(typeof SCOPES)[number], string> = { member: "", channel: " in this channel", community: " across the community" };

/** Text compared for duplicates: lower case, whitespace collapsed, at most 500 characters. */
export function duplicateKey(text: string): string {
  return text.slice(0, 500).toLowerCase().replace(/\s+/g, " ").trim();
}

class RateCondition implements CompiledCondition {
  readonly cost = 2;
  private readonly minLength: number;
  private lastMessage: string | undefined;
  private lastResult: Match[] | null = null;

  constructor(
    private readonly c: Config,
    private readonly id: string,
  ) {
    this.minLength = c.min_length ?? 5;
  }

  test(input: EvalInput): Match[] | null {
    const m = input.message;
    // The same message judged twice (dry runs, re-evaluation) must not count twice.
    const messageKey = `${m.community}\u0001${m.id}`;
    if (messageKey === this.lastMessage) return this.lastResult;
    this.lastMessage = messageKey;
    this.lastResult = this.count(input);
    return this.lastResult;
  }

  private count(input: EvalInput): Match[] | null {
    const c = this.c;
    const m = input.message;
    const scope = c.per === "member" ? `${m.community}\u0001${input.member.id}` : c.per === "channel" ? `${m.community}\u0001${m.channel}` : m.community;
    const key = `${this.id}\u0001${scope}`;
    let n: number;
    let text = "";
    let start = -1;
    let end = -1;
    switch (c.count) {
      case "messages":
        n = input.rates.hit(key, m.at, c.within);
        break;
      case "duplicates": {
        const value = duplicateKey(m.text);
        if (value.length < this.minLength) return null;
        n = input.rates.hitValue(key, value, m.at, c.within);
        text = m.text;
        start = 0;
        end = m.text.length;
        break;
      }
      case "links": {
        const own = ownDomainSet(input.community);
        let w = 0;
        for (const l of input.links) if (!own.has(l.host)) w++;
        if (w === 0) return null;
        n = input.rates.hit(key, m.at, c.within, w);
        break;
      }
      case "mentions": {
        const w = m.mentions + (m.mentionsEveryone ? 1 : 0);
        if (w === 0) return null;
        n = input.rates.hit(key, m.at, c.within, w);
        break;
      }
      case "attachments":
        if (m.attachments === 0) return null;
        n = input.rates.hit(key, m.at, c.within, m.attachments);
        break;
    }
    if (n <= c.max) return null;
    const [one, many] = UNIT[c.count];
    return [{ condition: "rate", text, start, end, detail: `${n} ${n === 1 ? one : many} in ${formatDuration(c.within)}${SCOPE_TEXT[c.per]} (max ${c.max})` }];
  }
}

export const rateCondition = defineCondition({
  name: "rate",
  description: "More than `max` messages/duplicates/links/mentions/attachments within a window, per member, channel or community.",
  schema,
  compile: (c, ctx) => new RateCondition(c, ctx.instanceId),
});
