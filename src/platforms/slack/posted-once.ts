// Slack has no idempotency key for chat.postMessage, so a keyed action's post carries its key in the
// message's metadata (`steward_action`, { key }) and, when the outbox says the action may have been
// tried before (a retry, or a key a crash left pending), the adapter first reads the conversation's
// latest messages (conversations.history or, in a thread, conversations.replies, with
// include_all_metadata) for a message by Steward with that key. Found: nothing is posted again. The
// look-up failing (a missing history scope, a rate limit …) never stops the post: it is posted, and
// the outcome says it was not checked.
import type { WebClient } from "./bolt.js";

export const METADATA_EVENT = "steward_action";

/** How many of the conversation's latest messages are searched (a repeat comes soon after the first try). */
export const LOOKBACK = 50;

export function keyMetadata(key: string): { event_type: string; event_payload: { key: string } } {
  return { event_type: METADATA_EVENT, event_payload: { key } };
}

/** What one perform() learned about its posts: for the outcome's detail. */
export interface PostAttempt {
  key: string | undefined;
  mayBeRepeat: boolean;
  /** Posts skipped because the conversation already had them. */
  found: number;
  /** Look-ups that failed (their posts went out unchecked), with why. */
  unchecked: string[];
}

export function postAttempt(key: string | undefined, mayBeRepeat: boolean): PostAttempt {
  return { key, mayBeRepeat, found: 0, unchecked: [] };
}

interface HistoryMessage {
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  files?: unknown[];
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export interface Where {
  channel: string;
  /** The thread the post goes to (its replies are not in conversations.history). */
  thread?: string | undefined;
  /** File uploads cannot carry metadata: Steward's message with files and this text counts. */
  uploadText?: string;
}

/** Steward's identity in messages: its bot user and bot ids. */
export interface Self {
  userId: string;
  botId: string;
}

/** The ts of Steward's message carrying `key` among the latest messages of `where`, or null. Throws when Slack will not say. */
export async function findEarlierPost(client: WebClient, self: Self, where: Where, key: string): Promise<string | null> {
  const page = where.thread
    ? await client.conversations.replies({ channel: where.channel, ts: where.thread, limit: LOOKBACK * 4, include_all_metadata: true })
    : await client.conversations.history({ channel: where.channel, limit: LOOKBACK, include_all_metadata: true });
  const mine = (m: HistoryMessage) => (self.userId && m.user === self.userId) || (self.botId && m.bot_id === self.botId);
  const hit = ((page.messages ?? []) as HistoryMessage[]).find(
    (m) =>
      mine(m) &&
      ((m.metadata?.event_type === METADATA_EVENT && m.metadata.event_payload?.key === key) ||
        (where.uploadText !== undefined && Boolean(m.files?.length) && m.text === where.uploadText)),
  );
  return hit?.ts ?? null;
}
