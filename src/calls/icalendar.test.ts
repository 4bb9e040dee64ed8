import { describe, expect, it } from "vitest";
import { callCalendar } from "./call-calendar";
import { buildCalendar, escapeText, foldLine } from "./icalendar";

/** A small RFC 5545 reader for the tests: unfolds lines and unescapes TEXT values. */
function parse(ics: string) {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const lines = unfolded.split("\r\n").filter(Boolean);
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      if (current) events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line
        .slice(colon + 1)
        .replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
    }
  }
  return { lines, events };
}

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar", () => {
  const title =
    "Oproep 2027; voor tso, bso en \\ dbso\nmet een heel lange titel die zeker gevouwen moet worden ééé ✓✓✓";
  const ics = callCalendar(
    {
      id: "7c1f0c1e-0000-4000-8000-000000000001",
      title,
      summary: "Samen innoveren, met bedrijven; en scholen.\nTweede regel.",
      opensAt: new Date("2027-03-01T08:00:00Z"),
      closesAt: new Date("2027-04-29T15:00:00Z"),
      decisionAt: new Date("2027-06-15T10:00:00Z"),
    },
    {
      url: "https://innovet.example/oproepen/7c1f",
      locale: "nl",
      now: new Date("2027-01-02T03:04:05Z"),
    },
  );

  it("uses CRLF line endings only, and ends with CRLF", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("keeps every physical line at most 75 octets", () => {
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain("\r\n "); // something was folded
  });

  it("has the calendar frame and three events with UTC start times", () => {
    const { lines, events } = parse(ics);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(events.map((e) => e.DTSTART)).toEqual([
      "20270301T080000Z",
      "20270429T150000Z",
      "20270615T100000Z",
    ]);
    for (const e of events) {
      expect(e.DTSTAMP).toBe("20270102T030405Z");
      expect(e.UID).toMatch(/@innovet$/);
    }
    expect(new Set(events.map((e) => e.UID)).size).toBe(3);
  });

  it("escapes commas, semicolons, backslashes and newlines, and reads them back", () => {
    const { events } = parse(ics);
    expect(events[1]?.SUMMARY).toBe(`Deadline oproep: ${title}`);
    expect(events[0]?.DESCRIPTION).toContain(
      "Samen innoveren, met bedrijven; en scholen.\nTweede regel.",
    );
    const raw = ics.replace(/\r\n[ \t]/g, "");
    expect(raw).toContain("Oproep 2027\\; voor tso\\, bso en \\\\ dbso\\nmet");
  });

  it("leaves out milestones without a date", () => {
    const partial = buildCalendar({ name: "x", events: [], now: new Date() });
    expect(parse(partial).events).toEqual([]);
  });

  it("escapes and folds single values", () => {
    expect(escapeText("a,b;c\\d\r\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const long = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
  });
});
