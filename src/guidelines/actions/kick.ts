import { defineConsequence } from "./define.js";

export const kickConsequence = defineConsequence({
  name: "kick",
  description: "Remove the member from the community (they may rejoin).",
  example: "kick",
  bare: { kind: "kick" },
});
