// Bolt's pieces Steward uses, and a Bolt logger that writes to Steward's (pino, secrets masked).
// Bolt's chatty info lines ("Now connected…") go to debug.
import { LogLevel, webApi, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../log.js";

export type WebClient = InstanceType<typeof webApi.WebClient>;

export function boltLogger(log: Logger): BoltLogger {
  const text = (m: unknown[]) => m.map((x) => (x instanceof Error ? x.message : typeof x === "string" ? x : JSON.stringify(x))).join(" ");
  return {
    debug: (...m: unknown[]) => log.debug(`slack: ${text(m)}`),
    info: (...m: unknown[]) => log.debug(`slack: ${text(m)}`),
    warn: (...m: unknown[]) => log.warn(`slack: ${text(m)}`),
    error: (...m: unknown[]) => log.error(`slack: ${text(m)}`),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}
