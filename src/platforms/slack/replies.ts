// Answers to commands and button presses. Slack gives each a response_url (valid 30 minutes, five
// posts); the `respond` action posts the reply there as an ephemeral message. A consent answer
// (a press on a DM's button) replaces the request: its text, the answer, no buttons left.
import { randomUUID } from "node:crypto";
import type { CommandReply } from "../../core/reply.js";
import { parseTestimonialButton } from "../../testimonials/custom-id.js";
import { replyMessage } from "./blocks.js";

const LIFETIME_MS = 30 * 60_000;

export interface PendingReply {
  responseUrl: string | undefined;
  channel: string | undefined;
  user: string;
  /** The pressed button's id, for a button press. */
  customId?: string;
  /** The text of the message the button was on. */
  messageText?: string;
}

export class ReplyDesk {
  private readonly pending = new Map<string, { reply: PendingReply; expiry: NodeJS.Timeout }>();

  /** Stores how to answer; the handle travels in the event as replyHandle. */
  open(reply: PendingReply): string {
    const handle = randomUUID();
    this.pending.set(handle, { reply, expiry: setTimeout(() => this.pending.delete(handle), LIFETIME_MS).unref() });
    return handle;
  }

  take(handle: string | undefined): PendingReply | null {
    const entry = handle ? this.pending.get(handle) : undefined;
    if (!entry) return null;
    clearTimeout(entry.expiry);
    this.pending.delete(handle!);
    return entry.reply;
  }

  close(): void {
    for (const { expiry } of this.pending.values()) clearTimeout(expiry);
    this.pending.clear();
  }
}

/** The JSON posted to the response_url. */
export function responseBody(p: PendingReply, r: CommandReply): Record<string, unknown> {
  if (p.customId && parseTestimonialButton(p.customId) && r.tone === "done") {
    const answer = r.lines.map((l) => `*${l}*`).join("\n");
    const text = p.messageText ? `${p.messageText}\n\n${answer}` : answer;
    return { replace_original: true, text, blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }] };
  }
  return { response_type: "ephemeral", replace_original: false, ...replyMessage(r) };
}

/** Posts to a response_url; throws with Slack's answer when it is refused. */
export async function postResponse(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw Object.assign(new Error(`Slack refused the response (${res.status}: ${(await res.text()).slice(0, 200)})`), { status: res.status });
}
