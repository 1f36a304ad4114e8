// The links conditions: links, spam rates and floods, self-promotion. Add a condition: write one
// file here and list it below.
import type { ConditionDefinition } from "../../types.js";
import { linksCondition } from "./links.js";
import { promotionCondition } from "./promotion.js";
import { rateCondition } from "./rate.js";
import { mentionsCondition } from "./mentions.js";
import { capsCondition } from "./caps.js";
import { emojiCondition } from "./emoji.js";
import { linesCondition } from "./lines.js";
import { attachmentsCondition } from "./attachments.js";

export const linksConditions: readonly ConditionDefinition[] = [
  linksCondition,
  promotionCondition,
  rateCondition,
  mentionsCondition,
  capsCondition,
  emojiCondition,
  linesCondition,
  attachmentsCondition,
] as readonly ConditionDefinition[];
