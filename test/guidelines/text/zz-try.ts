import { loadRespect, judge } from "./respect-eval.js";
import { readFileSync } from "node:fs";
const set = await loadRespect();
for (const t of readFileSync(0, "utf8").split("\n").filter(Boolean)) console.log(JSON.stringify(t), "=>", judge(set, t).map((h) => `${h.rule.id}`).join(", ") || "-");
