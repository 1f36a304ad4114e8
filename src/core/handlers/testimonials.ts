// Testimonials inside the pipeline. Reactions carry only a message id, so the handler
// remembers the recent messages of each community in memory (the last RECENT_MESSAGES, text
// and author); a moderator's reaction on an older message (or one from before a restart) is
// captured only if the praise lexicon had stored it as a suggestion. Captures, answers and
// withdrawals are read and written one at a time (they are rare), after the pipeline has
// written what it holds; suggestions go into the pipeline's write batch.
import type { CommunityState, MemberState } from "../community-state.js";
import { isModerator } from "../community-state.js";
import type { Action } from "../actions.js";
import type { EventOf } from "../events.js";
import { reply, type CommandReply } from "../reply.js";
import type { Testimonial, TestimonialStore } from "../../testimonials/record.js";
import { PraiseLexicon } from "../../testimonials/lexicon.js";
import { RecentMessages, type RecentMessage } from "../../testimonials/recent.js";
import { sameEmoji, testimonialSettings } from "../../testimonials/settings.js";
import { move, type ConsentChoice } from "../../testimonials/state.js";
import { testimonialButtonId, type ButtonChoice } from "../../testimonials/custom-id.js";
import { answerText, CHOICE_LABELS, consentRequestText, consentWording, withdrawnText, type Language } from "../../testimonials/texts.js";

export const RECENT_MESSAGES = 5000;

type Recent = RecentMessage;

interface PerCommunity {
  recent: RecentMessages;
  lexicon: PraiseLexicon;
  /** Waiting for consent: message → requested at (loaded from the store on first use). */
  pending: Map<string, number> | null;
}

/** What the pipeline performs and answers for one testimonial event. */
export interface TestimonialResult {
  actions: Action[];
  /** What happened, for logs: "requested", "named", "expired", … */
  events: { message: string; what: string }[];
}

const none = (): TestimonialResult => ({ actions: [], events: [] });

export function isTestimonialCommand(command: string): boolean {
  return command === "testimonial" || command.startsWith("testimonial ");
}

export class TestimonialHandler {
  private readonly communities = new Map<string, PerCommunity>();
  /**
   * @param flush writes everything the pipeline holds (suggestions included) before a read
   */
  constructor(
    private readonly store: TestimonialStore | null,
    private readonly flush: () => Promise<void>,
  ) {}

  private on(c: CommunityState): boolean {
    return this.store !== null && testimonialSettings(c.settings).enabled;
  }

  private of(c: CommunityState): PerCommunity {
    let p = this.communities.get(c.key);
    if (!p) {
      p = { recent: new RecentMessages(RECENT_MESSAGES), lexicon: new PraiseLexicon(testimonialSettings(c.settings).productTerms), pending: null };
      this.communities.set(c.key, p);
    }
    return p;
  }

  /**
   * Remembers a member's message (for a later reaction); returns it as a suggestion to store
   * when it praises the product.
   */
  message(c: CommunityState, author: MemberState, event: EventOf<"message.created"> | EventOf<"message.edited">, at: number): Testimonial | null {
    if (!this.on(c) || isModerator(c, author)) return null;
    const p = this.of(c);
    const msg = event.message;
    const known = p.recent.get(msg.id);
    p.recent.set(msg.id, { author: msg.author, channel: event.channel, text: msg.text, at: known?.at ?? at });
    if (event.type !== "message.created" || !testimonialSettings(c.settings).suggest) return null;
    const signals = p.lexicon.judge(msg.text);
    if (!signals.praising) return null;
    const t = blank(msg.id, event.channel, msg.author, author.name ?? msg.authorName ?? null, msg.text, at);
    t.signals = [...signals.praise.map((w) => `praise:${w}`), ...signals.products.map((w) => `product:${w}`)];
    return t;
  }

  deleted(c: CommunityState, message: string): void {
    this.communities.get(c.key)?.recent.delete(message);
  }

  /** A moderator's capture emoji on a member's message: a testimonial waiting for consent, and the request to its author. */
  async reaction(c: CommunityState, reactor: MemberState, event: EventOf<"reaction.added">, at: number): Promise<TestimonialResult> {
    if (!this.on(c)) return none();
    const s = testimonialSettings(c.settings);
    if (!sameEmoji(event.emoji, s.emoji) || !isModerator(c, reactor)) return none();
    const p = this.of(c);
    await this.flush();
    const existing = await this.store!.get(c.dbId, event.message);
    const recent = p.recent.get(event.message);
    const source = recent ?? (existing ? { author: existing.author, channel: existing.channel, text: existing.text, at: existing.createdAt } : null);
    if (!source || !source.text.trim()) return none();
    const author = c.members.get(source.author);
    if (source.author === reactor.id || (author && isModerator(c, author))) return none();
    const request = await this.request(c, reactor, event.message, source, existing, at);
    if (!request) return none();
    return {
      actions: [{ kind: "directMessage", community: c.key, member: source.author, text: request.text, buttons: request.buttons, reason: "testimonial consent" }],
      events: [{ message: event.message, what: "requested" }],
    };
  }

  /** Records a consent request for the message (pending consent): its text and buttons, or null when it cannot be asked again. */
  private async request(c: CommunityState, capturedBy: MemberState, message: string, source: Recent, existing: Testimonial | null, at: number) {
    const moved = move(existing?.state ?? null, { kind: "capture" });
    if (!moved.ok) return null;
    const lang = c.settings.language;
    const name = c.members.get(source.author)?.name ?? existing?.authorName ?? null;
    const days = Math.round(testimonialSettings(c.settings).expireAfter / 86_400_000);
    const text = consentRequestText(lang, { community: c.settings.name ?? c.key, quote: source.text, name: name ?? source.author, days });
    const t: Testimonial = {
      ...(existing ?? blank(message, source.channel, source.author, name, source.text, source.at)),
      authorName: name,
      state: moved.state,
      capturedBy: capturedBy.id,
      requestedAt: at,
      consentWording: consentWording(text, lang),
    };
    await this.store!.save(c.dbId, t);
    (await this.pendingOf(c)).set(t.message, at);
    const labels = CHOICE_LABELS[lang];
    const button = (choice: ConsentChoice, style: "success" | "primary" | "secondary") => ({ id: testimonialButtonId(c.key, t.message, choice), label: labels[choice], style });
    return { text, buttons: [button("named", "success"), button("anonymous", "primary"), button("declined", "secondary")] };
  }

  /** The author pressed a button of the consent request (or the withdraw button). */
  async answer(c: CommunityState, member: MemberState, message: string, choice: ButtonChoice, at: number): Promise<CommandReply> {
    const lang = c.settings.language;
    if (!this.store) return refused("Testimonials are not kept here.");
    await this.flush();
    const t = await this.store.get(c.dbId, message);
    if (!t || t.author !== member.id) return refused("This testimonial request is not yours, or no longer exists.");
    if (choice === "withdraw") return this.withdraw(c, member, [t], at);
    const moved = move(t.state, { kind: "answer", choice });
    if (!moved.ok) return refused(`Your answer was not recorded: ${moved.why}.${t.state === "consented_named" || t.state === "consented_anonymous" ? " You can withdraw with /testimonial withdraw." : ""}`);
    await this.store.save(c.dbId, { ...t, state: moved.state, consentChoice: choice, consentAt: at });
    (await this.pendingOf(c)).delete(message);
    return reply({ lines: [answerText(lang, choice)], tone: "done" });
  }

  /**
   * `testimonial withdraw [message]` (the author: every testimonial of theirs, or one) and
   * `testimonial edit message text` (a moderator corrects the display text; the original is kept),
   * `testimonial capture` and `testimonial submit` (message menus: options message, channel, author, text).
   */
  async command(c: CommunityState, member: MemberState, command: string, options: Record<string, unknown>, at: number): Promise<CommandReply> {
    if (!this.store) return refused("Testimonials are not kept here.");
    await this.flush();
    const message = typeof options.message === "string" ? options.message : undefined;
    if (command === "testimonial withdraw") {
      const mine = (await this.store.ofAuthor(c.dbId, member.id)).filter((t) => !message || t.message === message);
      return this.withdraw(c, member, mine, at);
    }
    if (command === "testimonial edit") {
      if (!isModerator(c, member)) return refused("Only moderators can correct a testimonial's text.");
      const text = typeof options.text === "string" ? options.text.trim() : "";
      if (!message || !text) return refused("Give the message id and the corrected text: testimonial edit message:<id> text:<text>.");
      const t = await this.store.get(c.dbId, message);
      if (!t) return refused(`No testimonial for message ${message}.`);
      await this.store.save(c.dbId, { ...t, displayText: text, correctedBy: member.id });
      return reply({ lines: [`Display text corrected; the original is kept:`, `> ${t.text}`], tone: "done" });
    }
    if (command === "testimonial capture") return this.capture(c, member, options, at);
    if (command === "testimonial submit") return this.submit(c, member, options, at);
    return refused(`Unknown command /${command}. Use /testimonial withdraw.`);
  }

  /**
   * The "Capture testimonial" message menu: remembers the message (it may be older than the
   * recent ones) and tells the moderator whether its author will be asked. The platform then
   * reports the capture as the moderator's reaction with the configured emoji, and reaction()
   * sends the consent request as for a ⭐.
   */
  private async capture(c: CommunityState, member: MemberState, options: Record<string, unknown>, at: number): Promise<CommandReply> {
    if (!testimonialSettings(c.settings).enabled) return refused("Testimonials are turned off in this community.");
    if (!isModerator(c, member)) return refused("Only moderators can capture testimonials.");
    const str = (k: string) => (typeof options[k] === "string" ? (options[k] as string) : "");
    const [message, channel, authorId, text] = [str("message"), str("channel"), str("author"), str("text")];
    if (!message || !authorId) return refused("Use Capture testimonial on a member's message.");
    const author = c.members.get(authorId);
    if (authorId === member.id || (author && isModerator(c, author))) return refused("Only members' messages are captured, not a moderator's own.");
    const existing = await this.store!.get(c.dbId, message);
    const p = this.of(c);
    if (!p.recent.has(message) && text.trim()) p.recent.set(message, { author: authorId, channel, text, at });
    if (!p.recent.has(message) && !existing) return refused("This message has no text to publish.");
    const moved = move(existing?.state ?? null, { kind: "capture" });
    if (!moved.ok) return refused(`Not asked again: ${moved.why}.`);
    return reply({ lines: [`Asking <@${authorId}> by direct message whether their message may be published. Nothing is published without their consent.`], tone: "done" });
  }

  /**
   * A member offers their own message ("Submit as testimonial" message menu): the consent request
   * is the answer itself (quote and three buttons, only they see it), pressed like the DM's.
   */
  private async submit(c: CommunityState, member: MemberState, options: Record<string, unknown>, at: number): Promise<CommandReply> {
    if (!testimonialSettings(c.settings).enabled) return refused("Testimonials are turned off in this community.");
    const str = (k: string) => (typeof options[k] === "string" ? (options[k] as string) : "");
    const [message, channel, author, text] = [str("message"), str("channel"), str("author"), str("text")];
    if (author !== member.id) return refused("You can submit only your own messages.");
    if (!message || !text.trim()) return refused("This message has no text to publish.");
    const existing = await this.store!.get(c.dbId, message);
    const moved = move(existing?.state ?? null, { kind: "capture" });
    if (!moved.ok) return refused(`Not submitted again: ${moved.why}.`);
    const request = (await this.request(c, member, message, { author, channel, text, at }, existing, at))!;
    return reply({ lines: [request.text], buttons: [request.buttons], tone: "info" });
  }

  private async withdraw(c: CommunityState, member: MemberState, ts: readonly Testimonial[], at: number): Promise<CommandReply> {
    let n = 0;
    const pending = await this.pendingOf(c);
    for (const t of ts) {
      if (t.author !== member.id) continue;
      const moved = move(t.state, { kind: "withdraw" });
      if (!moved.ok) continue;
      await this.store!.save(c.dbId, { ...t, state: moved.state, withdrawnAt: at });
      pending.delete(t.message);
      n++;
    }
    return reply({ lines: [withdrawnText(c.settings.language as Language, n)], tone: n ? "done" : "info" });
  }

  /** Timer work: consent requests without an answer for `expireAfter` expire. */
  async due(c: CommunityState, now: number): Promise<TestimonialResult> {
    if (!this.on(c)) return none();
    const pending = await this.pendingOf(c);
    const after = testimonialSettings(c.settings).expireAfter;
    const result = none();
    for (const [message, requestedAt] of pending) {
      if (now - requestedAt < after) continue;
      pending.delete(message);
      const t = await this.store!.get(c.dbId, message);
      if (!t) continue;
      const moved = move(t.state, { kind: "expire" });
      if (!moved.ok) continue;
      await this.store!.save(c.dbId, { ...t, state: moved.state, expiredAt: now });
      result.events.push({ message, what: "expired" });
    }
    return result;
  }

  private async pendingOf(c: CommunityState): Promise<Map<string, number>> {
    const p = this.of(c);
    if (!p.pending) p.pending = await this.store!.pending(c.dbId);
    return p.pending;
  }
}

function blank(message: string, channel: string, author: string, authorName: string | null, text: string, at: number): Testimonial {
  return {
    message, channel, author, authorName, text, displayText: null, correctedBy: null, state: "suggested", capturedBy: null, signals: [],
    createdAt: at, requestedAt: null, consentWording: null, consentChoice: null, consentAt: null, expiredAt: null, withdrawnAt: null,
  };
}

function refused(line: string): CommandReply {
  return reply({ lines: [line], tone: "refused" });
}
