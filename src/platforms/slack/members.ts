// Who is who in a workspace: users.info, cached. Slack has no roles, so workspace admins and
// owners carry the synthetic role `slack-admin` (SLACK_MODERATOR_ROLE), which SlackSettingsProvider
// lists among every community's moderator roles: zero configuration, admins are moderators.
import type { WebClient } from "./bolt.js";

export const SLACK_MODERATOR_ROLE = "slack-admin";

export interface SlackUser {
  id: string;
  name?: string;
  admin: boolean;
  owner: boolean;
  bot: boolean;
  deleted: boolean;
  /** The account has a profile picture of its own (Slack's default avatars are gravatar fallbacks). */
  avatar: boolean;
  roles: string[];
}

interface RawUser {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_bot?: boolean;
  profile?: { display_name?: string; real_name?: string; is_custom_image?: boolean };
}

export function slackUser(u: RawUser): SlackUser {
  const admin = Boolean(u.is_admin || u.is_owner || u.is_primary_owner);
  const name = u.profile?.display_name || u.profile?.real_name || u.real_name || u.name;
  return {
    id: u.id ?? "",
    ...(name ? { name } : {}),
    admin,
    owner: Boolean(u.is_owner || u.is_primary_owner),
    bot: Boolean(u.is_bot) || u.id === "USLACKBOT",
    deleted: Boolean(u.deleted),
    avatar: Boolean(u.profile?.is_custom_image),
    roles: admin ? [SLACK_MODERATOR_ROLE] : [],
  };
}

const TTL_MS = 10 * 60_000;

export class SlackMembers {
  private readonly cache = new Map<string, { user: SlackUser | null; until: number }>();

  constructor(private readonly client: WebClient) {}

  /** The user, or null when Slack does not know them (user_not_found). Other errors throw. */
  async get(id: string): Promise<SlackUser | null> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.user;
    let user: SlackUser | null;
    try {
      const r = await this.client.users.info({ user: id });
      user = slackUser(r.user as RawUser);
    } catch (e) {
      if ((e as { data?: { error?: string } }).data?.error !== "user_not_found") throw e;
      user = null;
    }
    this.cache.set(id, { user, until: Date.now() + TTL_MS });
    return user;
  }

  /** Fresh data from an event (team_join, user_change) replaces the cached entry. */
  remember(raw: RawUser): SlackUser {
    const user = slackUser(raw);
    if (user.id) this.cache.set(user.id, { user, until: Date.now() + TTL_MS });
    return user;
  }

  /** Roles for events; an unknown user has none (never a reason to drop the event). */
  async roles(id: string): Promise<{ roles: string[]; name?: string }> {
    try {
      const u = await this.get(id);
      return u ? { roles: u.roles, ...(u.name ? { name: u.name } : {}) } : { roles: [] };
    } catch {
      return { roles: [] };
    }
  }
}
