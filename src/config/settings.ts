// Loads communities/<key>.yaml files. Errors give file, line and column and what to fix.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { communitySettingsSchema, defaultSettings, type CommunitySettings } from "./settings-schema.js";
import { parseYamlWithPositions } from "../util/yaml-source.js";

export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`).join("\n"));
  }
}

export function parseSettings(text: string, file: string): CommunitySettings {
  const parsed = parseYamlWithPositions(text);
  if (!parsed.ok) throw new ConfigError(parsed.problems.map((p) => ({ file, ...p })));
  const value = parsed.yaml.value ?? {};
  const r = communitySettingsSchema.safeParse(value);
  if (!r.success) {
    throw new ConfigError(
      r.error.issues.map((i) => {
        const unknownKey = i.code === "unrecognized_keys" ? i.keys[0] : undefined;
        const at = unknownKey ? parsed.yaml.locateKey([...i.path, unknownKey]) : parsed.yaml.locate(i.path);
        const field = [...i.path, ...(unknownKey ? [unknownKey] : [])].join(".") || "(file)";
        const known = i.code === "unrecognized_keys" ? knownKeysHint(i.path) : "";
        return { file, ...at, message: `${field}: ${i.message}${known}` };
      }),
    );
  }
  const fallbackKey = path.basename(file).replace(/\.ya?ml$/i, "");
  return { ...r.data, community: r.data.community ?? fallbackKey };
}

function knownKeysHint(at: readonly PropertyKey[]): string {
  const shape = at.length === 0 ? communitySettingsSchema.shape : at[0] === "channels" ? { modLog: 1, welcome: 1, digest: 1, review: 1 } : null;
  return shape ? `; known fields: ${Object.keys(shape).join(", ")}` : "";
}

/** Every settings file in a folder, keyed by community. A missing folder means no overrides. */
export async function loadAllSettings(dir: string): Promise<Map<string, CommunitySettings>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw e;
  }
  const out = new Map<string, CommunitySettings>();
  const issues: ConfigIssue[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const s = parseSettings(await readFile(file, "utf8"), file);
      if (out.has(s.community)) issues.push({ file, line: 1, column: 1, message: `community "${s.community}" is configured twice` });
      out.set(s.community, s);
    } catch (e) {
      if (e instanceof ConfigError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new ConfigError(issues);
  return out;
}

/** Settings for a community: its file, or the zero-configuration defaults. */
export class SettingsProvider {
  constructor(private readonly byCommunity: Map<string, CommunitySettings> = new Map()) {}
  get(community: string): CommunitySettings {
    let s = this.byCommunity.get(community);
    if (!s) {
      s = defaultSettings(community);
      this.byCommunity.set(community, s);
    }
    return s;
  }
  all(): CommunitySettings[] {
    return [...this.byCommunity.values()];
  }
}
