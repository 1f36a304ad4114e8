// The mod-log channel and what Steward posts there.
import { ChannelType, EmbedBuilder, type Guild, type TextChannel } from "discord.js";
import type { Action } from "../../core/actions.js";

/**
 * The configured channel (id, name or #name), else a text channel named `mod-log`.
 * Null when neither exists.
 */
export function findModLog(guild: Guild, configured: string | undefined): TextChannel | null {
  const text = guild.channels.cache.filter((c): c is TextChannel => c.type === ChannelType.GuildText);
  if (configured) {
    const name = configured.replace(/^#/, "").toLowerCase();
    const found = text.get(configured) ?? text.find((c) => c.name.toLowerCase() === name);
    if (found) return found;
  }
  return text.find((c) => c.name === "mod-log") ?? null;
}

/** An embed: title "Case #N · guideline/rule" (from the action's reason "guideline/rule: explain"), the alert text. */
export function modLogEmbed(a: Action, text: string): EmbedBuilder {
  const rule = /^([\w.-]+\/[\w.-]+):/.exec(a.reason)?.[1];
  const title = [a.caseNumber ? `Case #${a.caseNumber}` : "", rule ?? ""].filter(Boolean).join(" · ") || "Steward";
  const embed = new EmbedBuilder().setTitle(title.slice(0, 256)).setDescription(text.slice(0, 4096) || "(no text)").setColor(a.kind === "holdForReview" ? 0xf0b232 : 0xda373c);
  if (rule) embed.addFields({ name: "Guideline / rule", value: rule, inline: true });
  if (a.caseNumber) embed.addFields({ name: "Case", value: `#${a.caseNumber}`, inline: true });
  return embed;
}
