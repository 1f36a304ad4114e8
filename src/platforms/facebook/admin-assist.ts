// The Admin Assist settings (Group → Admin tools → Admin assist) that match the guidelines, to
// enter by hand: keywords to decline, link rules, and restrictions for new members.
import path from "node:path";
import type { LoadedRule } from "../../guidelines/loader/index.js";
import { ListReader } from "../../guidelines/loader/lists.js";
import { BUILTIN_PHISHING, BUILTIN_SHORTENERS } from "../../guidelines/links/builtin.js";
import { formatDuration } from "../../guidelines/actions/format.js";
import { conditionsOf } from "./rule-conditions.js";

export const DEFAULT_MAX_KEYWORDS = 50;
const MAX_DOMAINS = 30;

export interface KeywordSource {
  rule: string;
  actions: string;
  keywords: string[];
  /** Plain words the rule's lists hold (before the cap). */
  available: number;
}

export interface LinkRule {
  rule: string;
  explain: string;
  actions: string;
  /** Domains to block, as listed (capped at 30; `more` says how many were left out). */
  domains: string[];
  more: number;
  allowed: string[];
  notes: string[];
  newMembersOnly: boolean;
}

export interface NewMemberRestriction {
  rule: string;
  explain: string;
  actions: string;
  /** "joined within 3d", "joined within 14d and among their first 5 posts". */
  who: string[];
}

export interface AdminAssist {
  keywords: string[];
  maxKeywords: number;
  keywordSources: KeywordSource[];
  links: LinkRule[];
  newMembers: NewMemberRestriction[];
  problems: string[];
}

/** A keyword Facebook can match as is: one word, no `word*` stem marks or `!` exceptions. */
function plainWord(entry: string): string | null {
  const e = entry.trim().replace(/\*$/, "");
  if (e.length < 3) return null; // "mf", "ho": too many innocent posts contain them
  return /^[\p{L}\p{M}\p{N}'’]+$/u.test(e) ? e.toLowerCase() : null;
}

function listEntries(spec: unknown, read: (ref: string) => readonly string[]): string[] {
  if (Array.isArray(spec)) return spec.map(String);
  if (!spec || typeof spec !== "object") return typeof spec === "string" ? [...read(spec)] : [];
  const o = spec as { list?: unknown[]; file?: string; lists?: string[] };
  return [...(o.list ?? []).map(String), ...(o.file ? read(o.file) : []), ...(o.lists ?? []).flatMap((f) => [...read(f)])];
}

const asDuration = (v: unknown) => (typeof v === "number" ? formatDuration(v) : String(v));
const actionsOf = (r: LoadedRule) => r.rule.then.map((c) => (c.kind === "timeout" ? `timeout ${formatDuration(c.durationMs)}` : c.kind)).join(", ");
const removes = (r: LoadedRule) => r.rule.then.some((c) => c.kind === "delete" || c.kind === "kick" || c.kind === "ban");

export function adminAssist(rules: readonly LoadedRule[], rulesDir: string, maxKeywords = DEFAULT_MAX_KEYWORDS): AdminAssist {
  const lists = new ListReader();
  const problems: string[] = [];
  const reader = (r: LoadedRule) => (ref: string) => {
    try {
      return lists.read(ref, path.resolve(rulesDir, path.dirname(r.guideline.file)));
    } catch (e) {
      problems.push(`${r.ref}: list ${ref} could not be read (${(e as Error).message})`);
      return [];
    }
  };

  const keywordSources: KeywordSource[] = [];
  const links: LinkRule[] = [];
  const newMembers: NewMemberRestriction[] = [];
  for (const r of rules) {
    const found = conditionsOf(r.when);
    const read = reader(r);
    if (removes(r)) {
      const words = new Set<string>();
      for (const c of found) if (c.name === "words" && c.alone) for (const e of listEntries(c.config, read)) {
        const w = plainWord(e);
        if (w) words.add(w);
      }
      if (words.size) keywordSources.push({ rule: r.ref, actions: actionsOf(r), keywords: [...words], available: words.size });
    }
    const members = found.filter((c) => c.name === "member").map((c) => c.config as Record<string, unknown>).filter((m) => m.joined_within !== undefined);
    if (members.length) {
      newMembers.push({
        rule: r.ref,
        explain: r.rule.explain,
        actions: actionsOf(r),
        who: members.map((m) => `joined within ${asDuration(m.joined_within)}${m.first_messages ? ` and among their first ${m.first_messages} posts` : m.messages_fewer_than ? ` and with fewer than ${m.messages_fewer_than} posts` : ""}`),
      });
    }
    for (const c of found.filter((x) => x.name === "links")) links.push(linkRule(r, c.config as Record<string, unknown>, read, members.length > 0));
  }

  // Share the cap out in turns, so every rule's words are represented.
  const keywords: string[] = [];
  const taken = keywordSources.map(() => 0);
  for (let round = 0; keywords.length < maxKeywords; round++) {
    let any = false;
    keywordSources.forEach((s, i) => {
      const w = s.keywords[round];
      if (w === undefined || keywords.length >= maxKeywords) return;
      any = true;
      if (!keywords.includes(w)) keywords.push(w);
      taken[i] = round + 1;
    });
    if (!any) break;
  }
  keywordSources.forEach((s, i) => (s.keywords = s.keywords.slice(0, taken[i])));
  return { keywords, maxKeywords, keywordSources: keywordSources.filter((s) => s.keywords.length), links: links.filter((l) => l.domains.length || l.notes.length), newMembers, problems };
}

function linkRule(r: LoadedRule, cfg: Record<string, unknown>, read: (ref: string) => readonly string[], newMembersOnly: boolean): LinkRule {
  const domains = new Set<string>();
  const notes: string[] = [];
  for (const b of (cfg.blocklist as string[] | undefined) ?? []) {
    if (b === "phishing") {
      BUILTIN_PHISHING.forEach((d) => domains.add(d));
      notes.push("plus the maintained list in STEWARD_PHISHING_LIST, when set");
    } else if (b === "suspicious") notes.push("the domains in STEWARD_SUSPICIOUS_LIST");
    else read(b).forEach((d) => domains.add(d.split(/\s+/).pop()!));
  }
  if (cfg.shorteners !== undefined && cfg.shorteners !== false) {
    BUILTIN_SHORTENERS.forEach((d) => domains.add(d));
    if (Array.isArray(cfg.shorteners)) for (const f of cfg.shorteners as string[]) if (f !== "shorteners") read(f).forEach((d) => domains.add(d));
  }
  if (cfg.invites) notes.push("invite links to other groups and chats (facebook.com/groups/…, chat.whatsapp.com, t.me, discord.gg)");
  if (cfg.lookalike) notes.push("domains imitating a brand or your own domain (no fixed list; Steward spots them in `steward facebook posts`)");
  if (cfg.defanged) notes.push('links written to slip past filters ("hxxp://", "example[.]com")');
  if (typeof cfg.max === "number") notes.push(`more than ${cfg.max} links in one post`);
  const all = [...domains];
  return {
    rule: r.ref,
    explain: r.rule.explain,
    actions: actionsOf(r),
    domains: all.slice(0, MAX_DOMAINS),
    more: Math.max(0, all.length - MAX_DOMAINS),
    allowed: ((cfg.allow as string[] | undefined) ?? []).map(String),
    notes,
    newMembersOnly,
  };
}
