// Reading the labelled corpora (JSON lines) and fingerprinting them for the model metadata.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export interface CorpusRow {
  text: string;
  label: string;
  target?: string | null;
  target_type?: string | null;
  source?: string;
}

export function readJsonl(file: string): CorpusRow[] {
  const rows: CorpusRow[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const row = JSON.parse(line) as CorpusRow;
    if (typeof row.text !== "string" || typeof row.label !== "string") throw new Error(`${file}:${i + 1}: expected text and label`);
    rows.push(row);
  }
  return rows;
}

export function sha256File(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
