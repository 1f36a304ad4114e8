// What a command needs from the outside world, so tests can run the CLI in-process.
import { readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { bundledPath } from "../util/paths.js";

export interface Io {
  out: Writable;
  err: Writable;
  env: NodeJS.ProcessEnv;
  version: string;
  /** Set by a command that finished but must report failure (e.g. failing rule tests). */
  exitCode?: number;
}

export function processIo(): Io {
  return { out: process.stdout, err: process.stderr, env: process.env, version: packageVersion() };
}

export function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(bundledPath("package.json"), "utf8")).version as string;
  } catch {
    return "0.0.0";
  }
}

/** An expected failure: shown as one line, no stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
