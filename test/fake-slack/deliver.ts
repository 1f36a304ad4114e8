// What Slack sends to an app's request URL, signed as Slack signs it: the headers
// X-Slack-Request-Timestamp and X-Slack-Signature = "v0=" + HMAC-SHA256(secret, "v0:" + timestamp + ":" + body).
import { createHmac } from "node:crypto";

export interface Delivery {
  status: number;
  text: string;
}

export interface SignOptions {
  /** Seconds since the epoch (default now). */
  timestamp?: number;
  /** Sign with this secret instead (a forged request). */
  secret?: string;
  /** More headers: Slack's retry headers (x-slack-retry-num, x-slack-retry-reason). */
  headers?: Record<string, string>;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function deliver(url: string, secret: string, body: string, contentType: string, o: SignOptions = {}): Promise<Delivery> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(o.secret ?? secret, timestamp, body), ...o.headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

let eventSeq = 0;

/** An Events API delivery (event_callback) of one event. */
export function eventBody(team: string, event: Record<string, unknown>): string {
  return JSON.stringify({ token: "legacy", team_id: team, api_app_id: "ASTEWARD1", type: "event_callback", event_id: `Ev${++eventSeq}`, event_time: Math.floor(Date.now() / 1000), event });
}

/** Slack's headers on a redelivery: the attempt number (1–3) and why ("http_timeout", "http_error" …). */
export function retryHeaders(num: number, reason = "http_timeout"): Record<string, string> {
  return { "x-slack-retry-num": String(num), "x-slack-retry-reason": reason };
}

export function deliverEvent(url: string, secret: string, team: string, event: Record<string, unknown>, o: SignOptions = {}): Promise<Delivery> {
  return deliver(url, secret, eventBody(team, event), "application/json", o);
}

/** A slash command as Slack posts it (form-encoded). */
export function deliverCommand(url: string, secret: string, fields: { team: string; user: string; channel: string; text: string; responseUrl: string }): Promise<Delivery> {
  const body = new URLSearchParams({
    token: "legacy",
    team_id: fields.team,
    team_domain: "acme",
    channel_id: fields.channel,
    channel_name: "general",
    user_id: fields.user,
    user_name: fields.user,
    command: "/steward",
    text: fields.text,
    api_app_id: "ASTEWARD1",
    response_url: fields.responseUrl,
    trigger_id: `trigger.${Date.now()}`,
  }).toString();
  return deliver(url, secret, body, "application/x-www-form-urlencoded");
}

/** A button press (block_actions) as Slack posts it: payload=<json>. */
export function deliverButton(url: string, secret: string, fields: { team: string; user: string; channel: string; actionId: string; responseUrl: string; messageText?: string }): Promise<Delivery> {
  const payload = {
    type: "block_actions",
    team: { id: fields.team, domain: "acme" },
    user: { id: fields.user, team_id: fields.team },
    api_app_id: "ASTEWARD1",
    token: "legacy",
    channel: { id: fields.channel },
    container: { type: "message", channel_id: fields.channel, message_ts: "1800000000.000001" },
    message: { type: "message", ts: "1800000000.000001", text: fields.messageText ?? "" },
    response_url: fields.responseUrl,
    trigger_id: `trigger.${Date.now()}`,
    actions: [{ type: "button", action_id: fields.actionId, block_id: "b1", value: fields.actionId, action_ts: String(Date.now() / 1000) }],
  };
  return deliver(url, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
}

/** A message shortcut (message_action) as Slack posts it: payload=<json>. */
export function deliverShortcut(url: string, secret: string, fields: { team: string; user: string; channel: string; callbackId: string; message: { ts: string; user: string; text: string }; responseUrl: string }): Promise<Delivery> {
  const payload = {
    type: "message_action",
    token: "legacy",
    action_ts: String(Date.now() / 1000),
    team: { id: fields.team, domain: "acme" },
    user: { id: fields.user, name: fields.user },
    channel: { id: fields.channel, name: "help" },
    callback_id: fields.callbackId,
    trigger_id: `trigger.${Date.now()}`,
    message_ts: fields.message.ts,
    message: { type: "message", ...fields.message },
    response_url: fields.responseUrl,
  };
  return deliver(url, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
}

/** A modal's submission (view_submission) as Slack posts it: payload=<json>; values by block_id, then action_id. */
export function deliverViewSubmission(url: string, secret: string, fields: { team: string; user: string; callbackId: string; privateMetadata?: string; values: Record<string, Record<string, Record<string, unknown>>> }): Promise<Delivery> {
  const payload = {
    type: "view_submission",
    team: { id: fields.team, domain: "acme" },
    user: { id: fields.user, username: fields.user, team_id: fields.team },
    api_app_id: "ASTEWARD1",
    token: "legacy",
    trigger_id: `trigger.${Date.now()}`,
    view: { id: "V0000001", type: "modal", callback_id: fields.callbackId, private_metadata: fields.privateMetadata ?? "", team_id: fields.team, state: { values: fields.values }, hash: "1" },
    response_urls: [],
  };
  return deliver(url, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
}
