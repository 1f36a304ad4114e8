import { defineConsequence } from "./define.js";

export const holdConsequence = defineConsequence({
  name: "hold",
  description: "Hide the message and hold it for a moderator to approve or remove.",
  example: "hold",
  bare: { kind: "hold" },
});
