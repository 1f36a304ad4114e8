// Runs the real CLI in-process with captured output (as test/cli does).
import path from "node:path";
import { parse } from "csv-parse/sync";

export const fixtures = path.resolve("test/fixtures/facebook");
export const communities = path.join(fixtures, "communities");

export { cli } from "../helpers/cli.js";

export function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}
