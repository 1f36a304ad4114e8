// Slack Events API payloads → Steward events. community = team id, channel = channel id,
// member = user id, message id = the message's ts. Builders return null for what Steward does not
// watch: bots (and Steward itself), direct messages, system subtypes (joins, topic changes …).
import { stewardEvent, type StewardEvent, type StewardEventInput } from "../../core/events.js";
import { emojiOf } from "./emoji.js";

/** The parts of a Slack message event Steward reads. */
export interface SlackMessage {
  type?: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  deleted_ts?: string;
  files?: unknown[];
  message?: SlackMessage;
  previous_message?: SlackMessage;
  event_ts?: string;
}

export interface Author {
  roles: string[];
  name?: string;
}

const parse = (input: StewardEventInput): StewardEvent => stewardEvent.parse(input);

/** Slack's ts ("1700000000.000100", seconds) as an ISO time. */
export function tsToIso(ts: string | undefined): string {
  const n = ts ? Number(ts) : NaN;
  return new Date(Number.isFinite(n) ? Math.round(n * 1000) : Date.now()).toISOString();
}

/** Subtypes that are a person's words: plain messages, thread replies also sent to the channel, files with text. */
const SPOKEN = new Set([undefined, "thread_broadcast", "file_share", "me_message"]);

export function inChannel(m: SlackMessage): boolean {
  return m.channel_type === "channel" || m.channel_type === "group";
}

/** Whether a message (or an edited message's new version) is from a person other than Steward. */
export function fromPerson(m: SlackMessage, botUserId: string): boolean {
  return Boolean(m.user) && !m.bot_id && m.user !== botUserId && m.subtype !== "bot_message";
}

function mentionsOf(text: string): { mentions: string[]; everyone: boolean } {
  const mentions = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((x) => x[1]!);
  return { mentions: [...new Set(mentions)], everyone: /<!(?:channel|everyone|here)(?:\|[^>]*)?>/.test(text) };
}

function body(m: SlackMessage, author: Author) {
  const text = m.text ?? "";
  const { mentions, everyone } = mentionsOf(text);
  return {
    id: m.ts!,
    author: m.user!,
    text,
    ...(m.thread_ts && m.thread_ts !== m.ts ? { thread: m.thread_ts, replyTo: m.thread_ts } : {}),
    attachments: m.files?.length ?? 0,
    mentions,
    mentionsEveryone: everyone,
    authorRoles: author.roles,
    ...(author.name ? { authorName: author.name } : {}),
  };
}

export function messageCreated(team: string, m: SlackMessage, author: Author): StewardEvent | null {
  if (!m.channel || !m.ts || !SPOKEN.has(m.subtype)) return null;
  return parse({ type: "message.created", platform: "slack", at: tsToIso(m.ts), community: team, channel: m.channel, message: body(m, author) });
}

/** message_changed: the new version, when its text changed (Slack also sends it for unfurls). */
export function messageEdited(team: string, e: SlackMessage, author: Author): StewardEvent | null {
  const m = e.message;
  if (!e.channel || !m?.ts || !m.user) return null;
  if (e.previous_message && e.previous_message.text === m.text) return null;
  return parse({ type: "message.edited", platform: "slack", at: tsToIso(e.event_ts ?? e.ts), community: team, channel: e.channel, message: body({ ...m, channel: e.channel }, author) });
}

export function messageDeleted(team: string, e: SlackMessage): StewardEvent | null {
  if (!e.channel || !e.deleted_ts) return null;
  return parse({ type: "message.deleted", platform: "slack", at: tsToIso(e.event_ts ?? e.ts), community: team, channel: e.channel, message: e.deleted_ts });
}

export interface SlackReaction {
  user?: string;
  reaction?: string;
  item?: { type?: string; channel?: string; ts?: string };
  event_ts?: string;
}

export function reactionAdded(team: string, r: SlackReaction): StewardEvent | null {
  if (!r.user || !r.reaction || r.item?.type !== "message" || !r.item.channel || !r.item.ts) return null;
  return parse({ type: "reaction.added", platform: "slack", at: tsToIso(r.event_ts), community: team, channel: r.item.channel, message: r.item.ts, member: r.user, emoji: emojiOf(r.reaction) });
}

export function memberJoined(team: string, user: { id: string; name?: string; roles: string[]; avatar: boolean; bot: boolean }): StewardEvent | null {
  if (user.bot) return null;
  return parse({
    type: "member.joined",
    platform: "slack",
    at: new Date().toISOString(),
    community: team,
    member: { id: user.id, ...(user.name ? { name: user.name } : {}), roles: user.roles, avatar: user.avatar, bot: false },
  });
}

/** A member seen joining a channel (member_joined_channel): their current name and roles. */
export function memberSeen(team: string, id: string, author: Author): StewardEvent {
  return parse({ type: "member.updated", platform: "slack", at: new Date().toISOString(), community: team, member: { id, roles: author.roles, ...(author.name ? { name: author.name } : {}) } });
}
