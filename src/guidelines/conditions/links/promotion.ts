// `promotion`: self-promotion signals in English, Bengali and Banglish.
//
//   when:
//     promotion:
//       signals: [sell, giveaway]          # count these (default: all of them)
//       min_signals: 1                     # how many different ones (default 1)
//       with: [contact, phone, handle, link]   # ...and at least one of these too (optional)
//       allow: [youtube.com]               # links to these are not `link`/`handle` signals
//
// Signals:
//   contact    asks for private contact: "DM me for details", "inbox koren", "ইনবক্স করুন", "txt WIN to 87121"
//   phone      a phone/WhatsApp number: 01712-345678, +8801712345678, +44 7911 123456
//   handle     a social handle or profile: "ig: name", "follow me on twitter @x", instagram.com/x, invites
//   referral   referral/promo codes and links: "use my code X", "my referral link", ?ref=…
//   subscribe  channel/page promotion and like-bait: "subscribe to my channel", "check out my music",
//              "like my page", "follow me", "like this comment", "আমার চ্যানেল সাবস্ক্রাইব করুন"
//   sell       selling offers: "I'm selling", "for sale", "best price", "order now", "বিক্রি হবে", "অর্ডার করতে"
//   earn       money-making schemes: "earn $500 a day", "work from home", "ঘরে বসে আয়"
//   giveaway   prizes and free stuff: "free nitro", "you have won", "claim your prize"
//   donate     asks for donations, votes or signatures: "please donate", gofundme links
//   wallet     a crypto wallet address (1FHeNq…, 0x…)
//   cta        a call to action ("check this out", "click here", "download", "join"): weak alone, use with `link`
//   link       any link off the community's own domains
// Own domains (community.ownDomains) never give link signals.
import { z } from "zod";
import { defineCondition, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import { SIGNALS, signalBit, textSignals, type Signal } from "../../promotion/signals.js";
import { linkSignals } from "../../promotion/links.js";
import { DomainSet } from "../../links/domains.js";
import { ownDomainSet } from "../../links/community.js";
import { domainList } from "./shared.js";

const signal = z.enum(SIGNALS);

const schema = z
  .object({
    signals: z.array(signal).min(1).optional().describe(`Signals that count: ${SIGNALS.join(", ")}. Default all.`),
    min_signals: z.number().int().min(1).max(SIGNALS.length).optional().describe("How many different signals must be present. Default 1."),
    with: z.array(signal).min(1).optional().describe("At least one of these must be present as well (e.g. a way to reach the seller)."),
    allow: domainList.optional().describe("Links to these domains give no link/handle signals."),
  })
  .strict();

const DETAIL: Record<Signal, string> = {
  contact: "asks to be contacted privately",
  phone: "phone number",
  handle: "social handle or profile",
  referral: "referral code or link",
  subscribe: "channel or page promotion",
  sell: "selling offer",
  earn: "money-making offer",
  giveaway: "giveaway or prize",
  donate: "asks for donations or votes",
  wallet: "crypto wallet address",
  cta: "call to action",
  link: "external link",
};

const LINK_SIGNALS = signalBit("link") | signalBit("handle") | signalBit("donate") | signalBit("referral");

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

class PromotionCondition implements CompiledCondition {
  readonly cost = 6;
  private readonly wanted: number;
  private readonly needsLinks: boolean;

  constructor(
    private readonly counted: number,
    private readonly min: number,
    private readonly withMask: number,
    private readonly allow: DomainSet | null,
  ) {
    this.wanted = counted | withMask;
    this.needsLinks = (this.wanted & LINK_SIGNALS) !== 0;
  }

  test(input: EvalInput): Match[] | null {
    const text = textSignals(input.message.text);
    let mask = text.mask;
    const links = this.needsLinks && input.links.length ? input.links : null;
    let fromLinks: ReturnType<typeof linkSignals> | null = null;
    if (links !== null) {
      const own = ownDomainSet(input.community);
      const allow = this.allow;
      fromLinks = linkSignals(links, (h) => own.has(h) || (allow !== null && allow.has(h)));
      for (const s of fromLinks) mask |= signalBit(s.signal);
    }
    if (popcount(mask & this.counted) < this.min) return null;
    if (this.withMask !== 0 && (mask & this.withMask) === 0) return null;

    const raw = input.message.text;
    const out: Match[] = [];
    for (const h of text.hits) {
      if ((signalBit(h.signal) & this.wanted) === 0) continue;
      out.push({ condition: "promotion", text: raw.slice(h.start, h.end), start: h.start, end: h.end, detail: DETAIL[h.signal] });
    }
    if (fromLinks !== null) {
      for (const s of fromLinks) {
        if ((signalBit(s.signal) & this.wanted) === 0) continue;
        out.push({ condition: "promotion", text: s.link.raw, start: s.link.start, end: s.link.end, detail: DETAIL[s.signal] });
      }
    }
    return out;
  }
}

export const promotionCondition = defineCondition({
  name: "promotion",
  description: "Self-promotion signals (English, Bengali, Banglish): contact, phone, handle, referral, subscribe, sell, earn, giveaway, donate, link.",
  schema,
  compile(c, ctx) {
    const maskOf = (list: readonly Signal[]): number => list.reduce((m: number, s) => m | signalBit(s), 0);
    const counted = maskOf(c.signals ?? SIGNALS);
    const withMask = maskOf(c.with ?? []);
    if (counted & withMask) {
      const both = SIGNALS.filter((s) => signalBit(s) & counted & withMask);
      ctx.fail(`${both.join(", ")} ${both.length === 1 ? "is" : "are"} in both \`signals\` and \`with\``, "list each signal in one of them: `with` asks for another kind of signal besides those counted");
    }
    const min = c.min_signals ?? 1;
    if (min > popcount(counted)) ctx.fail(`min_signals is ${min} but only ${popcount(counted)} signals are listed`, "lower min_signals or list more signals", ["min_signals"]);
    return new PromotionCondition(counted, min, withMask, c.allow ? new DomainSet(c.allow) : null);
  },
});
