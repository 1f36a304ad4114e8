// Zero-configuration moderators on Slack: workspace admins and owners carry the synthetic role
// `slack-admin` (members.ts); this provider makes every community's moderatorRoles include it,
// whatever the settings file lists (settings objects are copied, never mutated).
import { SettingsProvider } from "../../config/settings.js";
import type { CommunitySettings } from "../../config/settings-schema.js";
import { SLACK_MODERATOR_ROLE } from "./members.js";

export class SlackSettingsProvider extends SettingsProvider {
  private readonly withModerator = new Map<string, { from: CommunitySettings; settings: CommunitySettings }>();

  override get(community: string): CommunitySettings {
    const s = super.get(community);
    const cached = this.withModerator.get(community);
    if (cached?.from === s) return cached.settings;
    const settings = s.moderatorRoles.some((r) => r.toLowerCase() === SLACK_MODERATOR_ROLE) ? s : { ...s, moderatorRoles: [...s.moderatorRoles, SLACK_MODERATOR_ROLE] };
    this.withModerator.set(community, { from: s, settings });
    return settings;
  }
}
