// The button ids of a consent request: steward:testimonial:<community>:<message>:<choice>.
// They come back as `interaction.responded` customId (Discord allows 100 characters: a guild
// snowflake and a message snowflake fit). The community is in the id because an answer
// pressed in a DM arrives without a server.
import { consentChoices, type ConsentChoice } from "./state.js";

const PREFIX = "steward:testimonial:";
export type ButtonChoice = ConsentChoice | "withdraw";

export function testimonialButtonId(community: string, message: string, choice: ButtonChoice): string {
  return `${PREFIX}${community}:${message}:${choice}`;
}

export function parseTestimonialButton(customId: string): { community: string; message: string; choice: ButtonChoice } | null {
  if (!customId.startsWith(PREFIX)) return null;
  const parts = customId.slice(PREFIX.length).split(":");
  if (parts.length < 3) return null;
  const choice = parts.pop()!;
  const message = parts.pop()!;
  const community = parts.join(":");
  if (!community || !message) return null;
  if (choice !== "withdraw" && !(consentChoices as readonly string[]).includes(choice)) return null;
  return { community, message, choice: choice as ButtonChoice };
}
