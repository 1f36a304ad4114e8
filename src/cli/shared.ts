// Pieces several commands share: options for the rules and data folders, opening the store,
// loading guidelines and settings with errors turned into one-line messages.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UserError, type Io } from "./io.js";
import { GuidelineLibrary, defaultRulesDir } from "../guidelines/library.js";
import { loadAllSettings, SettingsProvider, ConfigError } from "../config/settings.js";
import { loadEnv, EnvError, type Env } from "../config/env.js";
import { GuidelineError } from "../guidelines/loader/index.js";

export interface CommonOptions {
  rules?: string;
  communities?: string;
  dataDir?: string;
}

export function addRulesOption(cmd: Command): Command {
  return cmd.option("--rules <dir>", "folder of guideline YAML files (default: STEWARD_RULES_DIR or the bundled rules/)");
}

export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .option("--communities <dir>", "folder of community settings files (default: STEWARD_COMMUNITIES_DIR or ./communities)");
}

export function env(io: Io): Env {
  try {
    return loadEnv(io.env);
  } catch (e) {
    if (e instanceof EnvError) throw new UserError(e.message, 78);
    throw e;
  }
}

export function requireFile(file: string, what = "file"): string {
  if (!existsSync(file)) throw new UserError(`${what} not found: ${file}`, 66);
  if (!statSync(file).isFile()) throw new UserError(`${what} is not a file: ${file}`, 66);
  return file;
}

export function requireDir(dir: string, what = "folder"): string {
  if (!existsSync(dir)) throw new UserError(`${what} not found: ${dir}`, 66);
  if (!statSync(dir).isDirectory()) throw new UserError(`${what} is not a folder: ${dir}`, 66);
  return dir;
}

export function rulesDirFrom(opts: CommonOptions, io: Io): string {
  return requireDir(path.resolve(opts.rules ?? io.env.STEWARD_RULES_DIR ?? defaultRulesDir()), "rules folder");
}

export async function loadLibrary(dir: string): Promise<GuidelineLibrary> {
  try {
    return await GuidelineLibrary.load(dir);
  } catch (e) {
    if (e instanceof GuidelineError) throw new UserError(`invalid guidelines:\n${e.format()}`, 65);
    throw e;
  }
}

export async function loadSettings(opts: CommonOptions, io: Io, e: Env): Promise<SettingsProvider> {
  const dir = path.resolve(opts.communities ?? e.STEWARD_COMMUNITIES_DIR);
  try {
    return new SettingsProvider(await loadAllSettings(dir));
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(`invalid community settings:\n${err.message}`, 65);
    throw err;
  }
}
