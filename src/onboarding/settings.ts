// The `onboarding:` section of a community settings file: welcomes, the follow-up nudge,
// membership-question screening and the raid guard. One zod schema is the type, the
// validation (with positioned errors through src/config/settings.ts) and the JSON Schema.
//
//   onboarding:
//     welcome:
//       text: { en: "Welcome {member}! Read {guidelines}.", bn: "স্বাগতম {member}!" }
//       channel: general        # default: channels.welcome; omit both and set dm: true for DM only
//       dm: false
//       visit: [announcements, help]
//     nudge: { after: 3d, text: "Hi {member}, anything we can help with?" }   # off unless set
//     screening:
//       questions:
//         - { id: why, type: text, label: Why do you want to join?, minLength: 10, redFlags: [crypto, forex] }
//         - { id: order, type: text, label: Your order number or email, verify: order-or-email, score: 2 }
//         - { id: rules, type: agree, label: I agree to the rules }
//       approveAt: 2            # score needed to approve without review
//       memberRole: customer    # Discord: granted on approval
//     raid: { joins: 10, within: 1m, calm: 10m }
import { z } from "zod";
import { duration } from "../util/duration.js";
import { templateText } from "./template.js";
import { patternError } from "./screening.js";

const questionId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, "must be a short id of letters, digits, - or _ (e.g. order, why-join)");

const choice = z
  .object({
    value: z.string().min(1).max(100),
    score: z.number().default(0).describe("points when chosen"),
    redFlag: z.boolean().default(false).describe("choosing it flags the applicant"),
  })
  .strict();

export const questionSchema = z
  .object({
    id: questionId,
    type: z.enum(["text", "choice", "agree"]).default("text"),
    /** Discord shows at most 45 characters as an input's label. */
    label: z.string().min(1).max(45, "must be at most 45 characters (Discord's limit for a question label); put the rest in `hint`"),
    hint: z.string().max(100).optional().describe("shown inside the empty answer box"),
    required: z.boolean().default(true),
    minLength: z.number().int().min(0).max(1000).optional(),
    maxLength: z.number().int().min(1).max(1000).default(1000),
    pattern: z.string().min(1).optional().describe("a regular expression the answer must match (linear time, RE2 syntax)"),
    patternHint: z.string().optional().describe("what to tell an applicant whose answer does not match"),
    choices: z.array(choice).min(2).max(25).optional(),
    score: z.number().default(0).describe("points for a valid answer"),
    redFlags: z.array(z.string().min(1)).default([]).describe("words or phrases that flag a free-text answer"),
    verify: z.enum(["order", "email", "order-or-email"]).optional().describe("check the answer against the imported customer list"),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.type === "choice" && !q.choices) ctx.addIssue({ code: "custom", path: ["choices"], message: "a choice question needs `choices` (at least 2)" });
    if (q.type !== "choice" && q.choices) ctx.addIssue({ code: "custom", path: ["choices"], message: `only choice questions have choices; set \`type: choice\`` });
    if (q.type !== "text" && (q.verify || q.pattern || q.minLength !== undefined)) {
      ctx.addIssue({ code: "custom", path: [q.verify ? "verify" : q.pattern ? "pattern" : "minLength"], message: "only text questions take verify, pattern or minLength" });
    }
    const bad = q.pattern ? patternError(q.pattern) : null;
    if (bad) ctx.addIssue({ code: "custom", path: ["pattern"], message: `cannot be used: ${bad} (RE2 syntax: no backreferences or lookaround)` });
    if (q.minLength !== undefined && q.minLength > q.maxLength) ctx.addIssue({ code: "custom", path: ["minLength"], message: `is more than maxLength (${q.maxLength})` });
  });

export type Question = z.infer<typeof questionSchema>;

const outcomeOnSignal = z.enum(["review", "decline"]);

export const screeningSchema = z
  .object({
    questions: z
      .array(questionSchema)
      .max(25)
      .default([])
      .describe("none: newcomers are screened on joining, by account age and avatar alone")
      .superRefine((qs, ctx) => {
        const seen = new Map<string, number>();
        qs.forEach((q, i) => {
          const first = seen.get(q.id);
          if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "id"], message: `"${q.id}" is also the id of question ${first + 1}; ids must be unique` });
          else seen.set(q.id, i);
        });
      }),
    approveAt: z.number().default(0).describe("the score an applicant needs to be approved without review"),
    redFlag: outcomeOnSignal.default("review").describe("what a red-flag answer leads to"),
    unverified: outcomeOnSignal.default("review").describe("what an order number or email not in the customer list leads to"),
    accountAge: z.object({ min: duration, then: outcomeOnSignal.default("review") }).strict().optional().describe("accounts younger than this"),
    noAvatar: outcomeOnSignal.optional().describe("accounts without a profile picture"),
    declineText: templateText.optional().describe("told to a declined applicant; {reason} is why"),
    memberRole: z.string().min(1).optional().describe("Discord: the role granted on approval (newcomers have none until then)"),
    channel: z.string().min(1).optional().describe("Discord: the channel with the screening button"),
  })
  .strict();

export type ScreeningSettings = z.infer<typeof screeningSchema>;

/** The raid guard every community has unless its settings say otherwise: 10 joins a minute, 10 calm minutes. */
export const DEFAULT_RAID = Object.freeze({ joins: 10, within: 60_000, calm: 600_000 });

export const onboardingSchema = z
  .object({
    welcome: z
      .object({
        text: templateText,
        channel: z.string().min(1).optional().describe("default: channels.welcome"),
        dm: z.boolean().default(false).describe("also send it as a direct message (falls back to the channel when DMs are closed)"),
        visit: z.array(z.string().min(1)).default([]).describe("channels named by {channels}"),
      })
      .strict()
      .optional(),
    nudge: z
      .object({ after: duration.describe("e.g. 3d"), text: templateText })
      .strict()
      .optional()
      .describe("a message to members who have not posted this long after joining; sent once; off unless set"),
    screening: screeningSchema.optional(),
    raid: z
      .object({
        joins: z.number().int().min(2).default(10),
        within: duration.default(60_000),
        calm: duration.default(600_000).describe("raid mode lifts after this long without a burst of joins"),
      })
      .strict()
      .default({ ...DEFAULT_RAID }),
  })
  .strict();

export type OnboardingSettings = z.infer<typeof onboardingSchema>;
