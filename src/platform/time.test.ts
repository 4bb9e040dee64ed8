import { describe, expect, it } from "vitest";
import {
  brusselsDayAt,
  formatBrussels,
  formatBrusselsDate,
  formatDay,
  fromBrusselsInput,
  toBrusselsInput,
} from "./time";

describe("Brussels time", () => {
  it.each([
    ["2027-01-15T17:00", "2027-01-15T16:00:00.000Z"],
    ["2027-07-15T17:00", "2027-07-15T15:00:00.000Z"],
    ["2027-03-28T01:59", "2027-03-28T00:59:00.000Z"],
    ["2027-03-28T03:00", "2027-03-28T01:00:00.000Z"],
    // 02:30 on 31 October happens twice: the first (summer-time) occurrence is taken.
    ["2027-10-31T02:30", "2027-10-31T00:30:00.000Z"],
    ["2027-10-31T03:30", "2027-10-31T02:30:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(fromBrusselsInput(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2027-03-28T02:30", // skipped when summer time starts
    "2027-02-30T10:00",
    "2027-13-01T10:00",
    "2027-01-01T24:00",
    "morgen",
    "",
    "2027-01-01",
  ])("refuses %j", (text) => {
    expect(fromBrusselsInput(text)).toBeNull();
  });

  it("round-trips every hour of a year through the form value", () => {
    const start = Date.UTC(2027, 0, 1);
    for (let hour = 0; hour < 365 * 24; hour++) {
      const instant = new Date(start + hour * 3_600_000);
      const text = toBrusselsInput(instant);
      const back = fromBrusselsInput(text);
      // The second 02:xx of the autumn change reads back as the first; all others are exact.
      if (back?.getTime() !== instant.getTime())
        expect(instant.getTime() - (back?.getTime() ?? 0)).toBe(3_600_000);
    }
  });

  it("shows instants in Belgian time, in Dutch", () => {
    expect(formatBrussels(new Date("2027-04-29T15:00:00Z"), "nl")).toBe(
      "donderdag 29 april 2027 om 17:00",
    );
  });

  // Two formats for people, everywhere: a date, and the same date with its time.
  it.each([
    ["nl", "2027-04-29T15:00:00Z", "2027-04-29", "donderdag 29 april 2027"],
    ["en", "2027-04-29T15:00:00Z", "2027-04-29", "Thursday, 29 April 2027"],
    // 23:30 UTC on 31 October is already 1 November in Brussels.
    ["nl", "2027-10-31T23:30:00Z", "2027-11-01", "maandag 1 november 2027"],
  ] as const)("shows a date (%s) as the date-time's day: %s", (locale, instant, day, text) => {
    expect(formatBrusselsDate(new Date(instant), locale)).toBe(text);
    expect(formatDay(day, locale)).toBe(text);
    expect(formatBrussels(new Date(instant), locale).startsWith(text)).toBe(true);
  });

  it("leaves a text that is not a day as it is", () => {
    expect(formatDay("2027-13-45", "nl")).toBe("2027-13-45");
    expect(formatDay("morgen", "nl")).toBe("morgen");
  });

  it("computes a Brussels day at a wall-clock time across a DST change", () => {
    const day = brusselsDayAt(new Date("2027-03-27T12:00:00Z"), 1, 17);
    expect(day.toISOString()).toBe("2027-03-28T15:00:00.000Z");
  });
});
