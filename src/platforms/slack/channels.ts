// Channels by id or by name (settings files say "mod-log" or "#welcome"), and the mod log:
// channels.modLog from the community's settings, else a channel named mod-log. Names are looked up
// with conversations.list (channels:read, groups:read) and cached for five minutes.
import type { WebClient } from "./bolt.js";
import { Refused } from "./errors.js";

const ID = /^[CGD][A-Z0-9]{6,}$/;
const TTL_MS = 5 * 60_000;

export class SlackChannels {
  private names: { byName: Map<string, string>; general: string | null; until: number } | null = null;

  constructor(private readonly client: WebClient) {}

  /** The channel id for an id or a name; Refused when there is no such channel. */
  async resolve(channel: string): Promise<string> {
    if (ID.test(channel)) return channel;
    const name = channel.replace(/^#/, "").toLowerCase();
    const id = (await this.load()).byName.get(name);
    if (!id) throw new Refused(`the workspace has no channel named #${name} that Steward can see`);
    return id;
  }

  /** The mod log's id, or null. */
  async modLog(configured: string | undefined): Promise<string | null> {
    if (configured) {
      try {
        return await this.resolve(configured);
      } catch {
        // fall through to mod-log
      }
    }
    return (await this.load()).byName.get("mod-log") ?? null;
  }

  /** Whether the channel is #general (Slack lets nobody be removed from it). */
  async isGeneral(id: string): Promise<boolean> {
    return (await this.load()).general === id;
  }

  private async load(): Promise<{ byName: Map<string, string>; general: string | null; until: number }> {
    if (this.names && this.names.until > Date.now()) return this.names;
    const byName = new Map<string, string>();
    let general: string | null = null;
    let cursor: string | undefined;
    do {
      const r = await this.client.conversations.list({ types: "public_channel,private_channel", exclude_archived: true, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const c of r.channels ?? []) {
        if (!c.id || !c.name) continue;
        byName.set(c.name.toLowerCase(), c.id);
        if (c.is_general) general = c.id;
      }
      cursor = r.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.names = { byName, general, until: Date.now() + TTL_MS };
    return this.names;
  }
}
