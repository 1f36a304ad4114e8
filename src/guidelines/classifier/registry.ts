// Where the trained models are and loading them: each model file is read, validated and
// decoded once per process, on first use (a rule referencing it, or a direct call).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { bundledPath } from "../../util/paths.js";
import { LinearModel, modelFileSchema } from "./model.js";

/** The models folder: STEWARD_MODELS_DIR, or models/ in Steward's own folder. */
export function modelsDir(): string {
  return process.env.STEWARD_MODELS_DIR ?? bundledPath("models");
}

/** Names of the models available (models/<name>.json). */
export function listModels(dir = modelsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
}

const loaded = new Map<string, LinearModel>();

/** The model called `name`, loaded once. @throws Error naming the file and the problem. */
export function loadModel(name: string, dir = modelsDir()): LinearModel {
  const file = path.join(dir, `${name}.json`);
  const found = loaded.get(file);
  if (found) return found;
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) {
    const known = listModels(dir);
    throw new Error(`no classifier model "${name}" in ${dir}${known.length ? ` (available: ${known.join(", ")})` : ""}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`classifier model ${file}: ${(e as Error).message}`);
  }
  const parsed = modelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`classifier model ${file}: ${issue ? `${issue.path.join(".") || "(top)"}: ${issue.message}` : "invalid"}`);
  }
  const model = new LinearModel(parsed.data);
  loaded.set(file, model);
  return model;
}
