// steward facebook screen|posts|rules: the Facebook-group assist. Facebook removed the Groups
// API in April 2024, so these work on files an admin exports and on settings entered by hand.
// Layouts and the admin's workflow: docs/facebook.md.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UserError, type Io } from "../io.js";
import { addRulesOption, env, loadSettings, requireFile, rulesDirFrom, type CommonOptions } from "../shared.js";
import { loadGuidelines, GuidelineError, type LoadedGuidelineSet } from "../../guidelines/loader/index.js";
import type { CommunitySettings } from "../../config/settings-schema.js";
import { readCsv, type CsvTable, type SkippedRow } from "../../util/csv-read.js";
import { toCsv } from "../../util/csv-write.js";
import { CsvLayoutError, loadCustomersCsv } from "../../onboarding/customers-csv.js";
import { DECISION_COLUMNS, screenAnswers } from "../../platforms/facebook/screen.js";
import { judgePosts, WORKLIST_COLUMNS } from "../../platforms/facebook/posts.js";
import { renderGroupRules } from "../../platforms/facebook/group-rules.js";
import { adminAssist, DEFAULT_MAX_KEYWORDS } from "../../platforms/facebook/admin-assist.js";
import { formatRulesReport } from "../../platforms/facebook/format-rules.js";

interface FacebookOptions extends CommonOptions {
  community?: string;
  customers?: string;
  out?: string;
  json?: boolean;
  maxKeywords?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function readTable(file: string, what: string): CsvTable {
  // Messages name the file as the admin typed it.
  return { ...readCsv(requireFile(path.resolve(file), what)), file };
}

function reportSkipped(io: Io, file: string, skipped: readonly SkippedRow[]): void {
  for (const s of skipped) io.err.write(`${file}:${s.line}: ${s.reason}; row skipped\n`);
}

/** To --out (with a BOM, so Excel reads Bengali as UTF-8) or stdout. */
function writeCsv(io: Io, out: string | undefined, columns: readonly string[], rows: (string | number)[][]): void {
  if (out) writeFileSync(path.resolve(out), toCsv(columns, rows, true));
  else io.out.write(toCsv(columns, rows));
}

function progress(io: Io, what: string) {
  return (done: number) => io.err.write(`… ${done.toLocaleString("en")} ${what}\n`);
}

function layoutErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof CsvLayoutError) throw new UserError(e.message, 65);
    throw e;
  }
}

async function loadSet(opts: CommonOptions, io: Io): Promise<{ set: LoadedGuidelineSet; dir: string }> {
  const dir = rulesDirFrom(opts, io);
  try {
    return { set: await loadGuidelines(dir), dir };
  } catch (e) {
    if (e instanceof GuidelineError) throw new UserError(`invalid guidelines:\n${e.format()}`, 65);
    throw e;
  }
}

/** --community, or the only community whose settings have what `want` needs. */
async function pickCommunity(opts: FacebookOptions, io: Io, want: (s: CommunitySettings) => boolean, what: string): Promise<CommunitySettings | null> {
  const settings = await loadSettings(opts, io, env(io));
  const dir = path.resolve(opts.communities ?? env(io).STEWARD_COMMUNITIES_DIR);
  if (opts.community) {
    const s = settings.get(opts.community);
    if (!want(s)) throw new UserError(`community "${opts.community}" has no ${what} in ${dir} (known: ${settings.all().map((x) => x.community).join(", ") || "none"})`, 65);
    return s;
  }
  const fit = settings.all().filter(want);
  if (fit.length === 1) return fit[0]!;
  if (fit.length > 1) throw new UserError(`several communities in ${dir} have ${what} (${fit.map((s) => s.community).join(", ")}); pick one with --community`, 64);
  return null;
}

function finish(io: Io, file: string, read: number, skipped: number, processed: number, tail: string): void {
  io.err.write(`${file}: ${plural(read, "row")}, ${skipped} skipped${tail}\n`);
  if (processed === 0) throw new UserError(`no row of ${file} could be used; fix the rows above`, 65);
}

export function registerFacebook(program: Command, io: Io): void {
  const fb = program.command("facebook").description("Facebook-group assist from exported files (Facebook has no Groups API since April 2024); see docs/facebook.md");

  fb.command("screen")
    .description("screen membership answers exported by an admin: approve, decline or review per applicant, from the community's onboarding.screening settings")
    .argument("<answers>", "CSV: name, profile link, request date, and one column per question (headed by its id or label)")
    .option("--community <key>", "the community whose screening settings apply (default: the only one with screening)")
    .option("--communities <dir>", "folder of community settings files (default: STEWARD_COMMUNITIES_DIR or ./communities)")
    .option("--customers <file>", "CSV of customers (name, email, order) to verify order numbers and emails against")
    .option("--out <file>", "write the decisions CSV here instead of stdout")
    .action(async (file: string, opts: FacebookOptions) => {
      const table = readTable(file, "answers file");
      const community = await pickCommunity(opts, io, (s) => Boolean(s.onboarding?.screening), "onboarding.screening questions");
      if (!community) throw new UserError(`no community settings with onboarding.screening questions in ${path.resolve(opts.communities ?? env(io).STEWARD_COMMUNITIES_DIR)}; add them (docs/facebook.md) or pass --communities`, 65);
      let customers = null;
      if (opts.customers) {
        const loaded = layoutErrors(() => loadCustomersCsv(requireFile(path.resolve(opts.customers!), "customers file"), community.community));
        if (loaded.unknown.length) io.err.write(`${opts.customers}: ignored columns ${loaded.unknown.map((u) => `"${u}"`).join(", ")}\n`);
        reportSkipped(io, opts.customers, loaded.skipped);
        io.err.write(`${opts.customers}: ${plural(loaded.count, "customer")} loaded, ${loaded.skipped.length} skipped\n`);
        customers = loaded.directory;
      }
      const screening = community.onboarding!.screening!;
      const run = await screenAnswersOrError(() =>
        screenAnswers({ table, community: community.community, settings: screening, customers, onProgress: progress(io, "applicants screened") }),
      );
      for (const w of run.warnings) io.err.write(`warning: ${w}\n`);
      reportSkipped(io, file, run.skipped);
      writeCsv(io, opts.out, DECISION_COLUMNS, run.rows);
      finish(io, file, run.read, run.skipped.length, run.rows.length, `; ${run.counts.approve} approve, ${run.counts.decline} decline, ${run.counts.review} review`);
    });

  const posts = fb
    .command("posts")
    .description("judge exported posts and comments with the guidelines (each as an established member's message); a worklist CSV of the hits for the admins")
    .argument("<posts>", "CSV: author, text, date, link, type (post|comment)")
    .option("--out <file>", "write the worklist CSV here instead of stdout");
  addRulesOption(posts).action(async (file: string, opts: FacebookOptions) => {
    const table = readTable(file, "posts file");
    const { set } = await loadSet(opts, io);
    const run = layoutErrors(() => judgePosts({ table, set, onProgress: progress(io, "rows judged") }));
    for (const w of run.warnings) io.err.write(`warning: ${w}\n`);
    reportSkipped(io, file, run.skipped);
    writeCsv(io, opts.out, WORKLIST_COLUMNS, run.rows);
    const per = [...run.flagged].map(([g, n]) => `${g} ${n}`).join(", ");
    finish(io, file, run.read, run.skipped.length, run.judged, `; ${run.flaggedPosts} flagged${per ? ` (${per})` : ""}`);
  });

  const rules = fb
    .command("rules")
    .description("render the guidelines as Facebook group rules (at most 10; titles and descriptions within Facebook's limits) and the Admin Assist settings to enter by hand")
    .option("--community <key>", "only the guidelines this community uses (its settings' `guidelines:`)")
    .option("--communities <dir>", "folder of community settings files (default: STEWARD_COMMUNITIES_DIR or ./communities)")
    .option("--max-keywords <n>", `at most this many decline keywords (default ${DEFAULT_MAX_KEYWORDS})`)
    .option("--json", "print one JSON object: {community, groupRules, adminAssist}");
  addRulesOption(rules).action(async (opts: FacebookOptions) => {
    const max = opts.maxKeywords === undefined ? DEFAULT_MAX_KEYWORDS : Number(opts.maxKeywords);
    if (!Number.isInteger(max) || max < 0) throw new UserError(`--max-keywords: expected a whole number, got "${opts.maxKeywords}"`, 64);
    const { set, dir } = await loadSet(opts, io);
    const community = opts.community ? await pickCommunity(opts, io, () => true, "settings") : null;
    const picked = community && community.guidelines !== "all" ? community.guidelines : null;
    const inSelection = (file: string) => !picked || picked.some((f) => file === f || file === `${f}.yaml` || file === `${f}.yml`);
    const report = {
      community: community ? (community.name ?? community.community) : null,
      groupRules: renderGroupRules(set.guidelines.filter((g) => inSelection(g.file))),
      adminAssist: adminAssist(set.rules.filter((r) => inSelection(r.guideline.file)), dir, max),
    };
    io.out.write(opts.json ? JSON.stringify(report) + "\n" : formatRulesReport(report) + "\n");
  });
}

async function screenAnswersOrError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CsvLayoutError) throw new UserError(e.message, 65);
    throw e;
  }
}
