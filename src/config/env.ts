// The environment, validated once at start. An error names the variable and what it expects.
import { z } from "zod";

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => URL.canParse(v), { message: `must be a URL (${what})` })
    .optional();

export const envSchema = z.object({
  /** Folder of the embedded database (PGlite). Ignored when DATABASE_URL is set. */
  STEWARD_DATA_DIR: z.string().min(1).default("./data"),
  /** PostgreSQL connection URL; when set, Steward uses PostgreSQL instead of the embedded store. */
  DATABASE_URL: optionalUrl("postgresql://user:password@host:5432/db").refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    { message: "must start with postgresql:// or postgres://" },
  ),
  /** Redis URL; when set, rate windows are shared by every instance on it (docs/scaling.md). Its password is never logged. */
  REDIS_URL: optionalUrl("redis://[:password@]host:6379[/db]").refine((v) => v === undefined || /^rediss?:\/\//.test(v), {
    message: "must start with redis:// or rediss://",
  }),
  /** Folder of guideline YAML files. */
  STEWARD_RULES_DIR: z.string().min(1).optional(),
  /** Folder of per-community settings files (<community>.yaml). */
  STEWARD_COMMUNITIES_DIR: z.string().min(1).default("./communities"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_API_URL: optionalUrl("base URL of a Discord REST API or proxy"),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional(),
  SLACK_APP_TOKEN: z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** A workspace admin's user token (xoxp-): lets Steward delete other people's messages on Slack. */
  SLACK_USER_TOKEN: z.string().startsWith("xoxp-", "must be a user token starting with xoxp-").optional(),
  /** Base URL of the Slack Web API (tests point it at a fake; default https://slack.com/api/). */
  SLACK_API_URL: optionalUrl("base URL of the Slack Web API"),
  /** Steward's one HTTP port (tracked links, /healthz); 0 picks any free port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL of that server, for short links (default http://localhost:<PORT>). */
  PUBLIC_URL: optionalUrl("e.g. https://steward.example.com").refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "must start with http:// or https://" }),
  /** utm_source of tracked links. */
  UTM_SOURCE: z.string().trim().min(1).max(100).default("steward"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings count as unset: `FOO= steward start` should not fail validation.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const r = envSchema.safeParse(cleaned);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const name = String(i.path[0] ?? "environment");
    return `${name}: ${i.message}`;
  });
  throw new EnvError(`invalid environment:\n  ${lines.join("\n  ")}`);
}

/** Which platforms the environment configures. */
export function configuredPlatforms(env: Env): string[] {
  const out: string[] = [];
  if (env.DISCORD_TOKEN) out.push("discord");
  if (env.SLACK_BOT_TOKEN) out.push("slack");
  return out;
}
