// Discord errors as action outcomes, and the REST options that decide what discord.js absorbs itself.
// What outlasts discord.js's own handling and may pass — a long rate limit, 5xx, timeouts, network
// trouble — is "failed" and retryable (the outbox tries again later, with backoff); Discord's refusals
// are "refused" (403) or failed for good (other 4xx): repeating them cannot help.
import { createHash } from "node:crypto";
import { DiscordAPIError, DiscordjsErrorCodes, HTTPError, RateLimitError, type RateLimitData, type RESTOptions } from "discord.js";
import type { ActionOutcome } from "../../core/actions.js";

/** A refusal found before calling Discord. */
export class Refused extends Error {}

export interface DiscordRestLimits {
  /** A request still unanswered after this long is aborted (discord.js's default is 15 s). */
  timeoutMs?: number;
  /** Immediate retries discord.js makes after a 5xx, a timeout or ECONNRESET (its default is 3). */
  retries?: number;
  /** A rate limit that asks to wait longer than this is handed back (failed, retryable) instead of waited out. */
  maxRateLimitWaitMs?: number;
}

/**
 * Chosen so one action settles quickly and well inside the outbox's attempt time (30 s), leaving longer trouble
 * to its backoff: Discord answers in well under a second, so 6 s means stuck; discord.js retries 5xx, timeouts
 * and ECONNRESET at once, without backoff, so one retry catches a blip and more would only hammer a struggling
 * Discord. Rate limits of up to 5 s (the usual per-route resets) are waited out by discord.js; a longer one (a
 * global limit, DM-creation limits of minutes) is returned with its retry_after rather than holding the event
 * queue. Repeated message creates are harmless: they carry a nonce with enforce_nonce (see nonceFor).
 */
export const DEFAULT_REST_LIMITS: Required<DiscordRestLimits> = { timeoutMs: 6_000, retries: 1, maxRateLimitWaitMs: 5_000 };

export function restOptions(limits: DiscordRestLimits = {}, api?: string): Partial<RESTOptions> {
  const l = { ...DEFAULT_REST_LIMITS, ...limits };
  return {
    ...(api ? { api } : {}),
    timeout: l.timeoutMs,
    retries: l.retries,
    rejectOnRateLimit: (data: RateLimitData) => rateLimitWait(data) > l.maxRateLimitWaitMs,
  };
}

function rateLimitWait(data: RateLimitData): number {
  return Math.max(data.retryAfter, data.timeToReset);
}

/** Discord's nonce is at most 25 characters; part 0 is the key itself, later parts get ".<n>" (hashed when too long). */
export function nonceFor(key: string | undefined, part = 0): string | undefined {
  if (!key) return undefined;
  const nonce = part === 0 ? key : `${key}.${part}`;
  return nonce.length <= 25 ? nonce : createHash("sha256").update(nonce).digest("base64url").slice(0, 25);
}

/** The message options that make a create idempotent: the same key gives back the first message, not a second. */
export function idempotent(key: string | undefined, part = 0): { nonce: string; enforceNonce: true } | Record<string, never> {
  const nonce = nonceFor(key, part);
  return nonce ? { nonce, enforceNonce: true } : {};
}

/** Errors below the HTTP layer worth another try (undici wraps them in TypeError "fetch failed" with a cause). */
const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "ENETUNREACH", "EHOSTUNREACH", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CLOSED"]);

function transient(e: unknown): string | null {
  for (let err = e, depth = 0; err instanceof Error && depth < 4; err = err.cause, depth++) {
    if (err.name === "AbortError" || err.name === "TimeoutError") return "Discord did not answer in time";
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return `network error (${code})`;
    if (code === DiscordjsErrorCodes.GuildMembersTimeout) return "the gateway did not answer a member request in time";
  }
  if (e instanceof TypeError && e.message === "fetch failed") return "network error";
  return null;
}

export function failure(e: unknown): ActionOutcome {
  if (e instanceof Refused) return { status: "refused", detail: e.message };
  if (e instanceof RateLimitError) {
    const wait = Math.ceil(rateLimitWait(e));
    // retryAfterMs: the outbox waits at least this long (built apart so the outcome type may not know the field yet).
    const outcome = { status: "failed" as const, detail: `Discord: rate limited on ${e.method.toUpperCase()} ${e.route}${e.global ? " (global)" : ""}, retry after ${(wait / 1000).toFixed(1)} s`, retryable: true, retryAfterMs: wait };
    return outcome;
  }
  if (e instanceof DiscordAPIError) {
    const detail = `Discord: ${e.message} (${e.status}${e.code ? `, code ${e.code}` : ""})`;
    if (e.status === 403) return { status: "refused", detail };
    return { status: "failed", detail, retryable: e.status === 429 || e.status === 408 || e.status >= 500 };
  }
  if (e instanceof HTTPError) return { status: "failed", detail: `Discord: HTTP ${e.status} ${e.message}`, retryable: e.status >= 500 || e.status === 429 || e.status === 408 };
  const network = transient(e);
  const message = e instanceof Error ? e.message : String(e);
  if (network) return { status: "failed", detail: `Discord: ${network}: ${message}`, retryable: true };
  // Anything else is not known to pass by itself: recorded (and alerted) rather than repeated.
  return { status: "failed", detail: message, retryable: false };
}

/** Discord's "already so" answers: the effect an action asks for is already in place. */
export function alreadyDone(e: unknown, ...codes: number[]): boolean {
  return e instanceof DiscordAPIError && typeof e.code === "number" && codes.includes(e.code);
}
