// Belgian local time without a date library: the platform's Intl knows the tz database. A form
// field holds local wall-clock time ("2027-03-28T17:00"); the database holds the instant. Every
// area shows and reads times through this module (deadlines, mails, receipts, lists).

/** The one time zone of the platform: deadlines and dates are Brussels wall-clock time. */
export const brusselsTimeZone = "Europe/Brussels";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: brusselsTimeZone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date): WallClock {
  const parts = Object.fromEntries(
    partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The offset of Brussels from UTC at an instant, in milliseconds (+1 h or +2 h). */
function offsetAt(instant: Date): number {
  const w = wallClockOf(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DDTHH:mm", the value of an `<input type="datetime-local">`, in Brussels time. */
export function toBrusselsInput(instant: Date): string {
  const w = wallClockOf(instant);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant of a Brussels wall-clock time, or null when the text is not a date-time or the time
 * does not exist (the hour skipped when summer time starts). A time that occurs twice (when summer
 * time ends) is read as the first occurrence, in summer time.
 */
export function fromBrusselsInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((s) => Number(s ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(asUtc)) return null;
  // Try both offsets Brussels can have; keep those that read back as the same wall clock.
  const candidates = [2, 1]
    .map((hours) => new Date(asUtc - hours * 3_600_000))
    .filter((instant) => {
      const w = wallClockOf(instant);
      return (
        w.year === year &&
        w.month === month &&
        w.day === day &&
        w.hour === hour &&
        w.minute === minute &&
        w.second === second &&
        offsetAt(instant) === asUtc - instant.getTime()
      );
    });
  return candidates[0] ?? null;
}

// The platform's two formats for people, everywhere (pages, mails, PDF, audit log): a date,
// "donderdag 29 april 2027", and a date with its time, "donderdag 29 april 2027 om 17:00". A day
// without an instant (an ISO "2027-04-29") is shown by `formatDay` in the first.

/** A Brussels date and time for people, e.g. "donderdag 29 april 2027 om 17:00". */
export function formatBrussels(instant: Date, locale: "nl" | "en"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-BE", {
    timeZone: brusselsTimeZone,
    dateStyle: "full",
    timeStyle: "short",
  }).format(instant);
}

/** A Brussels date without the time, e.g. "donderdag 29 april 2027". */
export function formatBrusselsDate(instant: Date, locale: "nl" | "en"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-BE", {
    timeZone: brusselsTimeZone,
    dateStyle: "full",
  }).format(instant);
}

/** A calendar day ("2027-04-29", no time zone of its own) in the same format as a date. */
export function formatDay(day: string, locale: "nl" | "en"): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const instant = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return day;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-BE", {
    timeZone: "UTC",
    dateStyle: "full",
  }).format(instant);
}

/** A Brussels wall-clock time `days` after (or before) the day of `instant`, at hour:minute. */
export function brusselsDayAt(instant: Date, days: number, hour: number, minute = 0): Date {
  const w = wallClockOf(instant);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  const text = `${day.toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}`;
  const result = fromBrusselsInput(text);
  if (!result) throw new Error(`No Brussels time ${text}`);
  return result;
}
