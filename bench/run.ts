// npm run bench: every benchmark in one process, figures printed as a small report.
// Timing goals live here, never in tests.
import { runReplayBench } from "./replay.js";
import { runEngineBench, formatEngineBench } from "./engine.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
  if (!only || only === "engine") {
    console.error("engine: default guidelines vs obscenity vs bad-words on the same mixed corpus…");
    console.log(formatEngineBench(await runEngineBench({ baselines: !process.argv.includes("--no-baselines") })));
    console.log("");
  }
  if (!only || only === "replay") {
    const events = arg("events", 200_000);
    console.error(`replay: generating ${events.toLocaleString("en")} events and replaying them on the embedded store…`);
    const r = await runReplayBench(events);
    console.log(`replay end to end (embedded PGlite store): ${r.events.toLocaleString("en")} events, ${r.decisions} decisions in ${r.seconds.toFixed(2)}s → ${r.eventsPerSecond.toLocaleString("en")} events/s (goal ≥ 20,000), peak RSS ${r.peakRssMb} MB`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
