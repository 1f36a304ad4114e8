// Runs the real CLI in-process with captured output, as a user would see it.
import { PassThrough } from "node:stream";
import { runCli } from "../../src/cli/main.js";

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
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
