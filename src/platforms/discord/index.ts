export { DiscordAdapter, DISCORD_INTENTS, type DiscordAdapterOptions } from "./adapter.js";
export { DiscordLoginError } from "./errors.js";
export { DiscordSettingsProvider } from "./settings.js";
export { MODERATOR_ROLE, isDiscordModerator, protectedReason } from "./permissions.js";
