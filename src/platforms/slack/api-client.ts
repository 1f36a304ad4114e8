// The Web API clients Steward acts with, and what Slack's faults cost them. @slack/web-api retries
// a call (p-retry) when the answer is HTTP 429 — after waiting the Retry-After seconds, with every
// call of the client paused meanwhile — and on 5xx answers, timeouts and network errors; an
// `ok: false` answer (Slack's refusal) is never retried. Steward keeps the retries few (an outage
// must not stall the event queue for long) and bounds each request by a timeout.
//
// A call whose answer did not come in time may have been done by Slack all the same. Deleting
// and removing are safe to send again (the second answer says "already gone"); posting is not —
// chat.postMessage has no idempotency key — so the client that posts does not retry after a timeout.
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
  /** Calls given up after their retries (or, for posts, after a timeout). */
  gaveUp: number;
}

/** A post whose answer did not come in time: Slack may have posted it, so it is not sent again. */
export class MaybeDone extends Error {}

export function isTimeout(e: unknown): boolean {
  const err = e as { code?: string; original?: { name?: string } };
  return err?.code === "slack_webapi_request_error" && (err.original?.name === "TimeoutError" || err.original?.name === "AbortError");
}

export function apiClients(token: string, log: Logger, apiUrl: string | undefined, tuning: SlackApiTuning = {}): { client: WebClient; posts: WebClient; stats: SlackApiStats } {
  const stats: SlackApiStats = { rateLimited: 0, retried: 0, gaveUp: 0 };
  const timeoutMs = tuning.timeoutMs ?? 10_000;
  const make = (postsOnly: boolean) => {
    const retries = tuning.retries ?? 3;
    // p-retry's options; onFailedAttempt is p-retry's hook (web-api's RetryOptions type leaves it out).
    const retryConfig = {
      retries,
      factor: 2,
      minTimeout: tuning.minRetryMs ?? 500,
      maxTimeout: 4000,
      onFailedAttempt: (e: Error & { retriesLeft?: number }) => {
        if (postsOnly && isTimeout(e)) {
          stats.gaveUp++;
          throw new MaybeDone(`Slack did not answer within ${timeoutMs / 1000} s; it may have posted all the same, so Steward does not post again (Slack has no idempotency key for posts)`, { cause: e });
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
  return { client: make(false), posts: make(true), stats };
}
