// Periods of local days: months, ISO weeks, the period before, the last complete ones.
import { describe, expect, it } from "vitest";
import { dayCount, isoWeekOf, isoWeekRange, lastCompleteIsoWeek, lastCompleteMonth, monthRange, previousOf, PeriodError } from "../../src/insights/period.js";

describe("periods", () => {
  it("months, with the previous calendar month", () => {
    expect(monthRange("2026-10")).toEqual({ from: "2026-10-01", to: "2026-10-31", previous: { from: "2026-09-01", to: "2026-09-30" } });
    expect(monthRange("2028-03").previous).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthRange("2027-01").previous).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    for (const bad of ["2026-13", "2026-1", "26-10", "october"]) expect(() => monthRange(bad)).toThrow(PeriodError);
  });

  it("ISO weeks run Monday to Sunday; week 1 holds January 4th", () => {
    expect(isoWeekRange("2026-W47")).toEqual({ from: "2026-11-16", to: "2026-11-22", previous: { from: "2026-11-09", to: "2026-11-15" } });
    expect(isoWeekRange("2026-W01").from).toBe("2025-12-29");
    expect(isoWeekRange("2026-W53").from).toBe("2026-12-28");
    expect(() => isoWeekRange("2025-W53")).toThrow("2025 has no ISO week 53");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
  });

  it("lengths, the default previous period, and the last complete period in a time zone", () => {
    expect(dayCount({ from: "2026-10-01", to: "2026-10-31" })).toBe(31);
    expect(previousOf({ from: "2026-10-10", to: "2026-10-16" })).toEqual({ from: "2026-10-03", to: "2026-10-09" });
    // 2026-11-01T20:00Z is already November 2nd (a Monday) in Dhaka, still Sunday November 1st in New York.
    const t = Date.parse("2026-11-01T20:00:00Z");
    expect(lastCompleteMonth(t, "Asia/Dhaka")).toBe("2026-10");
    expect(lastCompleteIsoWeek(t, "Asia/Dhaka")).toBe("2026-W44");
    expect(lastCompleteIsoWeek(t, "America/New_York")).toBe("2026-W43");
  });
});
