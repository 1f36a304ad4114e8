// The Discord screening gate: a button in the screening channel, modals with the membership
// questions (paged by 5), answers handed to the pipeline as `screening.answered`.
import type { CommunitySettings } from "../../../config/settings-schema.js";
import type { GateSettings } from "./gate.js";

export { ScreeningGate, type GateSettings, type ScreeningGateOptions } from "./gate.js";

/** The gate's view of a community's settings; null without screening questions. */
export function gateSettingsOf(s: Pick<CommunitySettings, "community" | "name" | "channels" | "onboarding">): GateSettings | null {
  const screening = s.onboarding?.screening;
  if (!screening?.questions.length) return null;
  return {
    name: s.name ?? s.community,
    questions: screening.questions,
    memberRole: screening.memberRole,
    channels: { screening: screening.channel, welcome: s.onboarding?.welcome?.channel ?? s.channels.welcome },
  };
}
