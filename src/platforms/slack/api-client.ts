// The Web API clients Steward acts with, and what Slack's faults cost them. @slack/web-api retries
// a call (p-retry) when the answer is HTTP 429 — after waiting the Retry-After seconds, with every
// call of the client paused meanwhile — and on 5xx answers, timeouts and network errors; an
// `ok: false` answer (Slack's refusal) is never retried. Steward keeps the retries few (an outage
// must not stall the event queue for long) and bounds each request by a timeout.
//
// A call whose answer did not come in time may have been done by Slack all the same. Deleting
// and removing are safe to send again (the second answer says "already gone"); posting is not —
// chat.postMessage has no idempotency key — so neither posting client sends a post again after a
// timeout or a lost connection. The difference is what happens next:
// - `posts` (actions without a key: no outbox) gives up for good (MaybeDone, not retryable): nobody
//   could tell a second post from the first.
// - `keyedPosts` (actions with the outbox's key, carried in the message's metadata) gives up on
//   anything Slack may have performed — a timeout, a connection lost, a 5xx — as a *retryable*
//   failure: the outbox retries with mayBeRepeat, and the adapter then looks for the key in the
//   conversation before posting (posted-once.ts). A re-send from inside this client could not look
//   first, so the retry belongs one level up; only 429s, which Slack never performed, are retried here.
import { webApi } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { boltLogger, type WebClient } from "./bolt.js";

export interface SlackApiTuning {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** The first backoff in ms, doubled each retry up to 4 s (default 500). */
  minRetryMs?: number;
  /** Each request's timeout in ms (default 10,000). */
  timeoutMs?: number;
}

/** What the clients met, for the logs and the tests' figures. */
export interface SlackApiStats {
  /** 429 answers (each waited out for its Retry-After). */
  rateLimited: number;
  /** Attempts that failed and were tried again (429s included). */
  retried: number;
  /** Calls given up after their retries (posts: at the first failure Slack may have performed; keyed ones go back to the outbox). */
  gaveUp: number;
}

/** A post whose answer did not come (in time): Slack may have posted it, so this client does not send it again. */
export class MaybeDone extends Error {
  /** Keyed posts: the outbox may retry, since the retry looks for the key before posting. */
  constructor(message: string, readonly retryable: boolean, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * The connection failed after the request may have reached Slack: fetch's own failure ("fetch failed",
 * a TypeError; a socket closed, reset …), not a refused connection or an unknown host. (web-api also
 * wraps its "rate limit was exceeded, retry" signal as a request error: that one is not this.)
 */
export function isConnectionLost(e: unknown): boolean {
  const err = e as { code?: string; original?: { name?: string; code?: string; cause?: { code?: string } } };
  if (err?.code !== "slack_webapi_request_error" || err.original?.name !== "TypeError") return false;
  const code = err.original.cause?.code ?? err.original.code ?? "";
  return !["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"].includes(code);
}

/** @slack/web-api's error for a 429 it waited out (the next attempt follows Retry-After). */
const isRateLimitRetry = (e: Error) => /rate limit was exceeded/i.test(e.message);

export function isTimeout(e: unknown): boolean {
  const err = e as { code?: string; original?: { name?: string } };
  return err?.code === "slack_webapi_request_error" && (err.original?.name === "TimeoutError" || err.original?.name === "AbortError");
}

export function apiClients(token: string, log: Logger, apiUrl: string | undefined, tuning: SlackApiTuning = {}): { client: WebClient; posts: WebClient; keyedPosts: WebClient; stats: SlackApiStats } {
  const stats: SlackApiStats = { rateLimited: 0, retried: 0, gaveUp: 0 };
  const timeoutMs = tuning.timeoutMs ?? 10_000;
  const make = (posting: "no" | "unkeyed" | "keyed") => {
    const retries = tuning.retries ?? 3;
    // p-retry's options; onFailedAttempt is p-retry's hook (web-api's RetryOptions type leaves it out).
    const retryConfig = {
      retries,
      factor: 2,
      minTimeout: tuning.minRetryMs ?? 500,
      maxTimeout: 4000,
      onFailedAttempt: (e: Error & { retriesLeft?: number }) => {
        if (posting === "unkeyed" && (isTimeout(e) || isConnectionLost(e))) {
          stats.gaveUp++;
          const what = isTimeout(e) ? `Slack did not answer within ${timeoutMs / 1000} s` : `the connection to Slack was lost before its answer (${e.message})`;
          throw new MaybeDone(`${what}; it may have posted all the same, so Steward does not post again (Slack has no idempotency key for posts)`, false, { cause: e });
        }
        if (posting === "keyed" && !isRateLimitRetry(e)) {
          stats.gaveUp++;
          const what = isTimeout(e) ? `Slack did not answer within ${timeoutMs / 1000} s` : `Slack: ${e.message}`;
          throw new MaybeDone(`${what}; it may have posted all the same, so a retry first looks for the post (its key is in the message's metadata)`, true, { cause: e });
        }
        if ((e.retriesLeft ?? 0) > 0) stats.retried++;
        else stats.gaveUp++;
        log.warn({ err: e.message, retriesLeft: e.retriesLeft }, "slack: Web API call failed");
      },
    };
    const client = new webApi.WebClient(token, { logger: boltLogger(log), timeout: timeoutMs, ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig });
    client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfter: number) => {
      stats.rateLimited++;
      log.warn({ retryAfter }, "slack: rate limited; waiting Retry-After");
    });
    return client;
  };
  return { client: make("no"), posts: make("unkeyed"), keyedPosts: make("keyed"), stats };
}
