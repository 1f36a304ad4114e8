// steward testimonials export --format json|csv|html [--community KEY] [--out FILE]: the
// consented testimonials (named: the author's name; anonymous: "A customer" in the community's
// language). Withdrawn, declined, expired and pending ones never leave the store.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { env } from "../shared.js";
import { openChosenStore } from "../store.js";
import { createLogger } from "../../log.js";
import { testimonialsForExport } from "../../store/testimonials.js";
import { exportable, exportFormats, formatExport, type ExportFormat } from "../../testimonials/export.js";

interface ExportOptions {
  format: string;
  community?: string;
  out?: string;
  dataDir?: string;
}

export function registerTestimonials(program: Command, io: Io): void {
  const testimonials = program.command("testimonials").description("testimonials members consented to publish");
  testimonials
    .command("export")
    .description("write the consented testimonials as JSON, CSV or an HTML snippet a website can embed")
    .option("--format <format>", `one of ${exportFormats.join(", ")}`, "json")
    .option("--community <key>", "only this community (its settings key, e.g. acme)")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .action(async (opts: ExportOptions) => {
      if (!(exportFormats as readonly string[]).includes(opts.format)) throw new UserError(`--format must be one of ${exportFormats.join(", ")} (got "${opts.format}")`, 64);
      const e = env(io);
      const logger = createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL });
      const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger });
      let text: string;
      let count: number;
      try {
        const sources = await testimonialsForExport(store.prisma, opts.community);
        if (opts.community && !sources.length) throw new UserError(`no community "${opts.community}" in the store`, 65);
        const items = exportable(sources);
        count = items.length;
        text = formatExport(items, opts.format as ExportFormat);
      } finally {
        await store.close();
      }
      if (opts.out) {
        writeFileSync(path.resolve(opts.out), text);
        io.err.write(`${opts.out}: ${count} consented testimonial${count === 1 ? "" : "s"} (${opts.format})\n`);
      } else io.out.write(text);
    });
}
