// Discord interactions → Steward events, and the interactions waiting for Steward's answer.
//
// An interaction must be acknowledged within 3 s. Commands marked slow are deferred at once
// (an ephemeral "thinking…"); the others are answered directly, unless the answer takes longer
// than DEFER_AFTER_MS, in which case they are deferred then too. The answer (the `respond` action)
// then edits the deferred reply. Tokens live 15 minutes; after that the entry is dropped.
import {
  ApplicationCommandOptionType,
  GuildMember,
  MessageFlags,
  RESTJSONErrorCodes,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type UserContextMenuCommandInteraction,
} from "discord.js";
import { stewardEvent, type StewardEvent } from "../../../core/events.js";
import type { CommandReply } from "../../../core/reply.js";
import { parseCommandButton } from "../../../commands/buttons.js";
import { parseTestimonialButton } from "../../../testimonials/custom-id.js";
import { testimonialCapture } from "../../../testimonials/commands.js";
import type { Logger } from "../../../log.js";
import { memberRoles } from "../permissions.js";
import { discordCommand, menuCommand } from "./definitions.js";
import { replyMessage } from "./render.js";
import { answeredConsentMessage } from "./consent.js";
import { alreadyDone } from "../outcomes.js";

export const DEFER_AFTER_MS = 2000;
const TOKEN_LIFETIME_MS = 15 * 60_000;

type Answerable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | UserContextMenuCommandInteraction | ButtonInteraction;

interface Pending {
  interaction: Answerable;
  deferring: Promise<unknown> | null;
  timer: NodeJS.Timeout;
  expiry: NodeJS.Timeout;
}

/** What an interaction asks Steward to run. */
interface Invocation {
  command: string;
  options: Record<string, unknown>;
  /** A button press comes back as interaction.responded with its custom id. */
  customId?: string;
  /** The community named in a consent button's id (a press in a DM has no guild). */
  community?: string;
}

export interface InteractionDeskOptions {
  logger: Logger;
  /** The emoji by which moderators capture testimonials in a community (testimonials.emoji). */
  captureEmoji: (community: string) => string;
}

function flattenOptions(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of options) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) Object.assign(out, flattenOptions(o.options ?? []));
    else if (o.value !== undefined) out[o.name] = o.value;
  }
  return out;
}

function invocationOf(i: Answerable): Invocation | null {
  if (i.isChatInputCommand()) {
    const sub = i.options.getSubcommand(false);
    return { command: [i.commandName, sub].filter(Boolean).join(" "), options: flattenOptions(i.options.data) };
  }
  if (i.isMessageContextMenuCommand()) {
    const found = menuCommand(i.commandName);
    if (!found) return null;
    const m = i.targetMessage;
    return { command: found.def.name, options: { message: m.id, channel: m.channelId, author: m.author.id, text: m.content ?? "" } };
  }
  if (i.isUserContextMenuCommand()) {
    const found = menuCommand(i.commandName);
    return found ? { command: found.def.name, options: { member: i.targetId } } : null;
  }
  const button = parseCommandButton(i.customId);
  if (button) return { ...button, customId: i.customId };
  // A consent request's buttons (sent by DM, so usually pressed outside the server).
  const consent = parseTestimonialButton(i.customId);
  return consent ? { command: "", options: {}, customId: i.customId, community: consent.community } : null;
}

export class InteractionDesk {
  private readonly pending = new Map<string, Pending>();
  /** Interactions answered (by id), and when: a repeated `respond` is done, not an error. */
  private readonly answered = new Map<string, number>();

  private readonly logger: Logger;

  constructor(private readonly opts: InteractionDeskOptions) {
    this.logger = opts.logger;
  }

  /**
   * The events for an interaction Steward handles (none for others), after acknowledging slow ones.
   * Must be called as the interaction arrives, before they wait in the event queue.
   * Only consent buttons are taken outside a server (they are sent by DM).
   */
  async accept(raw: Interaction): Promise<StewardEvent[]> {
    if (!(raw.isChatInputCommand() || raw.isMessageContextMenuCommand() || raw.isUserContextMenuCommand() || raw.isButton())) return [];
    const i = raw as Answerable;
    const inv = invocationOf(i);
    if (!inv) return [];
    const community = i.guildId ?? inv.community;
    if (!community || (!i.inGuild() && !inv.community)) return [];
    const entry: Pending = {
      interaction: i,
      deferring: null,
      timer: setTimeout(() => void this.defer(entry), DEFER_AFTER_MS).unref(),
      expiry: setTimeout(() => this.drop(i.id), TOKEN_LIFETIME_MS).unref(),
    };
    this.pending.set(i.id, entry);
    if (discordCommand(inv.command)?.slow) await this.defer(entry);
    const member = i.member instanceof GuildMember ? i.member : i.inGuild() ? await i.guild?.members.fetch(i.user.id).catch(() => null) : null;
    const base = {
      platform: "discord" as const,
      at: i.createdAt.toISOString(),
      community,
      ...(i.channelId ? { channel: i.channelId } : {}),
      member: i.user.id,
      ...(member ? { memberRoles: memberRoles(member), memberName: member.displayName } : {}),
      replyHandle: i.id,
    };
    if (inv.customId) return [stewardEvent.parse({ type: "interaction.responded", ...base, customId: inv.customId })];
    const invoked = stewardEvent.parse({ type: "command.invoked", ...base, command: inv.command, options: inv.options });
    if (inv.command !== testimonialCapture.name || !i.isMessageContextMenuCommand()) return [invoked];
    // "Capture testimonial": after the handler has remembered the message and answered, the capture
    // is the moderator's reaction with the capture emoji, which sends the consent request as a ⭐ does.
    const m = i.targetMessage;
    const reaction = stewardEvent.parse({
      type: "reaction.added",
      platform: "discord",
      at: base.at,
      community,
      channel: m.channelId,
      message: m.id,
      member: i.user.id,
      emoji: this.opts.captureEmoji(community),
    });
    return [invoked, reaction];
  }

  /**
   * Answers an interaction (the `respond` action); throws when it is unknown or expired. The interaction stays
   * answerable until an answer lands, so a retry after a failed one can still answer; a repeat after one landed
   * is done ("already answered"), as is Discord's 40060 (an earlier try landed though its answer was lost).
   */
  async respond(handle: string | undefined, reply: CommandReply): Promise<string | void> {
    if (handle && this.answered.has(handle)) return "already answered";
    const entry = handle ? this.pending.get(handle) : undefined;
    if (!entry) throw new Error(`no interaction ${handle ?? "(none)"} waiting for an answer (unknown, or older than 15 minutes)`);
    clearTimeout(entry.timer); // no late defer while the answer is on its way
    let detail: string | undefined;
    try {
      await this.answer(entry, reply);
    } catch (e) {
      if (!alreadyDone(e, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)) throw e;
      detail = "already answered";
    }
    this.drop(entry.interaction.id);
    this.noteAnswered(entry.interaction.id);
    return detail;
  }

  private async answer(entry: Pending, reply: CommandReply): Promise<void> {
    const i = entry.interaction;
    if (!entry.deferring && i.isButton() && parseTestimonialButton(i.customId) && reply.tone === "done") {
      // A consent answer: the request shows the answer and its buttons are disabled.
      await i.update(answeredConsentMessage(i.message, i.customId, reply));
      return;
    }
    if (entry.deferring) {
      await entry.deferring;
      await entry.interaction.editReply(replyMessage(reply));
    } else {
      await entry.interaction.reply({ ...replyMessage(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    }
  }

  /** Remembers an answered interaction for its token's lifetime. */
  private noteAnswered(id: string): void {
    const now = Date.now();
    for (const [old, at] of this.answered) {
      if (now - at < TOKEN_LIFETIME_MS) break; // oldest first
      this.answered.delete(old);
    }
    this.answered.set(id, now);
  }

  private defer(entry: Pending): Promise<unknown> {
    clearTimeout(entry.timer);
    if (!entry.deferring && this.pending.has(entry.interaction.id)) {
      // Every reply Steward gives to a command is ephemeral, so the "thinking…" is too.
      entry.deferring = entry.interaction.deferReply({ flags: MessageFlags.Ephemeral }).catch((e: unknown) => {
        this.logger.warn({ err: e, interaction: entry.interaction.id }, "discord: could not defer an interaction");
      });
    }
    return entry.deferring ?? Promise.resolve();
  }

  private drop(id: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    clearTimeout(entry.expiry);
    this.pending.delete(id);
  }

  /** Clears timers (adapter stop). */
  close(): void {
    for (const id of [...this.pending.keys()]) this.drop(id);
  }
}
