// The screening gate's interactions: the gate button opens page 1 of the questions; each page's
// submit is kept (Drafts) and answered with a "Continue (n/m)" button; the last page's submit
// becomes a `screening.answered` event for the pipeline, which decides (src/onboarding). The
// applicant is then told the outcome when it was decided at once (approve/decline seen as actions).
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  GuildMember,
  MessageFlags,
  type ButtonInteraction,
  type Guild,
  type Interaction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Action } from "../../../core/actions.js";
import { stewardEvent, type StewardEvent } from "../../../core/events.js";
import type { Question } from "../../../onboarding/settings.js";
import type { Logger } from "../../../log.js";
import { Drafts } from "./drafts.js";
import { SCREENING_PREFIX, continueId, parseScreeningId } from "./ids.js";
import { ensureGateMessage, screeningChannel, type GateChannels } from "./message.js";
import { answersOfPage, pagesOf, screeningModal, type SubmittedField } from "./modal.js";

/** What the gate needs of a community's settings. */
export interface GateSettings {
  /** The community's display name. */
  name: string;
  questions: readonly Question[];
  /** The member role (id or name): members holding it are already in. */
  memberRole?: string | undefined;
  channels: GateChannels;
}

export interface ScreeningGateOptions {
  /** The gate settings of a guild; null when it has no screening questions. */
  settings: (guild: string) => GateSettings | null;
  /** Hands an event to the pipeline; resolves once it has been handled. */
  emit: (event: StewardEvent) => Promise<void>;
  logger: Logger;
  drafts?: Drafts;
}

export const REPLIES = {
  review: "Thanks — a moderator will look at your answers.",
  approved: "Welcome! You are in.",
  declined: (reason: string) => `Declined: ${reason}.`,
  saved: (page: number, pages: number) => `Saved (${page}/${pages}). A few more questions:`,
  expired: "Your earlier answers have expired. Press “Answer the membership questions” to start again.",
  member: "You are already a member.",
  off: "This server does not ask membership questions any more.",
};

type Outcome = { kind: "approved" } | { kind: "declined"; reason: string };

export class ScreeningGate {
  private readonly drafts: Drafts;
  /** Applicants whose answers are being decided (guild:member) → what the pipeline did. */
  private readonly waiting = new Map<string, Outcome | null>();

  constructor(private readonly opts: ScreeningGateOptions) {
    this.drafts = opts.drafts ?? new Drafts();
  }

  /** Whether the interaction is the gate's (its button, continue buttons, its modals). */
  owns(i: Interaction): i is ButtonInteraction | ModalSubmitInteraction {
    return (i.isButton() || i.isModalSubmit()) && i.customId.startsWith(SCREENING_PREFIX) && i.inGuild();
  }

  /** Posts the gate message in the guild's screening channel when screening has questions and it is missing. */
  async ensureMessage(guild: Guild): Promise<void> {
    const s = this.opts.settings(guild.id);
    if (!s?.questions.length) return;
    const channel = screeningChannel(guild, s.channels);
    const botId = guild.client.user.id;
    if (!channel) {
      this.opts.logger.warn({ guild: guild.id }, "discord: screening has questions but no channel for the gate (set onboarding.screening.channel or create #screening)");
      return;
    }
    try {
      const result = await ensureGateMessage(channel, botId, s.name);
      this.opts.logger.info({ guild: guild.id, channel: channel.id, result }, "discord: screening gate");
    } catch (e) {
      this.opts.logger.warn({ err: e, guild: guild.id, channel: channel.id }, "discord: could not post the screening gate");
    }
  }

  /** Seen by the adapter for every action it performs: the applicant's outcome, when decided at once. */
  noteAction(a: Action): void {
    if (a.kind !== "approveMember" && a.kind !== "declineMember") return;
    const key = `${a.community}:${a.member}`;
    if (!this.waiting.has(key)) return;
    this.waiting.set(key, a.kind === "approveMember" ? { kind: "approved" } : { kind: "declined", reason: a.reason });
  }

  async handle(i: ButtonInteraction | ModalSubmitInteraction): Promise<void> {
    const id = parseScreeningId(i.customId);
    const guild = i.guildId;
    if (!id || !guild) return;
    const s = this.opts.settings(guild);
    if (!s?.questions.length) return void (await this.tell(i, REPLIES.off));
    const pages = pagesOf(s.questions).length;
    if (id.kind === "start") {
      if (this.isMember(i, s)) return void (await this.tell(i, REPLIES.member));
      this.drafts.drop(guild, i.user.id);
      return void (await (i as ButtonInteraction).showModal(screeningModal(s.questions, 1)));
    }
    if (id.kind === "continue") {
      if (id.page > pages || this.drafts.nextPage(guild, i.user.id) !== id.page) return void (await this.tell(i, REPLIES.expired));
      return void (await (i as ButtonInteraction).showModal(screeningModal(s.questions, id.page)));
    }
    if (!i.isModalSubmit() || id.page > pages) return void (await this.tell(i, REPLIES.expired));
    const answers = this.drafts.add(guild, i.user.id, id.page, answersOfPage(s.questions, id.page, (q) => i.fields.fields.get(q) as SubmittedField | undefined));
    if (!answers) return void (await this.tell(i, REPLIES.expired));
    if (id.page < pages) {
      const next = new ButtonBuilder().setCustomId(continueId(id.page + 1)).setLabel(`Continue (${id.page + 1}/${pages})`).setStyle(ButtonStyle.Primary);
      await i.reply({ content: REPLIES.saved(id.page, pages), components: [new ActionRowBuilder<ButtonBuilder>().addComponents(next)], flags: MessageFlags.Ephemeral });
      return;
    }
    this.drafts.drop(guild, i.user.id);
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await i.editReply({ content: await this.decide(guild, i.user.id, i.createdAt, answers) });
  }

  /** Hands the answers to the pipeline and reads what it did for the applicant. */
  private async decide(guild: string, member: string, at: Date, answers: Record<string, string | boolean | string[]>): Promise<string> {
    const key = `${guild}:${member}`;
    this.waiting.set(key, null);
    try {
      await this.opts.emit(stewardEvent.parse({ type: "screening.answered", platform: "discord", at: at.toISOString(), community: guild, member, answers }));
      const outcome = this.waiting.get(key) ?? null;
      if (outcome?.kind === "approved") return REPLIES.approved;
      if (outcome?.kind === "declined") return REPLIES.declined(outcome.reason);
      return REPLIES.review;
    } finally {
      this.waiting.delete(key);
    }
  }

  private isMember(i: ButtonInteraction | ModalSubmitInteraction, s: GateSettings): boolean {
    if (!s.memberRole) return false;
    const role = i.guild?.roles.cache.get(s.memberRole) ?? i.guild?.roles.cache.find((r) => r.name.toLowerCase() === s.memberRole!.toLowerCase());
    const roleId = role?.id ?? s.memberRole;
    const roles = i.member instanceof GuildMember ? [...i.member.roles.cache.keys()] : (i.member?.roles as string[] | undefined) ?? [];
    return roles.includes(roleId);
  }

  private async tell(i: ButtonInteraction | ModalSubmitInteraction, content: string): Promise<void> {
    await i.reply({ content, flags: MessageFlags.Ephemeral });
  }
}
