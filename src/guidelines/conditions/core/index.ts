// The core conditions. Add a condition: write one file here and list it below.
import type { ConditionDefinition } from "../../types.js";
import { allCondition } from "./all.js";
import { anyCondition } from "./any.js";
import { notCondition } from "./not.js";
import { memberCondition } from "./member.js";
import { channelCondition } from "./channel.js";

export { conditionRef, NO_MATCHES, hasAny, factMatch } from "./child.js";

export const coreConditions: readonly ConditionDefinition[] = [
  allCondition,
  anyCondition,
  notCondition,
  memberCondition,
  channelCondition,
] as readonly ConditionDefinition[];
