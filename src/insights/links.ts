// Tracked links: a short code per (url, campaign), served by Steward's HTTP server at /l/<code>,
// which redirects to the url with utm_source, utm_medium and utm_campaign added and counts the
// click (link-preview fetchers excepted, link-previews.ts). Platform-neutral: the store
// implements LinkStore (src/store/links.ts); MemoryLinks serves in-memory runs and tests.
import { randomBytes } from "node:crypto";

/** Default utm_source of every tracked link (UTM_SOURCE overrides it). */
export const DEFAULT_UTM_SOURCE = "steward";
export const CODE_LENGTH = 8;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Longest target URL accepted (browsers and proxies start failing past a few thousand characters). */
export const MAX_URL_LENGTH = 2000;
export const MAX_CAMPAIGN_LENGTH = 100;

/**
 * A new random code: 8 characters of [0-9A-Za-z] (62^8 ≈ 2·10^14 codes), URL-safe, from the
 * system's CSPRNG with rejection sampling so every character is equally likely. Codes are
 * unguessable enough that enumerating /l/ finds nothing useful; uniqueness is the store's job
 * (it retries on a collision).
 */
export function newLinkCode(length = CODE_LENGTH): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b >= 248) continue; // 248 = 4 × 62: keeps the distribution uniform
      out += ALPHABET[b % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export function isLinkCode(s: string): boolean {
  return s.length === CODE_LENGTH && /^[0-9A-Za-z]+$/.test(s);
}

export class LinkInputError extends Error {}

/** The target URL, checked: http or https only, with a host, at most MAX_URL_LENGTH characters. */
export function validateTargetUrl(input: string): string {
  const raw = input.trim();
  if (!raw) throw new LinkInputError("the URL is empty");
  if (raw.length > MAX_URL_LENGTH) throw new LinkInputError(`the URL is longer than ${MAX_URL_LENGTH} characters`);
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new LinkInputError(`"${raw}" is not a URL; write it in full, e.g. https://shop.example.com/spring-sale`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new LinkInputError(`only http and https links can be tracked (got ${u.protocol.replace(/:$/, "")}:)`);
  }
  if (!u.hostname) throw new LinkInputError(`"${raw}" has no host name`);
  if (u.username || u.password) throw new LinkInputError("the URL must not carry a user name or password");
  return u.toString();
}

/** The campaign name (utm_campaign): trimmed, 1–100 characters, no control characters. */
export function validateCampaign(input: string): string {
  const c = input.trim();
  if (!c) throw new LinkInputError("the campaign name is empty");
  if (c.length > MAX_CAMPAIGN_LENGTH) throw new LinkInputError(`the campaign name is longer than ${MAX_CAMPAIGN_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(c)) throw new LinkInputError("the campaign name contains control characters");
  return c;
}

export interface UtmFields {
  source: string;
  medium: string;
  campaign: string;
}

/**
 * Where a click goes: the target with utm_source, utm_medium and utm_campaign set. The target's
 * other query parameters and its #fragment are kept; a utm_source/utm_medium/utm_campaign the
 * target already had is replaced (the tracked link is what the shop should attribute the visit
 * to). Other utm_* parameters (utm_term, utm_content, utm_id) are kept as they are.
 */
export function redirectTarget(url: string, utm: UtmFields): string {
  const u = new URL(url);
  u.searchParams.set("utm_source", utm.source);
  u.searchParams.set("utm_medium", utm.medium);
  u.searchParams.set("utm_campaign", utm.campaign);
  return u.toString();
}

/** PUBLIC_URL when it is not set and the port is the default one. */
export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

/** The short link a member sees: PUBLIC_URL + /l/<code>. */
export function shortLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/l/${code}`;
}

export interface TrackedLinkView {
  id: number;
  /** Store id of the community (CommunityState.dbId). */
  community: string;
  code: string;
  url: string;
  campaign: string;
  medium: string;
  createdBy: string;
  createdAt: number;
}

export interface NewLink {
  /** Store id of the community (CommunityState.dbId). */
  community: string;
  url: string;
  campaign: string;
  /** utm_medium: the community's platform. */
  medium: string;
  createdBy: string;
}

export interface Click {
  linkId: number;
  at: number;
}

/** What commands, the CLI and the HTTP server need from tracked links. */
export interface LinkStore {
  /** The short link of a code: PUBLIC_URL + /l/<code>. */
  shortLink(code: string): string;
  /** Validates url and campaign (LinkInputError) and stores a link with a fresh unique code. */
  create(link: NewLink): Promise<TrackedLinkView>;
  byCode(code: string): Promise<TrackedLinkView | null>;
  /** Links of a community, newest first, with their counted clicks. */
  list(community: string, limit: number): Promise<(TrackedLinkView & { clicks: number })[]>;
  recordClicks(clicks: readonly Click[]): Promise<void>;
}

/** In memory: for runs without a store (backtests, the harness's MemoryPersistence). */
export class MemoryLinks implements LinkStore {
  private readonly links = new Map<string, TrackedLinkView>();
  private readonly clicks: Click[] = [];
  private nextId = 1;

  constructor(private readonly publicUrl: () => string = () => DEFAULT_PUBLIC_URL) {}

  shortLink(code: string): string {
    return shortLink(this.publicUrl(), code);
  }

  async create(link: NewLink): Promise<TrackedLinkView> {
    const url = validateTargetUrl(link.url);
    const campaign = validateCampaign(link.campaign);
    let code = newLinkCode();
    while (this.links.has(code)) code = newLinkCode();
    const view: TrackedLinkView = { id: this.nextId++, community: link.community, code, url, campaign, medium: link.medium, createdBy: link.createdBy, createdAt: Date.now() };
    this.links.set(code, view);
    return { ...view };
  }

  async byCode(code: string): Promise<TrackedLinkView | null> {
    const l = this.links.get(code);
    return l ? { ...l } : null;
  }

  async list(community: string, limit: number): Promise<(TrackedLinkView & { clicks: number })[]> {
    return [...this.links.values()]
      .filter((l) => l.community === community)
      .reverse()
      .slice(0, limit)
      .map((l) => ({ ...l, clicks: this.clicks.filter((c) => c.linkId === l.id).length }));
  }

  async recordClicks(clicks: readonly Click[]): Promise<void> {
    this.clicks.push(...clicks);
  }
}

export interface ClickLogger {
  error(obj: object, msg: string): void;
}

/**
 * Clicks are written behind, in batches: a redirect never waits on the database. A batch goes
 * out when `maxBatch` clicks wait or `intervalMs` after the first; close() writes what is left.
 * A failed write keeps its clicks for the next attempt (at most `maxPending`; beyond that the
 * oldest are dropped and the loss is logged).
 */
export class ClickRecorder {
  private pending: Click[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly store: Pick<LinkStore, "recordClicks">,
    private readonly logger: ClickLogger,
    private readonly opts: { intervalMs?: number; maxBatch?: number; maxPending?: number } = {},
  ) {}

  record(linkId: number, at = Date.now()): void {
    this.pending.push({ linkId, at });
    const max = this.opts.maxPending ?? 100_000;
    if (this.pending.length > max) {
      const dropped = this.pending.splice(0, this.pending.length - max);
      this.logger.error({ dropped: dropped.length }, "click writes are failing; oldest clicks dropped");
    }
    if (this.closed) return void this.flush();
    if (this.pending.length >= (this.opts.maxBatch ?? 500)) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.opts.intervalMs ?? 1000);
      this.timer.unref();
    }
  }

  /** Writes every click recorded so far (resolves when they are stored, or the write failed and was logged). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(async () => {
      if (!this.pending.length) return;
      const batch = this.pending;
      this.pending = [];
      try {
        await this.store.recordClicks(batch);
      } catch (err) {
        this.pending = [...batch, ...this.pending];
        this.logger.error({ err, clicks: batch.length }, "could not store link clicks; will retry");
        if (!this.closed && !this.timer) {
          this.timer = setTimeout(() => void this.flush(), this.opts.intervalMs ?? 1000);
          this.timer.unref();
        }
      }
    });
    return this.writing;
  }

  get waiting(): number {
    return this.pending.length;
  }

  /** Stops the timer and writes what is pending. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
