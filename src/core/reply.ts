// A platform-neutral answer to the member who invoked a command: a title, lines, fields and
// optional buttons. Platforms render it (Discord: an embed in an ephemeral interaction reply).
import { z } from "zod";

export const replyButton = z.object({
  /** Comes back as `interaction.responded` customId when pressed (at most 100 characters). */
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(80),
  style: z.enum(["primary", "secondary", "success", "danger"]).default("secondary"),
});

export const replyField = z.object({ name: z.string().min(1), value: z.string().min(1), inline: z.boolean().default(false) });

export const commandReply = z.object({
  title: z.string().optional(),
  lines: z.array(z.string()).default([]),
  fields: z.array(replyField).default([]),
  /** Rows of buttons (each row at most 5). */
  buttons: z.array(z.array(replyButton).max(5)).max(5).default([]),
  /** Only the invoker sees it. Replies to moderators always are. */
  ephemeral: z.boolean().default(true),
  /** done: the command did what was asked; refused: not allowed or not possible; error: bad input or a failure. */
  tone: z.enum(["info", "done", "refused", "error"]).default("info"),
});

export type CommandReply = z.infer<typeof commandReply>;
export type CommandReplyInput = z.input<typeof commandReply>;
export type ReplyButton = z.infer<typeof replyButton>;

export function reply(input: CommandReplyInput): CommandReply {
  return commandReply.parse(input);
}

/** A plain-text form (logs, replay printout, platforms without rich messages). */
export function replyText(r: CommandReply): string {
  const parts: string[] = [];
  if (r.title) parts.push(r.title);
  parts.push(...r.lines);
  for (const f of r.fields) parts.push(`${f.name}: ${f.value}`);
  return parts.join("\n");
}
