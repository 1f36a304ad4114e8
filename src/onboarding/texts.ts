// Onboarding's own messages: the default decline text (English and Bengali) and the raid
// alerts moderators read.
import type { RaidEnded, RaidSettings } from "./raid.js";
import { renderTemplate, type TemplateText, type TemplateValues } from "./template.js";

const DEFAULT_DECLINE: TemplateText = {
  en: "Thanks for your interest in {community}. We could not approve your request: {reason}. You are welcome to apply again.",
  bn: "{community}-এ যোগ দিতে চাওয়ার জন্য ধন্যবাদ। আপনার অনুরোধ অনুমোদন করা যায়নি: {reason}। আপনি আবার আবেদন করতে পারেন।",
};

export function declineTextFor(custom: TemplateText | undefined, language: "en" | "bn", values: TemplateValues): string {
  return renderTemplate(custom ?? DEFAULT_DECLINE, language, values);
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 1 ? `${Math.round(ms / 1000)} s` : `${m} min`;
}

function listed(members: readonly string[], max = 20): string {
  const shown = members.slice(0, max).map((m) => `<@${m}>`).join(", ");
  return members.length > max ? `${shown} and ${members.length - max} more` : shown;
}

export function raidStartedText(members: readonly string[], s: RaidSettings): string {
  return `Raid guard: ${members.length} members joined within ${minutes(s.within)} (${listed(members)}). New members go to review and welcomes pause until ${minutes(s.calm)} pass without such a burst, or a moderator ends raid mode.`;
}

export function raidEndedText(e: RaidEnded): string {
  const how = e.by === "calm" ? "after a calm period" : "by a moderator";
  return `Raid mode ended ${how}. ${e.members.length} member${e.members.length === 1 ? "" : "s"} joined during it${e.members.length ? ` (${listed(e.members)})` : ""}; they wait in the review queue.`;
}
