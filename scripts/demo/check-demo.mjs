#!/usr/bin/env node
// Checks examples/demo-community.jsonl and examples/communities/acme.yaml against the real
// schemas (src/core/events.ts, src/config/settings-schema.ts) without a build: imported from
// source through tsx. Also checks the file's own consistency: time order, unique message ids, replies and reactions to earlier messages,
// authors who have joined and not left.
//   node scripts/demo/check-demo.mjs [file.jsonl]
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(path.join(root, "package.json"));
const { parse: parseYaml } = await import(pathToFileURL(require.resolve("yaml")).href);

// The real modules, imported from source through tsx (a dev dependency): no build needed.
const load = (rel) => tsImport(pathToFileURL(path.join(root, rel)).href, import.meta.url);

let problems = 0;
const fail = (msg) => { problems++; console.error(msg); };
{
  const { parseEvent } = await load("src/core/events.ts");
  const { communitySettingsSchema } = await load("src/config/settings-schema.ts");

  const settingsFile = "examples/communities/acme.yaml";
  const s = communitySettingsSchema.safeParse(parseYaml(readFileSync(path.join(root, settingsFile), "utf8")));
  if (!s.success) fail(`${settingsFile}: ${JSON.stringify(s.error.issues)}`);

  const file = process.argv[2] ?? path.join(root, "examples/demo-community.jsonl");
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
  const messages = new Map(); // id → channel
  const present = new Map(); // member → joined?
  const counts = {};
  let last = "";
  lines.forEach((text, i) => {
    const where = `line ${i + 1}`;
    let value;
    try { value = JSON.parse(text); } catch (e) { return fail(`${where}: not JSON (${e.message})`); }
    const r = parseEvent(value);
    if (!r.ok) return fail(`${where}: ${r.reason}`);
    const e = r.event;
    counts[e.type] = (counts[e.type] ?? 0) + 1;
    if (e.community !== "acme") fail(`${where}: community ${e.community}`);
    if (!/Z$/.test(e.at)) fail(`${where}: time not in UTC (Z)`);
    if (e.at < last) fail(`${where}: out of time order (${e.at} < ${last})`);
    last = e.at;
    const needMember = (m) => { if (!present.get(m)) fail(`${where}: ${m} is not a current member`); };
    switch (e.type) {
      case "member.joined": present.set(e.member.id, true); break;
      case "member.left": needMember(e.member.id); present.set(e.member.id, false); break;
      case "member.updated": case "screening.answered": needMember(typeof e.member === "string" ? e.member : e.member.id); break;
      case "message.created":
        needMember(e.message.author);
        if (messages.has(e.message.id)) fail(`${where}: duplicate message id ${e.message.id}`);
        if (e.message.replyTo && messages.get(e.message.replyTo) !== e.channel) fail(`${where}: replyTo ${e.message.replyTo} unknown or in another channel`);
        messages.set(e.message.id, e.channel);
        break;
      case "message.edited": case "message.deleted": case "reaction.added": case "reaction.removed": {
        const id = typeof e.message === "string" ? e.message : e.message.id;
        if (messages.get(id) !== e.channel) fail(`${where}: message ${id} unknown or in another channel`);
        if (e.type.startsWith("reaction")) needMember(e.member);
        break;
      }
    }
  });
  const ids = [...present.keys()];
  console.log(`${lines.length} events (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}), ${ids.length} members, ${messages.size} messages, ${problems} problem(s)`);
}
process.exit(problems ? 1 : 0);
