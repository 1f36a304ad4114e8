import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSettings, loadAllSettings, ConfigError } from "../../src/config/settings.js";
import { communitySettingsJsonSchema } from "../../src/config/settings-schema.js";
import { loadEnv, EnvError } from "../../src/config/env.js";

function errorOf(text: string, file = "communities/acme.yaml"): ConfigError {
  try {
    parseSettings(text, file);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("community settings", () => {
  it("parses a full file and fills defaults", () => {
    const s = parseSettings(
      "name: Acme Crafts\ntimezone: Asia/Dhaka\nlanguage: bn\nchannels: { modLog: mod-log }\nownDomains: [AcmeCrafts.example]\n",
      "communities/acme.yaml",
    );
    expect(s).toMatchObject({ community: "acme", timezone: "Asia/Dhaka", language: "bn", guidelines: "all", ownDomains: ["acmecrafts.example"], channels: { modLog: "mod-log" } });
  });

  it("gives file, line and column for a bad value", () => {
    const e = errorOf("name: Acme\ntimezone: Mars/Olympus\n");
    expect(e.issues[0]).toMatchObject({ file: "communities/acme.yaml", line: 2, column: 11 });
    expect(e.message).toMatch(/communities\/acme\.yaml:2:11: timezone: must be an IANA time zone/);
  });

  it("names an unknown field, where it is, and the known ones", () => {
    const e = errorOf("name: Acme\nchannels:\n  modlog: mod-log\n");
    expect(e.message).toMatch(/acme\.yaml:3:3: channels\.modlog: .*known fields: modLog, welcome, digest, review/);
  });

  it("refuses YAML aliases", () => {
    const e = errorOf("a: &x [1]\nmoderatorRoles: *x\n");
    expect(e.message).toMatch(/anchors|aliases/);
  });

  it("reports every file's problems together and rejects a community configured twice", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "steward-settings-"));
    writeFileSync(path.join(dir, "a.yaml"), "community: shop\n");
    writeFileSync(path.join(dir, "b.yaml"), "community: shop\n");
    writeFileSync(path.join(dir, "c.yaml"), "language: fr\n");
    const err = await loadAllSettings(dir).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as ConfigError).message;
    expect(msg).toMatch(/b\.yaml:1:1: community "shop" is configured twice/);
    expect(msg).toMatch(/c\.yaml:1:11: language:/);
  });

  it("a missing settings folder means zero configuration", async () => {
    expect((await loadAllSettings("/nonexistent/steward")).size).toBe(0);
  });

  it("the committed JSON Schema is the one generated from the zod schema", () => {
    const committed = JSON.parse(readFileSync(path.resolve("schemas/community.schema.json"), "utf8"));
    expect(committed).toEqual(communitySettingsJsonSchema());
  });
});

describe("environment", () => {
  it("names the variable and what it expects", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x@y/z", PORT: "abc" })).toThrow(EnvError);
    try {
      loadEnv({ DATABASE_URL: "mysql://x@y/z", SLACK_BOT_TOKEN: "xoxp-1" });
    } catch (e) {
      expect((e as Error).message).toMatch(/DATABASE_URL: must start with postgresql:\/\//);
      expect((e as Error).message).toMatch(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
      expect((e as Error).message).not.toContain("mysql://x@y/z");
    }
  });

  it("treats empty variables as unset and applies defaults", () => {
    const env = loadEnv({ DATABASE_URL: "", STEWARD_DATA_DIR: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.STEWARD_DATA_DIR).toBe("./data");
  });
});
