// The Discord command definitions built from the registry, and the hash that decides whether to PUT them.
import { describe, expect, it } from "vitest";
import { discordCommands, menuCommand } from "../../src/platforms/discord/commands/definitions.js";
import { commandsHash } from "../../src/platforms/discord/commands/register.js";

describe("Discord command definitions", () => {
  const defs = discordCommands();

  it("puts required options first and carries the limits", () => {
    const timeout = defs.find((c) => c.name === "timeout")!;
    expect(timeout.options!.map((o) => `${o.name}${o.required ? "*" : ""}`)).toEqual(["member*", "duration*", "reason", "strikes", "notify"]);
    expect(timeout.options!.find((o) => o.name === "strikes")).toMatchObject({ type: 4, min_value: 0, max_value: 10 });
    const purge = defs.find((c) => c.name === "purge")!;
    expect(purge.options![0]).toMatchObject({ name: "count", type: 4, required: true, min_value: 1, max_value: 100 });
  });

  it("maps context-menu labels back to commands", () => {
    expect(menuCommand("Report to moderators")).toMatchObject({ menu: "message", def: { name: "report" } });
    expect(menuCommand("Moderation history")).toMatchObject({ menu: "user", def: { name: "history" } });
    expect(menuCommand("Capture testimonial")).toMatchObject({ menu: "message", def: { name: "testimonial capture" } });
    expect(menuCommand("Something else")).toBeNull();
  });

  it("the hash ignores what Discord adds (ids, versions, localizations, absent required: false) and the order", () => {
    const asDiscordReturnsThem = [...defs].reverse().map((c, i) => ({
      id: `12${i}`,
      application_id: "99",
      version: `34${i}`,
      guild_id: "1",
      name_localizations: null,
      description_localizations: null,
      dm_permission: true,
      contexts: null,
      integration_types: [0],
      nsfw: false,
      ...c,
      options: c.options?.map((o) => ({ ...o, name_localizations: null, description_localizations: null, ...(o.options ? { options: o.options.map((x) => ({ ...x })) } : {}) })),
    }));
    expect(commandsHash(asDiscordReturnsThem)).toBe(commandsHash(defs));
  });

  it("the hash changes with a description, an option limit or a permission", () => {
    const base = commandsHash(defs);
    const edit = (f: (c: (typeof defs)[number]) => void) => {
      const copy = structuredClone(defs);
      f(copy.find((c) => c.name === "ban")!);
      return commandsHash(copy);
    };
    expect(edit((c) => (c.description = "x"))).not.toBe(base);
    expect(edit((c) => (c.default_member_permissions = null))).not.toBe(base);
    expect(edit((c) => (c.options![2]!.max_length = 3))).not.toBe(base);
    expect(commandsHash(defs.slice(1))).not.toBe(base);
  });
});
