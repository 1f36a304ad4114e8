import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { conditionRegistry } from "../../../src/guidelines/conditions/index.js";
import { consequenceRegistry } from "../../../src/guidelines/actions/index.js";
import { guidelineJsonSchema, guidelineJsonSchemaText } from "../../../src/guidelines/schema.js";

const committedFile = fileURLToPath(new URL("../../../schemas/guidelines.schema.json", import.meta.url));

describe("guideline JSON Schema", () => {
  it("the committed schemas/guidelines.schema.json is the generated one", () => {
    const generated = guidelineJsonSchemaText();
    // After adding or changing a condition or consequence: STEWARD_UPDATE_SCHEMAS=1 npx vitest run test/guidelines/engine/schema.test.ts
    if (process.env.STEWARD_UPDATE_SCHEMAS) writeFileSync(committedFile, generated);
    const committed = readFileSync(committedFile, "utf8");
    expect(committed, "schemas/guidelines.schema.json is stale; regenerate with STEWARD_UPDATE_SCHEMAS=1 npx vitest run test/guidelines/engine/schema.test.ts").toBe(generated);
  });

  it("offers every registered condition and consequence to editors", () => {
    const schema = guidelineJsonSchema() as { $defs: Record<string, { anyOf: { required?: string[]; const?: string; anyOf?: { const?: string }[]; properties?: object }[] }> };
    const conditionKeys = schema.$defs.Condition!.anyOf.map((v) => v.required?.[0]);
    expect(conditionKeys).toEqual(conditionRegistry.map((c) => c.name));
    const consequenceNames = schema.$defs.Consequence!.anyOf.map((v) => v.const ?? v.anyOf?.[0]?.const ?? Object.keys(v.properties ?? {})[0]);
    expect(consequenceNames).toEqual(consequenceRegistry.map((c) => c.name));
  });

  it("describes what users write (durations as text), with nested conditions as references", () => {
    const text = guidelineJsonSchemaText();
    const schema = JSON.parse(text);
    const all = schema.$defs.Condition.anyOf.find((v: { required: string[] }) => v.required[0] === "all");
    expect(all.properties.all.items).toEqual({ $ref: "#/$defs/Condition" });
    const member = schema.$defs.Condition.anyOf.find((v: { required: string[] }) => v.required[0] === "member");
    expect(member.properties.member.properties.joined_within.anyOf[0]).toEqual({ type: "string" });
    expect(schema.properties.guidelines.items.properties.rules.items.properties.then.items).toEqual({ $ref: "#/$defs/Consequence" });
  });
});
