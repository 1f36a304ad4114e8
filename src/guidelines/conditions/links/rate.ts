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
// Duplicates compare the text lower-cased with whitespace collapsed (by hash and length).
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
import { MemoryRateStore, type RateSeries } from "../../rates.js";

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

/**
 * What duplicates are compared by: a 32-bit hash of the text lower-cased (ASCII) with runs of
 * whitespace collapsed and ends trimmed, and its significant length (at most 1000), as one
 * number: hash × 1024 + length (exact in a double; equal texts, equal keys). One pass, no
 * strings; cached for the last text (every duplicate rule asks for the same one).
 */
export function duplicateKey(text: string): number {
  if (text === lastDupText) return lastDup;
  let h = 0x811c9dc5 | 0;
  let length = 0;
  let space = false;
  const n = Math.min(text.length, 1000);
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0) {
      space = length > 0;
      continue;
    }
    if (space) {
      h = Math.imul(h ^ 32, 0x01000193);
      length++;
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
    length++;
  }
  lastDupText = text;
  // Unequal texts collide about once in four billion, and only within one member's or channel's window.
  lastDup = (h >>> 0) * 1024 + length;
  return lastDup;
}
let lastDupText: string | undefined;
let lastDup = 0;

/** The significant length of the text behind a duplicateKey(). */
export const duplicateLength = (key: number): number => key % 1024;

/** A duplicate key as text, for rate stores other than the in-memory one: 3 UTF-16 units. */
function duplicateText(key: number): string {
  const h = Math.floor(key / 1024);
  return String.fromCharCode(h & 0xffff, h >>> 16, key % 1024);
}

/** A short stable id for rate keys: 10 base-36 characters of a hash of the instance id. */
function shortId(instanceId: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  for (let i = 0; i < instanceId.length; i++) {
    const ch = instanceId.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 16).toString(36);
}

/**
 * Scopes (a community's member, channel or whole community) as small integers, shared by every
 * rate condition: a message costs one map lookup, by the first rate condition that judges it;
 * the next ones find its scope in the one-entry memo. A bot serves many communities with their
 * messages interleaved, so the community is part of the scope. Cleared past MAX_SCOPES
 * (`scopeEpoch` tells conditions).
 */
// Two levels (community, then scope) rather than one map of "community\u0001scope": a joined
// key is a new string each message, flattened and hashed on every lookup; the ids V8 hashes
// once per string object (measured: the joined-key lookup was ~1.7% of evaluate()).
const scopeIds = new Map<string, Map<string, number>>();
let scopeCount = 0;
const MAX_SCOPES = 200_000;
let scopeEpoch = 0;
let lastScopeCommunity: string | undefined;
let lastScope: string | undefined;
let lastScopeId = -1;

function scopeId(community: string, scope: string): number {
  if (scope === lastScope && community === lastScopeCommunity) return lastScopeId;
  let inner = scopeIds.get(community);
  let id = inner?.get(scope);
  if (id === undefined) {
    if (scopeCount >= MAX_SCOPES) {
      scopeIds.clear();
      scopeCount = 0;
      scopeEpoch++;
      inner = undefined;
    }
    if (inner === undefined) scopeIds.set(community, (inner = new Map()));
    id = scopeCount++;
    inner.set(scope, id);
  }
  lastScopeCommunity = community;
  lastScope = scope;
  lastScopeId = id;
  return id;
}

interface KeyEntry {
  readonly key: string;
  /** The in-memory store `series` came from and its epoch then (stale when either changed). */
  store: MemoryRateStore | null;
  epoch: number;
  series: RateSeries | null;
}

class RateCondition implements CompiledCondition {
  readonly cost = 2;
  private readonly minLength: number;
  private lastCommunity: string | undefined;
  private lastId: string | undefined;
  private lastAt = 0;
  private lastRates: unknown;
  private lastResult: Match[] | null = null;
  /**
   * Store keys by scope id, so a message builds no key string, and for the in-memory store the
   * key's series, so a hit skips the store's map lookup. Dense (no holes: V8 keeps it a fast array).
   */
  private keys: (KeyEntry | undefined)[] = [];
  private keysEpoch = 0;

  constructor(
    private readonly c: Config,
    private readonly id: string,
  ) {
    this.minLength = c.min_length ?? 5;
  }

  test(input: EvalInput): Match[] | null {
    const m = input.message;
    // The same message judged twice (dry runs, re-evaluation) must not count twice.
    if (m.id === this.lastId && m.at === this.lastAt && m.community === this.lastCommunity && input.rates === this.lastRates) return this.lastResult;
    this.lastId = m.id;
    this.lastAt = m.at;
    this.lastCommunity = m.community;
    this.lastRates = input.rates;
    this.lastResult = this.count(input);
    return this.lastResult;
  }

  private keyFor(community: string, scope: string): KeyEntry {
    const id = scopeId(community, scope);
    if (this.keysEpoch !== scopeEpoch) {
      this.keys = [];
      this.keysEpoch = scopeEpoch;
    }
    const keys = this.keys;
    let key = keys[id];
    if (key === undefined) {
      while (keys.length <= id) keys.push(undefined);
      key = { key: `${this.id}\u0001${community}\u0001${scope}`, store: null, epoch: 0, series: null };
      keys[id] = key;
    }
    return key;
  }

  private count(input: EvalInput): Match[] | null {
    const c = this.c;
    const m = input.message;
    // The weight first: a message that adds nothing (no links, no mentions) builds no key.
    let weight = 1;
    let dup = -1;
    switch (c.count) {
      case "messages":
        break;
      case "duplicates":
        dup = duplicateKey(m.text);
        if (duplicateLength(dup) < this.minLength) return null;
        break;
      case "links": {
        const links = input.links;
        if (links.length === 0) return null;
        const own = ownDomainSet(input.community);
        weight = 0;
        for (const l of links) if (!own.has(l.host)) weight++;
        break;
      }
      case "mentions":
        weight = m.mentions + (m.mentionsEveryone ? 1 : 0);
        break;
      case "attachments":
        weight = m.attachments;
        break;
    }
    if (weight === 0) return null;
    const entry = this.keyFor(m.community, c.per === "member" ? input.member.id : c.per === "channel" ? m.channel : "");
    const rates = input.rates;
    let n: number;
    if (rates instanceof MemoryRateStore) {
      if (entry.store !== rates || entry.epoch !== rates.epoch || entry.series === null) {
        entry.series = rates.seriesOf(entry.key, m.at, c.within);
        entry.store = rates;
        entry.epoch = rates.epoch;
      }
      n = dup >= 0 ? rates.hitValueSeries(entry.series, dup, m.at, c.within) : rates.hitSeries(entry.series, m.at, c.within, weight);
    } else n = dup >= 0 ? rates.hitValue(entry.key, duplicateText(dup), m.at, c.within) : rates.hit(entry.key, m.at, c.within, weight);
    if (n <= c.max) return null;
    const text = dup >= 0 ? m.text : "";
    const start = dup >= 0 ? 0 : -1;
    const end = dup >= 0 ? m.text.length : -1;
    const [one, many] = UNIT[c.count];
    return [{ condition: "rate", text, start, end, detail: `${n} ${n === 1 ? one : many} in ${formatDuration(c.within)}${SCOPE_TEXT[c.per]} (max ${c.max})` }];
  }
}

export const rateCondition = defineCondition({
  name: "rate",
  description: "More than `max` messages/duplicates/links/mentions/attachments within a window, per member, channel or community.",
  schema,
  compile: (c, ctx) => new RateCondition(c, shortId(ctx.instanceId)),
});
