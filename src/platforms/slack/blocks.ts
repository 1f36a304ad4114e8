// A neutral command reply as Slack Block Kit: the title in bold, the lines, the fields, and rows
// of buttons whose action_id is the button id (it comes back as interaction.responded customId).
// Slack's limits are applied here (3,000 characters a text block, 50 blocks, 25 buttons a row).
import type { CommandReply, ReplyButton } from "../../core/reply.js";
import { replyText } from "../../core/reply.js";

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

type Block = Record<string, unknown>;

export function buttonsBlock(row: readonly ReplyButton[]): Block {
  return {
    type: "actions",
    elements: row.map((b) => ({
      type: "button",
      text: { type: "plain_text", text: cut(b.label, 75) },
      action_id: b.id,
      value: b.id,
      ...(b.style === "primary" || b.style === "success" ? { style: "primary" } : b.style === "danger" ? { style: "danger" } : {}),
    })),
  };
}

export function replyBlocks(r: CommandReply): Block[] {
  const blocks: Block[] = [];
  const head = [r.title ? `*${r.title}*` : "", ...r.lines].filter(Boolean).join("\n");
  if (head) blocks.push({ type: "section", text: { type: "mrkdwn", text: cut(head, 3000) } });
  for (const f of r.fields.slice(0, 40)) blocks.push({ type: "section", text: { type: "mrkdwn", text: cut(`*${f.name}*\n${f.value}`, 3000) } });
  for (const row of r.buttons) blocks.push(buttonsBlock(row));
  return blocks.slice(0, 50);
}

/** The body of a response_url post or chat.postEphemeral: text (notifications, screen readers) and blocks. */
export function replyMessage(r: CommandReply): { text: string; blocks: Block[] } {
  return { text: cut(replyText(r), 3000), blocks: replyBlocks(r) };
}

/** A text with buttons under it (a consent request by DM). */
export function textWithButtons(text: string, buttons: readonly ReplyButton[] | undefined): { text: string; blocks?: Block[] } {
  if (!buttons?.length) return { text };
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: cut(text, 3000) } }, buttonsBlock(buttons)] };
}
