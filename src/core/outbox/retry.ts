// When to try a failed action again. Failures the platform calls temporary (rate limits, 5xx,
// timeouts: `retryable`) are retried with exponential backoff and jitter, never sooner than the
// platform's retry_after; anything else, or the last attempt, is final.
import type { ActionOutcome } from "../actions.js";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff; doubled each attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** An attempt that takes longer counts as failed (retryable): the platform call is abandoned. */
  attemptTimeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 60_000, attemptTimeoutMs: 30_000 };

/** Milliseconds to wait before attempt `attempt + 1`, or null when `outcome` is final. */
export function retryDelay(policy: RetryPolicy, attempt: number, outcome: ActionOutcome, random = Math.random): number | null {
  if (outcome.status !== "failed" || !outcome.retryable || attempt >= policy.attempts) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Full jitter on the upper half: instances retrying together spread out.
  const jittered = backoff / 2 + (random() * backoff) / 2;
  return Math.max(jittered, outcome.retryAfterMs ?? 0);
}
