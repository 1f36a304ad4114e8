// Slack Web API errors as action outcomes: Slack's refusals (not_in_channel, cant_delete_message,
// missing_scope …) are "refused" with Slack's error code and what it means, never worth repeating;
// what outlasted the client's retries — 429s, 5xx answers, timeouts, network trouble — is "failed"
// and retryable (later, by whoever keeps the action); other HTTP answers are failed for good; a post
// that may have landed (MaybeDone) is failed, retryable only when it carried the outbox's key (the
// retry looks for it before posting), so it is never doubled.
import type { ActionOutcome } from "../../core/actions.js";
import { MaybeDone, isTimeout } from "./api-client.js";

/** A refusal found before calling Slack. */
export class Refused extends Error {}

const MEANING: Record<string, string> = {
  not_in_channel: "Steward is not in the channel (invite it with /invite @Steward)",
  channel_not_found: "no such channel, or Steward cannot see it",
  cant_delete_message: "this token may not delete that message",
  message_not_found: "the message is gone",
  cant_kick_from_general: "nobody can be removed from #general",
  cant_kick_self: "Steward cannot remove itself",
  restricted_action: "the workspace's settings forbid it",
  user_not_found: "no such member",
  user_not_in_channel: "the member is not in the channel",
  not_authed: "no token",
  invalid_auth: "the token is invalid",
  account_inactive: "the token's account is deactivated",
  token_revoked: "the token was revoked",
  is_archived: "the channel is archived",
  cannot_dm_bot: "bots cannot be messaged",
  expired_url: "the command's response URL expired (30 minutes)",
};

interface SlackErrorShape {
  code?: string;
  data?: { error?: string; needed?: string; provided?: string };
  statusCode?: number;
  status?: number;
  message?: string;
}

export function slackError(e: unknown): { error: string; detail: string } | null {
  const err = e as SlackErrorShape;
  if (err?.code !== "slack_webapi_platform_error" || !err.data?.error) return null;
  const code = err.data.error;
  const needed = code === "missing_scope" && err.data.needed ? `: the token needs the ${err.data.needed} scope${err.data.provided ? ` (it has ${err.data.provided})` : ""}` : "";
  const meaning = MEANING[code];
  return { error: code, detail: `Slack: ${code}${needed}${meaning ? ` (${meaning})` : ""}` };
}

/** Slack's refusal explained, or the error's message: for logs and outcome details. */
export function slackErrorText(e: unknown): string {
  return slackError(e)?.detail ?? (e instanceof Error ? e.message : String(e));
}

export function failure(e: unknown): ActionOutcome {
  if (e instanceof Refused) return { status: "refused", detail: e.message };
  if (e instanceof MaybeDone) return { status: "failed", detail: e.message, retryable: e.retryable };
  const platform = slackError(e);
  if (platform) {
    if (platform.error === "ratelimited" || platform.error === "internal_error" || platform.error === "fatal_error") return { status: "failed", detail: platform.detail, retryable: true };
    return { status: "refused", detail: platform.detail };
  }
  const err = e as SlackErrorShape & { retriesLeft?: number; attemptNumber?: number };
  const tries = err?.attemptNumber ? ` after ${err.attemptNumber} attempt${err.attemptNumber === 1 ? "" : "s"}` : "";
  const message = e instanceof Error ? e.message : String(e);
  // @slack/web-api gives up on a 429 with a plain Error naming the Retry-After.
  const limited = /rate limit was exceeded.*retry-after: (\d+)/i.exec(message);
  if (limited) return { status: "failed", detail: `Slack: rate limited (HTTP 429, Retry-After ${limited[1]} s)${tries}`, retryable: true };
  if (err?.code === "slack_webapi_http_error") {
    const status = err.statusCode ?? 0;
    return { status: "failed", detail: `Slack: HTTP ${status}${tries}`, retryable: status >= 500 || status === 429 || status === 408 };
  }
  if (isTimeout(e)) return { status: "failed", detail: `Slack: no answer in time${tries}`, retryable: true };
  if (err?.code === "slack_webapi_request_error") return { status: "failed", detail: `Slack: ${message}${tries}`, retryable: true };
  const status = err?.statusCode ?? err?.status;
  return { status: "failed", detail: `Slack: ${message}`, retryable: status === undefined || status >= 500 || status === 429 };
}
