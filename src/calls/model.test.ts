import { describe, expect, it } from "vitest";
import { fromBrusselsInput } from "../platform/time";
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
