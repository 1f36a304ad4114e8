// Reads a JSONL event log line by line. A bad line is reported with its number and reason
// and skipped; the reader never throws on input.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseEvent, type StewardEvent } from "../../core/events.js";

export type ReplayLine = { line: number; event: StewardEvent } | { line: number; error: string };

export async function* readEventLog(file: string): AsyncGenerator<ReplayLine> {
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.startsWith("//")) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      yield { line, error: `not valid JSON (${(e as Error).message.replace(/^.*?: /, "")})` };
      continue;
    }
    const r = parseEvent(value);
    yield r.ok ? { line, event: r.event } : { line, error: r.reason };
  }
}
