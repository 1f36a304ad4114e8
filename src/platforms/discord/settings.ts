// Zero-configuration moderators on Discord: the adapter marks moderators with the synthetic role
// `moderator` (see permissions.ts). This provider makes sure every community's moderatorRoles
// includes it, whatever the settings file lists (settings objects are copied, never mutated).
import { SettingsProvider } from "../../config/settings.js";
import type { CommunitySettings } from "../../config/settings-schema.js";
import { MODERATOR_ROLE } from "./permissions.js";

export class DiscordSettingsProvider extends SettingsProvider {
  private readonly withModerator = new Map<string, { from: CommunitySettings; settings: CommunitySettings }>();

  override get(community: string): CommunitySettings {
    const s = super.get(community);
    const cached = this.withModerator.get(community);
    if (cached?.from === s) return cached.settings;
    const settings = s.moderatorRoles.some((r) => r.toLowerCase() === MODERATOR_ROLE) ? s : { ...s, moderatorRoles: [...s.moderatorRoles, MODERATOR_ROLE] };
    this.withModerator.set(community, { from: s, settings });
    return settings;
  }
}
