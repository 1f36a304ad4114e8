// The `testimonial …` commands as platforms register them. The pipeline handles them itself
// (TestimonialHandler.command, before the command dispatcher), so these definitions only serve
// registration (names, access, options, surfaces); `run` is never reached through the pipeline.
//
// "testimonial capture" is the message context menu "Capture testimonial": the platform passes
// message, channel, author and text (like every message menu); the handler remembers the message
// and answers the moderator, and the platform then reports the capture as the moderator's
// reaction with the configured emoji, which asks the author for consent exactly as a ⭐ does.
import { reply } from "../core/reply.js";
import { defineCommand, type AnyCommand } from "../commands/define.js";
import { opt } from "../commands/options.js";

const handledByPipeline = async () => reply({ lines: ["Testimonial commands are answered by the pipeline."], tone: "error" });

export const CAPTURE_MENU = "Capture testimonial";

export const testimonialWithdraw = defineCommand({
  name: "testimonial withdraw",
  description: "Withdraw your consent: your testimonials (or one) leave every later export",
  access: "member",
  options: { message: opt.string("Only the testimonial of this message id (default: all of yours)", 64).optional() },
  run: handledByPipeline,
});

export const testimonialEdit = defineCommand({
  name: "testimonial edit",
  description: "Correct the display text of a testimonial (the original is kept)",
  access: "moderator",
  options: { message: opt.string("The message id of the testimonial", 64), text: opt.string("The corrected text", 2000) },
  run: handledByPipeline,
});

export const testimonialCapture = defineCommand({
  name: "testimonial capture",
  description: "Ask the author of a message for consent to publish it as a testimonial",
  access: "moderator",
  surfaces: { slash: false, messageMenu: CAPTURE_MENU },
  options: {
    message: opt.string("The message id", 64),
    channel: opt.string("Its channel id", 64),
    author: opt.member("Its author"),
    text: opt.string("Its text", 4000).withDefault(""),
  },
  run: handledByPipeline,
});

export const SUBMIT_MENU = "Submit as testimonial";

/** A member offers their own message: the answer is the consent request itself (quote and three buttons). */
export const testimonialSubmit = defineCommand({
  name: "testimonial submit",
  description: "Offer your own message as a testimonial",
  access: "member",
  surfaces: { slash: false, messageMenu: SUBMIT_MENU },
  options: testimonialCapture.options,
  run: handledByPipeline,
});

export const TESTIMONIAL_COMMANDS: readonly AnyCommand[] = [testimonialWithdraw, testimonialEdit, testimonialCapture, testimonialSubmit];
