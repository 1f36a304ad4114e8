// steward schema guidelines|community: the JSON Schema of a configuration file, generated
// from the same zod schema that validates it (editors use the committed copies in schemas/).
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { guidelineJsonSchema } from "../../guidelines/schema.js";
import { communitySettingsJsonSchema } from "../../config/settings-schema.js";

const schemas: Record<string, () => unknown> = {
  guidelines: guidelineJsonSchema,
  community: communitySettingsJsonSchema,
};

export function registerSchema(program: Command, io: Io): void {
  program
    .command("schema")
    .description("print the JSON Schema of guideline files or community settings files")
    .argument("<kind>", `one of: ${Object.keys(schemas).join(", ")}`)
    .action((kind: string) => {
      const make = schemas[kind];
      if (!make) throw new UserError(`unknown schema "${kind}"; choose one of: ${Object.keys(schemas).join(", ")}`, 64);
      io.out.write(JSON.stringify(make(), null, 2) + "\n");
    });
}
