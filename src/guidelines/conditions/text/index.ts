// The text conditions. Add a condition: write one file here and list it below.
import type { ConditionDefinition } from "../../types.js";
import { words } from "./words.js";
import { phrases } from "./phrases.js";
import { regex } from "./regex.js";
import { insult } from "./insult.js";
import { threat } from "./threat.js";

export const textConditions: readonly ConditionDefinition[] = [words, phrases, regex, insult, threat] as unknown as readonly ConditionDefinition[];
