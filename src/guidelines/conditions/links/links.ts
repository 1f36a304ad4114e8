// `links`: links in the message, optionally only those that are listed, lookalikes, shorteners,
// invites or defanged. Links to the community's own domains never count.
//
//   when:
//     links:
//       blocklist: [phishing, suspicious, ./lists/extra-scams.txt]  # named lists or files
//       deny: [grabify.link]            # these domains (and subdomains)
//       lookalike: true                 # or { names: [myshop], max_distance: 1, builtin: true }
//       shorteners: true                # built-in list; or [./lists/shorteners.txt] to add files
//       invites: true                   # or { except: [discord.gg/myshop, myshop] }
//       defanged: true                  # written hxxp://, example[.]com, example(dot)com
//       allow: [youtube.com]            # never count these (also: except)
//       allowlist: [lists/links-trusted.txt]  # ...and the domains in these list files
//       min: 1                          # at least this many counted links (default 1)
//       max: 5                          # true only with MORE than this many (link flood in one message)
//       alone: true                     # the message is little more than the link(s): ≤ 3 other words
//                                       # (or a number: at most that many other words)
//
// With none of blocklist/deny/lookalike/shorteners/invites/defanged, every link counts.
// Named lists: `phishing` = built-in seed + scam host shapes (free-nitro, steam-gift) + the
// file(s) in STEWARD_PHISHING_LIST + a `lists: { phishing: path }` entry of the guideline file;
// `suspicious` and `shorteners` likewise (STEWARD_SUSPICIOUS_LIST, STEWARD_SHORTENERS_LIST).
// Lists load on the first message with a link and are shared by every rule naming them.
import { z } from "zod";
import { defineCondition, type CompileContext, type CompiledCondition, type EvalInput, type Match } from "../../types.js";
import type { Link } from "../../links/link.js";
import { DomainSet } from "../../links/domains.js";
import { envFiles, envVariable, fileExists, isNamedList, namedDomainSet, scamShape, type NamedList } from "../../links/lists.js";
import { builtinProtectedNames, communityProtectedNames, lookalikeOf, type ProtectedName } from "../../links/lookalike.js";
import { communityNames, ownDomainSet } from "../../links/community.js";
import { domainList } from "./shared.js";

const listRefs = z.array(z.string().trim().min(1)).min(1);

const schema = z
  .object({
    blocklist: listRefs.optional().describe("Named lists (phishing, suspicious, shorteners) or list files; a listed domain matches its subdomains."),
    deny: domainList.optional().describe("Domains that count (with their subdomains)."),
    lookalike: z
      .union([
        z.boolean(),
        z
          .object({
            names: z.array(z.string().trim().min(3)).optional().describe("Extra names to protect (besides built-in brands and the community's own)."),
            max_distance: z.number().int().min(0).max(3).optional().describe("Edits still counted as a lookalike; default by length (0 up to 5 letters, 1 up to 9, else 2)."),
            builtin: z.boolean().optional().describe("Protect the built-in brands (discord, steam, paypal, bkash, ...). Default true."),
          })
          .strict(),
      ])
      .optional()
      .describe("Domains imitating a protected brand or the community's own domain."),
    shorteners: z.union([z.boolean(), listRefs]).optional().describe("URL shorteners: true for the built-in list, or list files to add."),
    invites: z
      .union([z.boolean(), z.object({ except: z.array(z.string().trim().min(1)).default([]) }).strict()])
      .optional()
      .describe("Invites to other servers and groups (discord.gg, t.me, chat.whatsapp.com); `except` the community's own invite codes."),
    defanged: z.boolean().optional().describe("Links written defanged (hxxp://, example[.]com) to slip past filters."),
    allow: domainList.optional().describe("Domains that never count."),
    except: domainList.optional().describe("Same as allow."),
    allowlist: listRefs.optional().describe("List files of domains that never count."),
    min: z.number().int().min(1).optional().describe("At least this many counted links. Default 1."),
    max: z.number().int().min(0).optional().describe("True only when there are more than this many counted links."),
    alone: z
      .union([z.boolean(), z.number().int().min(0).max(50)])
      .optional()
      .describe("The message is little more than its link(s): at most 3 other words (or the number given)."),
  })
  .strict();

type Config = z.infer<typeof schema>;

interface ListSource {
  label: string;
  /** Built lazily on first use. */
  get(): readonly DomainSet[];
  /** Also flag scam-shaped hosts (free-nitro.xyz): the `phishing` list. */
  shapes: boolean;
}

const arraySets = new WeakMap<readonly string[], DomainSet>();
function setOf(entries: readonly string[]): DomainSet {
  let s = arraySets.get(entries);
  if (!s) arraySets.set(entries, (s = new DomainSet(entries)));
  return s;
}

/**
 * A named list also reads the guideline file's own `lists:` entry of that name (or a
 * `<name>.txt` beside the file) when there is one. Not finding one is fine; a `lists:` entry
 * naming a missing file is reported (the loader then looked somewhere not named after the list).
 */
function optionalList(ctx: CompileContext, ref: string): readonly string[] | null {
  try {
    return ctx.readList(ref);
  } catch (e) {
    const tried = /looked for (.*)\)/.exec(e instanceof Error ? e.message : "")?.[1]?.split(", ") ?? [];
    const elsewhere = tried.some((f) => !new RegExp(`[/\\\\]${ref}(?:\\.txt)?$`).test(f));
    if (elsewhere) throw e;
    return null;
  }
}

function namedSource(name: NamedList, ctx: CompileContext, extra: readonly string[] | null, at: readonly (string | number)[]): ListSource {
  for (const f of envFiles(name)) {
    if (!fileExists(f)) {
      ctx.fail(`${envVariable(name)} names ${f}, which does not exist`, `point ${envVariable(name)} at a list file (one domain a line) or unset it`, at);
    }
  }
  let sets: DomainSet[] | undefined;
  return {
    label: name,
    shapes: name === "phishing",
    get: () => (sets ??= extra ? [namedDomainSet(name), setOf(extra)] : [namedDomainSet(name)]),
  };
}

function resolveSource(ref: string, ctx: CompileContext, at: readonly (string | number)[]): ListSource {
  if (isNamedList(ref)) return namedSource(ref, ctx, optionalList(ctx, ref), at);
  const entries = ctx.readList(ref);
  let sets: DomainSet[] | undefined;
  return { label: ref.replace(/^.*[/\\]/, "").replace(/\.(txt|list|json)$/i, ""), shapes: false, get: () => (sets ??= [setOf(entries)]) };
}

function inviteCode(entry: string): string {
  const s = entry.trim().replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
  return s.slice(s.lastIndexOf("/") + 1).toLowerCase();
}

const ALONE_WORDS = 3;
const WORD = /[\p{L}\p{N}]{2,}/gu;

/** At most `maxWords` words outside the links (HTML tags around links ignored). */
function isAlone(text: string, links: readonly Link[], maxWords: number): boolean {
  let rest = "";
  let at = 0;
  for (const l of links) {
    rest += text.slice(at, l.start) + " ";
    at = l.end;
  }
  rest += text.slice(at);
  rest = rest.replace(/<[^>]*>/g, " ");
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(rest) !== null) if (++n > maxWords) return false;
  return true;
}

class LinksCondition implements CompiledCondition {
  readonly cost = 3;
  private readonly threshold: number;
  private readonly aloneWords: number;
  private readonly filtered: boolean;
  private readonly builtinNames: ProtectedName[];
  private readonly extraNames: readonly string[];
  private readonly maxDistance: number | undefined;
  private readonly namesByCommunity = new WeakMap<readonly string[], WeakMap<readonly string[], ProtectedName[]>>();

  constructor(
    private readonly c: Config,
    private readonly blocklists: readonly ListSource[],
    private readonly shorteners: ListSource | null,
    private readonly deny: DomainSet | null,
    private readonly allow: DomainSet | null,
    private readonly allowLists: readonly ListSource[],
    private readonly inviteExcept: ReadonlySet<string> | null,
  ) {
    this.threshold = c.max !== undefined ? Math.max(c.min ?? 1, c.max + 1) : (c.min ?? 1);
    this.aloneWords = c.alone === true ? ALONE_WORDS : typeof c.alone === "number" ? c.alone : -1;
    this.filtered = Boolean(blocklists.length || shorteners || deny || c.lookalike || c.invites || c.defanged);
    const la = typeof c.lookalike === "object" ? c.lookalike : {};
    this.maxDistance = la.max_distance;
    this.builtinNames = c.lookalike && la.builtin !== false ? builtinProtectedNames(la.max_distance) : [];
    this.extraNames = la.names ?? [];
  }

  test(input: EvalInput): Match[] | null {
    const links = input.links;
    if (links.length === 0) return null;
    const own = ownDomainSet(input.community);
    let matches: Match[] | null = null;
    for (let i = 0; i < links.length; i++) {
      const l = links[i]!;
      if (own.has(l.host) || (this.allow !== null && this.allow.has(l.host, l.path)) || this.allowListed(l)) continue;
      const why = this.filtered ? this.classify(l, input) : "link";
      if (why === null) continue;
      (matches ??= []).push({ condition: "links", text: l.raw, start: l.start, end: l.end, detail: why });
    }
    if (matches === null || matches.length < this.threshold) return null;
    if (this.aloneWords >= 0 && !isAlone(input.message.text, links, this.aloneWords)) return null;
    return matches;
  }

  private allowListed(l: Link): boolean {
    for (const src of this.allowLists) for (const set of src.get()) if (set.has(l.host, l.path)) return true;
    return false;
  }

  private classify(l: Link, input: EvalInput): string | null {
    for (const src of this.blocklists) {
      for (const set of src.get()) {
        const hit = set.match(l.host, l.path);
        if (hit !== null) return `listed ${src.label} domain (${hit})`;
      }
      if (src.shapes) {
        const shape = scamShape(l.host);
        if (shape !== null) return `scam-shaped domain (${shape})`;
      }
    }
    if (this.deny !== null) {
      const hit = this.deny.match(l.host, l.path);
      if (hit !== null) return `denied domain (${hit})`;
    }
    if (this.c.lookalike) {
      const hit = lookalikeOf(l, this.names(input));
      if (hit !== null) return `lookalike of ${hit.shown}${hit.how === "embedded-domain" ? " (real domain used as a subdomain)" : ""}`;
    }
    if (this.shorteners !== null) {
      for (const set of this.shorteners.get()) if (set.has(l.host, l.path)) return "URL shortener (destination hidden)";
    }
    if (this.c.invites && l.invite !== null) {
      if (this.inviteExcept === null || !this.inviteExcept.has(l.invite.code.toLowerCase())) return `invite to another ${l.invite.platform} server or group`;
    }
    if (this.c.defanged && l.defanged) return "defanged link";
    return null;
  }

  /** Built-in brands, this rule's names and the community's own names; one array per community (cached). */
  private names(input: EvalInput): readonly ProtectedName[] {
    const own = input.community.ownDomains;
    const protectedNames = input.community.protectedNames;
    if (own.length === 0 && protectedNames.length === 0 && this.extraNames.length === 0) return this.builtinNames;
    let byNames = this.namesByCommunity.get(own);
    if (!byNames) this.namesByCommunity.set(own, (byNames = new WeakMap()));
    let names = byNames.get(protectedNames);
    if (!names) {
      names = [...communityProtectedNames(own, this.extraNames, this.maxDistance), ...communityNames(input.community, this.maxDistance), ...this.builtinNames];
      byNames.set(protectedNames, names);
    }
    return names;
  }
}

export const linksCondition = defineCondition({
  name: "links",
  description:
    "Links in the message (own domains never count): blocklists (phishing, suspicious, files), deny, lookalike, shorteners, invites, defanged; min/max counts; alone.",
  schema,
  compile(c, ctx) {
    const blocklists = (c.blocklist ?? []).map((ref, i) => resolveSource(ref, ctx, ["blocklist", i]));
    let shorteners: ListSource | null = null;
    if (c.shorteners === true) shorteners = namedSource("shorteners", ctx, optionalList(ctx, "shorteners"), ["shorteners"]);
    else if (Array.isArray(c.shorteners)) {
      const named = namedSource("shorteners", ctx, null, ["shorteners"]);
      const files = c.shorteners.map((ref, i) => resolveSource(ref, ctx, ["shorteners", i]));
      let sets: DomainSet[] | undefined;
      shorteners = { label: "shorteners", shapes: false, get: () => (sets ??= [...named.get(), ...files.flatMap((f) => f.get())]) };
    }
    const allowList = [...(c.allow ?? []), ...(c.except ?? [])];
    const inviteExcept = typeof c.invites === "object" && c.invites.except.length ? new Set(c.invites.except.map(inviteCode)) : null;
    return new LinksCondition(
      c,
      blocklists,
      shorteners,
      c.deny ? new DomainSet(c.deny) : null,
      allowList.length ? new DomainSet(allowList) : null,
      (c.allowlist ?? []).map((ref, i) => resolveSource(ref, ctx, ["allowlist", i])),
      inviteExcept,
    );
  },
});
