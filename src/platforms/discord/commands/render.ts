// A neutral command reply as a Discord message: one embed (title, lines, fields, colour by tone)
// and rows of buttons. Discord's limits are applied here (title 256, description 4096, 25 fields of 1024).
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from "discord.js";
import type { CommandReply } from "../../../core/reply.js";

const COLORS: Record<CommandReply["tone"], number> = { info: 0x5865f2, done: 0x23a55a, refused: 0xf0b232, error: 0xda373c };
const STYLES = { primary: ButtonStyle.Primary, secondary: ButtonStyle.Secondary, success: ButtonStyle.Success, danger: ButtonStyle.Danger } as const;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function replyEmbed(r: CommandReply): APIEmbed {
  const embed: APIEmbed = { color: COLORS[r.tone] };
  if (r.title) embed.title = cut(r.title, 256);
  if (r.lines.length) embed.description = cut(r.lines.join("\n"), 4096);
  if (r.fields.length) embed.fields = r.fields.slice(0, 25).map((f) => ({ name: cut(f.name, 256), value: cut(f.value, 1024), inline: f.inline }));
  return embed;
}

export function replyComponents(r: CommandReply): APIActionRowComponent<APIButtonComponent>[] {
  return r.buttons.map((row) => ({
    type: ComponentType.ActionRow,
    components: row.map((b) => ({ type: ComponentType.Button, style: STYLES[b.style], label: cut(b.label, 80), custom_id: b.id })),
  }));
}

/** The body of reply()/editReply(): no pings from a reply. */
export function replyMessage(r: CommandReply) {
  return { embeds: [replyEmbed(r)], components: replyComponents(r), allowedMentions: { parse: [] } };
}
