// npm run bench: every benchmark in one process, figures printed as a small report.
// Timing goals live here, never in tests.
import { runReplayBench } from "./replay.js";
import { runKpiBench, runRollupCostBench } from "./kpis.js";
import { runEngineBench, formatEngineBench } from "./engine.js";
import { engineOverhead } from "./engine/overhead.js";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whether this runs as dist/bench/run.js or from source as bench/run.ts. */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

/**
 * The Discord bench drives the fake Discord in test/fake-discord, which is TypeScript that tsconfig.json does not
 * compile: bench/discord.ts runs from source through tsx in a child process and prints its own line.
 */
function runDiscordBenchChild(messages: number, intervalMs: number): Promise<void> {
  return runTsxChild("discord.ts", ["--messages", String(messages), "--interval", String(intervalMs)]);
}

function runTsxChild(file: string, args: string[], nodeFlags: string[] = []): Promise<void> {
  const root = repoRoot();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join(root, "bench", file), ...args], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${file} failed (exit ${code ?? signal})`))));
  });
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
  if (!only || only === "engine") {
    console.error("engine: default guidelines vs obscenity vs bad-words on the same mixed corpus…");
    console.log(formatEngineBench(await runEngineBench({ baselines: !process.argv.includes("--no-baselines") })));
    const o = engineOverhead();
    console.log(`\nengine overhead: 30 trivial rules (facts, composition, exemptions): ${o.messagesPerSecond.toLocaleString("en-US")} msg/s (goal well over 300,000: ${o.messagesPerSecond > 300_000 ? "met" : "NOT met"})`);
    console.log("");
  }
  if (!only || only === "replay") {
    const events = arg("events", 200_000);
    console.error(`replay: generating ${events.toLocaleString("en")} events and replaying them on the embedded store…`);
    const r = await runReplayBench(events);
    console.log(`replay end to end (embedded PGlite store): ${r.events.toLocaleString("en")} events, ${r.decisions} decisions in ${r.seconds.toFixed(2)}s → ${r.eventsPerSecond.toLocaleString("en")} events/s (goal ≥ 20,000), peak RSS ${r.peakRssMb} MB`);
    console.log("");
  }
  if (only === "discord-load") {
    // Not in the default run: it takes a minute. See bench/discord-load.ts.
    const rate = arg("rate", 1000);
    console.error(`discord-load: ${rate.toLocaleString("en")} messages/s through the fake gateway for ${arg("seconds", 60)} s…`);
    await runTsxChild("discord-load.ts", ["--rate", String(rate), "--seconds", String(arg("seconds", 60))], ["--expose-gc"]);
  }
  if (!only || only === "kpis") {
    console.error("kpis: generating a year of rollups for 50,000 members and 5,000,000 messages with SQL, then a month's KPIs…");
    const k = await runKpiBench();
    console.log(`kpis for one month (embedded PGlite store): ${k.members.toLocaleString("en")} members, ${k.messages.toLocaleString("en")} messages in a year (${k.memberDayRows.toLocaleString("en")} member-day rows, ${k.questions.toLocaleString("en")} questions, generated in ${k.generateSeconds.toFixed(0)}s) → first ${Math.round(k.firstMs)} ms, best of 5 ${Math.round(k.bestMs)} ms (goal < 1 s: ${k.firstMs < 1000 ? "met" : "NOT met"}); ${k.activeMembers.toLocaleString("en")} active members in 2026-10`);
    const events = arg("events", 100_000);
    console.error(`kpis: the rollups' cost per event: ${events.toLocaleString("en")} events through the pipeline with and without them, 3 rounds…`);
    const c = await runRollupCostBench(events);
    console.log(`insights rollups cost per event: CPU ${c.withoutCpuUs} µs without, ${c.withCpuUs} µs with → ×${c.ratio.toFixed(3)}; wall ${c.withoutPerSecond.toLocaleString("en")} → ${c.withPerSecond.toLocaleString("en")} events/s (×${c.wallRatio.toFixed(3)} time per event)`);
    console.log("");
  }
  if (!only || only === "discord") {
    const messages = arg("messages", 1000);
    console.error(`discord: ${messages.toLocaleString("en")} MESSAGE_CREATE dispatches through the fake gateway, timed until each DELETE reaches its REST server…`);
    await runDiscordBenchChild(messages, arg("interval", 25));
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
