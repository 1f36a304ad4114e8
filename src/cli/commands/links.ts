// steward links create <url> <campaign> | links list: tracked short links from the command line
// (the same links as /link create). Short links use PUBLIC_URL (default http://localhost:<PORT>).
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { env } from "../shared.js";
import { openChosenStore } from "../store.js";
import { createLogger } from "../../log.js";
import type { PrismaClient } from "../../store/index.js";
import { PrismaLinks } from "../../store/links.js";
import { LinkInputError } from "../../insights/links.js";
import type { Env } from "../../config/env.js";

export interface ChosenCommunity {
  id: number;
  key: string;
  platform: string;
  timezone: string;
}

/** The community a command is about: --community KEY, or the store's only community. */
export async function chooseCommunity(prisma: PrismaClient, key: string | undefined): Promise<ChosenCommunity> {
  const all = await prisma.community.findMany({ select: { id: true, key: true, platform: true, timezone: true }, orderBy: { key: "asc" } });
  const hint = "Steward knows a community once it has run for it (steward start, steward replay) or imported its customers";
  if (key === undefined) {
    if (all.length === 1) return all[0]!;
    if (!all.length) throw new UserError(`the store has no community yet; ${hint}`, 65);
    throw new UserError(`the store has several communities; choose one with --community (${all.map((c) => c.key).join(", ")})`, 64);
  }
  const c = all.find((x) => x.key === key);
  if (!c) throw new UserError(`no community "${key}" in the store (${all.length ? `known: ${all.map((x) => x.key).join(", ")}` : hint})`, 65);
  return c;
}

const publicUrlOf = (e: Env) => e.PUBLIC_URL ?? `http://localhost:${e.PORT || 3000}`;

interface StoreOpts {
  community?: string;
  dataDir?: string;
}

export function registerLinks(program: Command, io: Io): void {
  const links = program.command("links").description("tracked short links (redirects with UTM fields; clicks counted for the KPIs)");
  links
    .command("create")
    .description("make a tracked short link to a URL for a campaign")
    .argument("<url>", "the http or https address the link leads to")
    .argument("<campaign>", "campaign name, sent as utm_campaign")
    .option("--community <key>", "the community (default: the store's only one)")
    .option("--medium <name>", "utm_medium (default: the community's platform)")
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .action(async (url: string, campaign: string, opts: StoreOpts & { medium?: string }) => {
      const e = env(io);
      const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger: createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL }) });
      try {
        const c = await chooseCommunity(store.prisma, opts.community);
        const s = new PrismaLinks(store.prisma, () => publicUrlOf(e));
        const link = await s.create({ community: String(c.id), url, campaign, medium: opts.medium?.trim() || c.platform, createdBy: "cli" }).catch((err: unknown) => {
          throw err instanceof LinkInputError ? new UserError(err.message, 65) : err;
        });
        io.out.write(`${s.shortLink(link.code)}\n  → ${link.url}\n  campaign ${link.campaign}, medium ${link.medium}, community ${c.key}\n`);
      } finally {
        await store.close();
      }
    });
  links
    .command("list")
    .description("a community's tracked links, newest first, with their counted clicks")
    .option("--community <key>", "the community (default: the store's only one)")
    .option("--limit <n>", "at most this many links", "50")
    .option("--json", "one JSON array instead of lines")
    .option("--data-dir <dir>", "folder of the embedded database (default: STEWARD_DATA_DIR or ./data); ignored when DATABASE_URL is set")
    .action(async (opts: StoreOpts & { limit: string; json?: boolean }) => {
      const e = env(io);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UserError(`--limit must be a whole number from 1 to 10000 (got "${opts.limit}")`, 64);
      const store = await openChosenStore({ env: e, dataDir: opts.dataDir, logger: createLogger({ level: e.LOG_LEVEL === "info" ? "warn" : e.LOG_LEVEL }) });
      try {
        const c = await chooseCommunity(store.prisma, opts.community);
        const s = new PrismaLinks(store.prisma, () => publicUrlOf(e));
        const rows = await s.list(String(c.id), limit);
        if (opts.json) {
          io.out.write(`${JSON.stringify(rows.map((l) => ({ code: l.code, shortLink: s.shortLink(l.code), url: l.url, campaign: l.campaign, medium: l.medium, createdBy: l.createdBy, createdAt: new Date(l.createdAt).toISOString(), clicks: l.clicks })), null, 2)}\n`);
          return;
        }
        if (!rows.length) io.out.write(`no tracked links in community ${c.key} yet (steward links create <url> <campaign>)\n`);
        for (const l of rows) io.out.write(`${s.shortLink(l.code)}  ${l.clicks} click${l.clicks === 1 ? "" : "s"}  ${l.campaign}  → ${l.url}\n`);
      } finally {
        await store.close();
      }
    });
}
