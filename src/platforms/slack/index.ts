export { SlackAdapter, SlackLoginError, type SlackAdapterOptions } from "./adapter.js";
export { SlackSettingsProvider } from "./settings.js";
export { SLACK_MODERATOR_ROLE } from "./members.js";
export { slackCapabilities, type SlackCapabilities, type SlackGrants } from "./capabilities.js";
export { parseStewardText } from "./commands.js";
export { SLACK_EVENTS_PATH } from "./http.js";
export type { SlackApiStats, SlackApiTuning } from "./api-client.js";
