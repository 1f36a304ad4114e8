// Runs the real CLI in-process with captured output (as test/cli does).
import { PassThrough } from "node:stream";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { runCli } from "../../src/cli/main.js";

export const fixtures = path.resolve("test/fixtures/facebook");
export const communities = path.join(fixtures, "communities");

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = "";
  let e = "";
  out.on("data", (c) => (o += String(c)));
  err.on("data", (c) => (e += String(c)));
  const code = await runCli(args, { out, err, env: { LOG_LEVEL: "silent", ...env }, version: "9.9.9" });
  await new Promise((r) => setImmediate(r));
  return { code, out: o, err: e };
}

export function csvRecords(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}
