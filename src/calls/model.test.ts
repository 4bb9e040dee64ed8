import { describe, expect, it } from "vitest";
import {
  brusselsDayAt,
  formatBrussels,
  formatBrusselsDate,
  formatDay,
  formatEuro,
  fromBrusselsInput,
  toBrusselsInput,
} from "./brussels-time";
import { type CallPhase, callPhase, isSchoolYear } from "./model";

const second = 1000;
const opensAt = new Date("2027-03-01T08:00:00Z");
const closesAt = new Date("2027-04-29T15:00:00Z");

describe("callPhase", () => {
  const cases: Array<[string, Date, CallPhase]> = [
    ["long before opening", new Date("2026-01-01T00:00:00Z"), "upcoming"],
    ["one second before opening", new Date(opensAt.getTime() - second), "upcoming"],
    ["at the opening instant", opensAt, "open"],
    ["one second after opening", new Date(opensAt.getTime() + second), "open"],
    ["one second before the deadline", new Date(closesAt.getTime() - second), "open"],
    ["at the deadline", closesAt, "closed"],
    ["one second after the deadline", new Date(closesAt.getTime() + second), "closed"],
    ["one millisecond before the deadline", new Date(closesAt.getTime() - 1), "open"],
  ];
  it.each(cases)("%s: %s", (_label, now, expected) => {
    expect(callPhase({ opensAt, closesAt }, now)).toBe(expected);
  });

  it("closes at 17:00 Brussels on the day summer time starts (28 March 2027, UTC+2)", () => {
    const deadline = fromBrusselsInput("2027-03-28T17:00");
    expect(deadline?.toISOString()).toBe("2027-03-28T15:00:00.000Z");
    const timeline = { opensAt, closesAt: deadline as Date };
    expect(callPhase(timeline, new Date("2027-03-28T14:59:59Z"))).toBe("open");
    expect(callPhase(timeline, new Date("2027-03-28T15:00:00Z"))).toBe("closed");
    // 16:00 UTC is 18:00 Brussels that day, though it would be 17:00 the day before.
    expect(callPhase(timeline, new Date("2027-03-27T16:00:00Z"))).toBe("open");
  });

  it("closes at 17:00 Brussels on the day winter time starts (31 October 2027, UTC+1)", () => {
    const deadline = fromBrusselsInput("2027-10-31T17:00");
    expect(deadline?.toISOString()).toBe("2027-10-31T16:00:00.000Z");
    const timeline = { opensAt, closesAt: deadline as Date };
    expect(callPhase(timeline, new Date("2027-10-31T15:59:59Z"))).toBe("open");
    expect(callPhase(timeline, new Date("2027-10-31T16:00:01Z"))).toBe("closed");
  });
});

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

  it("formats euro amounts the Belgian way", () => {
    expect(formatEuro(50_000_00, "nl").replace(/\s/g, " ")).toBe("€ 50.000");
    expect(formatEuro(1_234_56, "nl").replace(/\s/g, " ")).toBe("€ 1.234,56");
  });
});

describe("isSchoolYear", () => {
  it.each([
    ["2026-2027", true],
    ["2018-2019", true],
    ["2026-2028", false],
    ["2026/2027", false],
    ["26-27", false],
  ])("%s: %s", (text, ok) => {
    expect(isSchoolYear(text)).toBe(ok);
  });
});
