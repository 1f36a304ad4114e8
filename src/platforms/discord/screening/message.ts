// The gate message in the screening channel: one message of Steward's with the button that opens
// the questions. Posted when missing among the channel's recent messages, so restarts do not repost.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type Guild, type GuildTextBasedChannel, type Message } from "discord.js";
import { START_ID } from "./ids.js";

export const START_LABEL = "Answer the membership questions";
/** How far back Steward looks for its gate message. */
const RECENT = 50;

export interface GateChannels {
  /** onboarding.screening.channel (id, name or #name). */
  screening?: string | undefined;
  /** The welcome channel, the fallback when there is no channel named screening. */
  welcome?: string | undefined;
}

function byIdOrName(guild: Guild, ref: string): GuildTextBasedChannel | null {
  const name = ref.replace(/^#/, "").toLowerCase();
  const found = guild.channels.cache.get(ref) ?? guild.channels.cache.find((c) => c.name.toLowerCase() === name);
  return found?.isTextBased() ? found : null;
}

/** The configured channel; else a text channel named screening; else the welcome channel. */
export function screeningChannel(guild: Guild, channels: GateChannels): GuildTextBasedChannel | null {
  if (channels.screening) return byIdOrName(guild, channels.screening);
  return byIdOrName(guild, "screening") ?? (channels.welcome ? byIdOrName(guild, channels.welcome) : null);
}

function hasStartButton(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasStartButton);
  if (!value || typeof value !== "object") return false;
  const o = value as Record<string, unknown>;
  return o.custom_id === START_ID || hasStartButton(o.components) || hasStartButton(o.component);
}

function isGateMessage(m: Message, botId: string): boolean {
  return m.author.id === botId && hasStartButton(m.components.map((c) => c.toJSON()));
}

export function gateMessage(community: string): { content: string; components: ActionRowBuilder<ButtonBuilder>[] } {
  return {
    content: `New here? Answer a few questions to join ${community}. Only you see your answers and the moderators.`,
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(START_ID).setLabel(START_LABEL).setStyle(ButtonStyle.Primary))],
  };
}

/** Posts the gate message unless Steward's is among the channel's recent messages. */
export async function ensureGateMessage(channel: GuildTextBasedChannel, botId: string, community: string): Promise<"posted" | "present"> {
  const recent = await channel.messages.fetch({ limit: RECENT });
  if (recent.some((m) => isGateMessage(m, botId))) return "present";
  await channel.send({ ...gateMessage(community), allowedMentions: { parse: [] } });
  return "posted";
}
