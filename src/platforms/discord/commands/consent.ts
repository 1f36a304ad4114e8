// The buttons under a direct message (a testimonial consent request) and the request once
// answered: its text followed by the answer, its buttons disabled (the chosen one keeps its colour).
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type Message } from "discord.js";
import type { CommandReply, ReplyButton } from "../../../core/reply.js";
import { replyComponents } from "./render.js";

/** One row of the action's buttons (directMessage allows at most 5). */
export function dmComponents(buttons: readonly ReplyButton[] | undefined): APIActionRowComponent<APIButtonComponent>[] {
  return buttons?.length ? replyComponents({ title: undefined, lines: [], fields: [], buttons: [[...buttons]], ephemeral: true, tone: "info" }) : [];
}

/** The body of interaction.update(): the request's text and the answer, no button left to press. */
export function answeredConsentMessage(message: Message, pressed: string, reply: CommandReply) {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (const row of message.components) {
    const json = row.toJSON() as { type: number; components?: APIButtonComponent[] };
    if (json.type !== ComponentType.ActionRow || !json.components) continue;
    rows.push({
      type: ComponentType.ActionRow,
      components: json.components.map((b) => {
        const chosen = "custom_id" in b && b.custom_id === pressed;
        return { ...b, disabled: true, ...(chosen || b.style === ButtonStyle.Link ? {} : { style: ButtonStyle.Secondary }) } as APIButtonComponent;
      }),
    });
  }
  const answer = reply.lines.map((l) => `**${l}**`).join("\n");
  const content = (message.content ? `${message.content}\n\n${answer}` : answer).slice(0, 2000);
  return { content, components: rows, allowedMentions: { parse: [] } };
}
