// Logging with pino: JSON lines when stdout is not a terminal, readable when it is.
// Secrets never reach the logs: known secret keys are redacted wherever they appear, and
// secret values taken from the environment are masked in any string that contains them.
import { pino, type Logger } from "pino";
import { secretValues } from "./config/secrets.js";

export type { Logger };

const redactPaths = [
  "token", "*.token", "*.*.token",
  "password", "*.password",
  "authorization", "*.authorization", "*.headers.authorization",
  "databaseUrl", "*.databaseUrl",
  "DISCORD_TOKEN", "*.DISCORD_TOKEN",
  "SLACK_BOT_TOKEN", "*.SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "*.SLACK_APP_TOKEN",
  "SLACK_USER_TOKEN", "*.SLACK_USER_TOKEN", "SLACK_SIGNING_SECRET", "*.SLACK_SIGNING_SECRET",
  "DATABASE_URL", "*.DATABASE_URL", "REDIS_URL", "*.REDIS_URL",
];

/** Replaces every known secret value inside a string. */
export function maskSecrets(text: string): string {
  let out = text;
  for (const s of secretValues()) if (s.length >= 6 && out.includes(s)) out = out.split(s).join("[REDACTED]");
  return out;
}

/** Masks secret values in every string of a log object (logs are rare; the walk is cheap). */
function maskDeep(value: unknown, depth: number): unknown {
  if (typeof value === "string") return maskSecrets(value);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { type: value.name, message: maskSecrets(value.message), stack: maskSecrets(value.stack ?? "") };
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

export interface LogOptions {
  level?: string;
  /** Force pretty (true) or JSON (false); default: pretty when stderr is a TTY. */
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

export function createLogger(opts: LogOptions = {}): Logger {
  const pretty = opts.pretty ?? Boolean(process.stderr.isTTY);
  const options = {
    level: opts.level ?? process.env.LOG_LEVEL ?? "info",
    base: { app: "steward" },
    redact: { paths: redactPaths, censor: "[REDACTED]" },
    hooks: {
      // Mask secret values that slipped into messages or string fields.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === "string" ? maskSecrets(a) : a)));
      },
    },
    formatters: {
      log(obj: Record<string, unknown>) {
        return maskDeep(obj, 0) as Record<string, unknown>;
      },
    },
  };
  if (pretty && !opts.destination) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { destination: 2, colorize: true, ignore: "pid,hostname,app" } } });
  }
  return pino(options, (opts.destination ?? pino.destination(2)) as pino.DestinationStream);
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = pino({ level: "silent" });
