// Rate windows shared by several Steward instances through Redis (REDIS_URL).
//
// The engine judges synchronously, so this store never waits for Redis on a hit: it is a
// MemoryRateStore (the local mirror; being one, the link/rate conditions keep their fast path)
// that answers every hit at once and replicates it. Hits are queued and sent once per event-loop
// turn as one XADD (a batch of hits) on the stream `steward:rates`, pipelined; every instance reads
// the stream (XREAD BLOCK on a second connection) and applies the other instances' hits to its
// own mirror, skipping its own. At start the mirror is rebuilt from the stream (entries whose
// window can still be open; the stream keeps the longest window seen plus a minute, at most 24 h
// and a bounded number of entries), so a restarted
// instance keeps its windows.
//
// A hit's identity is (key, at, weight, value): the same identity recorded twice counts once,
// whether the second comes from this instance (an event replayed after a crash, or judged by two
// replicas) or from the stream (a batch re-sent after a lost reply). Two different messages in
// the same scope, in the same millisecond, with the same weight (and text, for duplicates) also
// count once: rare for a member, possible for a busy channel or community (see docs/scaling.md).
//
// Consistency: another instance's hit is counted here once it arrived (the replication lag,
// about a millisecond on one host; see bench/redis-rates.ts). A flood split across instances is
// seen whole after that lag, not on its first messages. While Redis is unreachable each instance
// goes on with its own mirror and queues its hits (bounded); they are sent when Redis is back, and
// the reader resumes from the last entry it saw.
//
// ioredis rather than node-redis: it reconnects by itself with a retry strategy we control (fail
// fast at start, retry forever later), has explicit pipelines, and `duplicate()` gives the blocking
// reader its own connection in one call.
import os from "node:os";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { MemoryRateStore, type RateSeries } from "../guidelines/rates.js";
import { HitQueue, decodeHits, type DecodedHit } from "./rate-hits-wire.js";

type Value = number | string;

export interface RateLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface RedisRateStoreOptions {
  /** Stream name (default steward:rates); instances that share windows share it. */
  stream?: string;
  /** This instance's id in the stream (default host:pid:random). */
  instance?: string;
  /**
   * Entries are kept for the longest window seen (by any instance) plus a minute, and never longer
   * than this (default 24 h): the longest window that survives a restart.
   */
  retainMs?: number;
  /** How often the stream is trimmed to the retention (default every minute). */
  trimEveryMs?: number;
  /** At most about this many batch entries in the stream (default 200,000). */
  maxEntries?: number;
  /** At most this many hits are queued while Redis is unreachable; older ones are dropped (default 100,000). */
  maxQueued?: number;
  /** Connect timeout at start (default 3 s). */
  connectTimeoutMs?: number;
  logger?: RateLog;
  /** Called for each hit applied from another instance (the bench measures the lag with it). */
  onRemote?: (key: string, at: number) => void;
}

/** A hit arriving this long before the key's newest event may sit behind it: the duplicate check scans that far back. */
const REORDER_MS = 1_000;
/** Hits per stream entry. */
const BATCH = 2_000;
/** Entries per XRANGE / XREAD call. */
const READ_COUNT = 1_000;
const BLOCK_MS = 1_000;

/** redis://user:***@host:6379/0 — the URL with its password hidden, for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString().replace("%2A%2A%2A", "***");
  } catch {
    return "(unparseable URL)";
  }
}

export class RedisUnavailableError extends Error {}

// MemoryRateStore's own window step (TypeScript-private; the duplicate check must advance without pushing).
interface MirrorInternals {
  advance(s: RateSeries, at: number, windowMs: number): void;
}

export class RedisRateStore extends MemoryRateStore {
  readonly instance: string;
  readonly stream: string;
  private readonly writer: Redis;
  private readonly reader: Redis;
  private readonly opts: RedisRateStoreOptions;
  /** Series → key, for hits through the fast path (hitSeries), which carries no key. */
  private readonly keyOf = new WeakMap<RateSeries, string>();
  private queue = new HitQueue();
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;
  private lastId = "0-0";
  private opened = false;
  private closed = false;
  private degraded = false;
  private dropped = 0;
  private readLoop: Promise<void> | null = null;
  private trimTimer: NodeJS.Timeout | null = null;
  /** The longest window of any hit seen, here or from the stream: how much of the stream must be kept. */
  private longest = 0;
  /** The last connection error (at start, ioredis rejects connect() with a vaguer one). */
  private lastError: Error | null = null;

  private constructor(writer: Redis, opts: RedisRateStoreOptions) {
    super();
    this.writer = writer;
    this.reader = writer.duplicate();
    this.opts = opts;
    this.stream = opts.stream ?? "steward:rates";
    this.instance = opts.instance ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  }

  /**
   * Connects to Redis, rebuilds the windows from the stream and starts following it.
   * Throws RedisUnavailableError naming REDIS_URL (password hidden) when Redis cannot be reached.
   */
  static async open(url: string, opts: RedisRateStoreOptions = {}): Promise<RedisRateStore> {
    let store: RedisRateStore | undefined;
    const writer = new Redis(url, {
      lazyConnect: true,
      // Hits are queued by the store itself while Redis is away; ioredis must fail fast instead.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: opts.connectTimeoutMs ?? 3_000,
      // No retry at start (a clear error instead); once open, retry forever, at most every 2 s.
      retryStrategy: (times) => (store?.opened && !store.closed ? Math.min(50 * times, 2_000) : null),
    });
    store = new RedisRateStore(writer, opts);
    const s = store;
    for (const conn of [s.writer, s.reader]) {
      conn.on("error", (err: Error) => {
        s.lastError = err;
        s.lost(err);
      });
      conn.on("close", () => s.lost(null));
      conn.on("ready", () => s.back());
    }
    try {
      await s.writer.connect();
      await s.reader.connect();
      await s.rebuild();
    } catch (err) {
      // Connected but refused (a wrong password, the stream's key holding something else) is not "cannot be reached".
      const reached = s.writer.status === "ready";
      s.closed = true;
      s.writer.disconnect();
      s.reader.disconnect();
      const why = ((reached ? (err as Error) : (s.lastError ?? (err as Error))).message || String(err)).replaceAll(url, redactRedisUrl(url));
      throw new RedisUnavailableError(`Redis at REDIS_URL (${redactRedisUrl(url)}) ${reached ? "cannot be used" : "cannot be reached"}: ${why}`);
    }
    s.opened = true;
    s.readLoop = s.follow();
    s.trimTimer = setInterval(() => {
      s.trim();
      if (s.queue.length > 0) void s.flush(); // retries after a refused write (no reconnect will)
    }, opts.trimEveryMs ?? 60_000);
    s.trimTimer.unref();
    return s;
  }

  // ---- hits from the engine: answered by the mirror, queued for the stream ----

  override hit(key: string, at: number, windowMs: number, weight = 1): number {
    const s = super.seriesOf(key, at, windowMs);
    if (at <= s.last && this.holds(s, at, weight, undefined)) return this.totalAfter(s, at, windowMs);
    const n = super.hitSeries(s, at, windowMs, weight);
    this.send(key, at, windowMs, weight, undefined);
    return n;
  }

  override hitValue(key: string, value: string, at: number, windowMs: number): number {
    return this.recordValue(key, super.seriesOf(key, at, windowMs), value, at, windowMs);
  }

  override seriesOf(key: string, at: number, windowMs: number): RateSeries {
    const s = super.seriesOf(key, at, windowMs);
    this.keyOf.set(s, key);
    return s;
  }

  override hitSeries(s: RateSeries, at: number, windowMs: number, weight = 1): number {
    if (at <= s.last && this.holds(s, at, weight, undefined)) return this.totalAfter(s, at, windowMs);
    const n = super.hitSeries(s, at, windowMs, weight);
    const key = this.keyOf.get(s);
    if (key !== undefined) this.send(key, at, windowMs, weight, undefined);
    return n;
  }

  override hitValueSeries(s: RateSeries, value: Value, at: number, windowMs: number): number {
    const key = this.keyOf.get(s);
    return key === undefined ? super.hitValueSeries(s, value, at, windowMs) : this.recordValue(key, s, value, at, windowMs);
  }

  private recordValue(key: string, s: RateSeries, value: Value, at: number, windowMs: number): number {
    if (at <= s.last && this.holds(s, at, 1, value)) {
      (this as unknown as MirrorInternals).advance(s, at, windowMs);
      return countValue(s, value);
    }
    const n = super.hitValueSeries(s, value, at, windowMs);
    this.send(key, at, windowMs, 1, value);
    return n;
  }

  private totalAfter(s: RateSeries, at: number, windowMs: number): number {
    (this as unknown as MirrorInternals).advance(s, at, windowMs);
    return s.total;
  }

  /** Whether the window already holds this identity (scanned from the newest event back to REORDER_MS before `at`). */
  private holds(s: RateSeries, at: number, weight: number, value: Value | undefined): boolean {
    const { times, weights, values, mask } = s;
    const floor = at - REORDER_MS;
    for (let k = s.size - 1; k >= 0; k--) {
      const i = (s.head + k) & mask;
      const t = times[i]!;
      if (t < floor) return false;
      if (t !== at || (weights !== null ? weights[i]! : 1) !== weight) continue;
      const v = values === null ? undefined : values[i];
      if (value === undefined ? v === undefined || v !== v : v === value) return true;
    }
    return false;
  }

  /**
   * The window's total for `key` at `at` (or how many events hold `value`), without recording a
   * hit: for metrics and tests.
   */
  peek(key: string, at: number, windowMs: number, value?: Value): number {
    const s = super.seriesOf(key, at, windowMs);
    (this as unknown as MirrorInternals).advance(s, at, windowMs);
    return value === undefined ? s.total : countValue(s, value);
  }

  /** Applies a hit from the stream to the mirror (not sent again). */
  private apply(h: DecodedHit): void {
    const { key, at, windowMs, weight, value } = h;
    if (windowMs > this.longest) this.longest = windowMs;
    const s = super.seriesOf(key, at, windowMs);
    if (at <= s.last - windowMs) return; // already out of its window here
    if (at <= s.last && this.holds(s, at, weight, value)) return;
    if (value === undefined) super.hitSeries(s, at, windowMs, weight);
    else super.hitValueSeries(s, value, at, windowMs);
    this.opts.onRemote?.(key, at);
  }

  // ---- replication ----

  private send(key: string, at: number, windowMs: number, weight: number, value: Value | undefined): void {
    if (windowMs > this.longest) this.longest = windowMs;
    const max = this.opts.maxQueued ?? 100_000;
    if (this.queue.length >= max) {
      // Redis has been away long: the oldest tenth goes (one splice, not one per hit).
      const n = Math.max(1, Math.floor(max / 10));
      this.queue.dropOldest(n);
      this.dropped += n;
    }
    this.queue.push(key, at, windowMs, weight, value);
    if (!this.flushScheduled && this.flushing === null) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /** Sends the queued hits (one XADD per BATCH hits, pipelined). Hits stay queued while Redis is away. */
  flush(): Promise<void> {
    this.flushScheduled = false;
    if (this.flushing !== null) return this.flushing;
    if (this.queue.length === 0 || this.writer.status !== "ready") return Promise.resolve();
    const batch = this.queue;
    this.queue = new HitQueue();
    const p = this.writer.pipeline();
    const maxEntries = this.opts.maxEntries ?? 200_000;
    for (let i = 0; i < batch.length; i += BATCH) {
      p.xadd(this.stream, "MAXLEN", "~", maxEntries, "*", "i", this.instance, "h", batch.encode(i, Math.min(batch.length, i + BATCH)));
    }
    this.flushing = p
      .exec()
      .then((results) => {
        if (results?.some(([err]) => err !== null)) throw results.find(([err]) => err !== null)![0];
        if (this.degraded) this.back(); // the error was Redis refusing a write, not the connection
      })
      .catch((err: unknown) => {
        // Re-queued in order; a batch that did reach Redis is harmless twice (identities de-duplicate).
        this.queue = batch.concat(this.queue);
        this.lost(err as Error, this.writer.status === "ready" ? "Redis refused the rate hits" : "Redis connection lost");
      })
      .finally(() => {
        this.flushing = null;
        if (this.queue.length > 0 && this.writer.status === "ready" && !this.degraded) {
          this.flushScheduled = true;
          setImmediate(() => void this.flush());
        }
      });
    return this.flushing;
  }

  /** Rebuilds the mirror from the stream: every instance's entries whose window can still be open. */
  private async rebuild(): Promise<void> {
    let start = String(Date.now() - (this.opts.retainMs ?? 24 * 3_600_000));
    for (;;) {
      const entries = await this.writer.xrange(this.stream, start, "+", "COUNT", READ_COUNT);
      this.applyEntries(entries, true);
      if (entries.length < READ_COUNT) break;
      start = `(${this.lastId}`;
    }
  }

  /** Follows the stream: other instances' hits, as they come. */
  private async follow(): Promise<void> {
    while (!this.closed) {
      try {
        const res = await this.reader.xread("COUNT", READ_COUNT, "BLOCK", BLOCK_MS, "STREAMS", this.stream, this.lastId);
        if (this.degraded) this.back();
        if (res !== null) for (const [, entries] of res) this.applyEntries(entries, false);
      } catch (err) {
        if (this.closed) return;
        this.lost(err as Error);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private applyEntries(entries: [id: string, fields: string[]][], rebuilding: boolean): void {
    const now = Date.now();
    for (const [id, fields] of entries) {
      this.lastId = id;
      let instance: string | undefined;
      let data: string | undefined;
      for (let f = 0; f + 1 < fields.length; f += 2) {
        if (fields[f] === "i") instance = fields[f + 1];
        else if (fields[f] === "h") data = fields[f + 1];
      }
      if (data === undefined || (!rebuilding && instance === this.instance)) continue;
      const sentAt = Number(id.slice(0, id.indexOf("-")));
      decodeHits(data, (h) => {
        if (rebuilding && sentAt + h.windowMs < now) return; // its window closed before we started
        this.apply(h);
      });
    }
  }

  private trim(): void {
    if (this.writer.status !== "ready" || this.longest === 0) return;
    const minId = Date.now() - Math.min(this.opts.retainMs ?? 24 * 3_600_000, this.longest + 60_000);
    // Exact, not "~": a quiet stream is smaller than one of Redis's nodes and would never shrink.
    this.writer.xtrim(this.stream, "MINID", minId).catch(() => undefined);
  }

  // ---- connection state ----

  private lost(err: Error | null, what = "Redis connection lost"): void {
    if (!this.opened || this.closed || this.degraded) return;
    this.degraded = true;
    this.opts.logger?.warn(
      { err: err?.message },
      `${what}: rate windows go on from this instance's memory (other instances' hits are not seen); this instance's hits are queued until Redis takes them`,
    );
  }

  private back(): void {
    if (!this.opened || this.closed || !this.degraded) return;
    if (this.writer.status !== "ready" || this.reader.status !== "ready") return;
    this.degraded = false;
    this.opts.logger?.info({ queued: this.queue.length, dropped: this.dropped }, "Redis is back: sending the queued rate hits and catching up on the stream");
    this.dropped = 0;
    void this.flush();
  }

  /** Whether Redis is currently connected (false while this instance works from its mirror alone). */
  get connected(): boolean {
    return this.opened && !this.closed && !this.degraded;
  }

  /** Sends what is queued (if Redis is there), stops following the stream and disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.trimTimer !== null) clearInterval(this.trimTimer);
    await this.flush().catch(() => undefined);
    if (this.flushing !== null) await this.flushing.catch(() => undefined);
    this.closed = true;
    this.reader.disconnect();
    await this.readLoop;
    await this.writer.quit().catch(() => this.writer.disconnect());
  }
}

/** How many events of the window hold `value`. */
function countValue(s: RateSeries, value: Value): number {
  if (s.counts !== null) return s.counts.get(value) ?? 0;
  const values = s.values;
  if (values === null) return 0;
  let n = 0;
  for (let k = 0, i = s.head; k < s.size; k++, i = (i + 1) & s.mask) if (values[i] === value) n++;
  return n;
}
