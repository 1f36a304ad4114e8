// Custom ids of the screening gate's components. All start with "steward:screening:", so they
// never collide with command buttons ("cmd:…"), which the interaction desk handles.
export const SCREENING_PREFIX = "steward:screening:";

/** The button on the gate message. */
export const START_ID = `${SCREENING_PREFIX}start`;

/** The modal of page `page` (1-based). */
export const modalId = (page: number): string => `${SCREENING_PREFIX}modal:${page}`;

/** The "Continue (page/pages)" button that opens the modal of `page`. */
export const continueId = (page: number): string => `${SCREENING_PREFIX}page:${page}`;

export type ScreeningId = { kind: "start" } | { kind: "modal"; page: number } | { kind: "continue"; page: number };

export function parseScreeningId(id: string): ScreeningId | null {
  if (id === START_ID) return { kind: "start" };
  const m = /^steward:screening:(modal|page):([1-9]\d?)$/.exec(id);
  if (!m) return null;
  return { kind: m[1] === "modal" ? "modal" : "continue", page: Number(m[2]) };
}
