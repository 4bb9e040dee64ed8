import { type Locale, translate } from "../i18n/translate";
import { buildCalendar, type CalendarEvent } from "./icalendar";
import type { CallRow } from "./read-calls";

/** The iCalendar file of a call: its opening, its deadline and its decision date. */
export function callCalendar(
  c: Pick<CallRow, "id" | "title" | "summary" | "opensAt" | "closesAt" | "decisionAt">,
  options: { url: string; locale: Locale; now: Date },
): string {
  const t = (key: Parameters<typeof translate>[1]) =>
    translate(options.locale, key, { title: c.title });
  const milestones = [
    { key: "opens", at: c.opensAt, summary: t("call.ics.opens") },
    { key: "closes", at: c.closesAt, summary: t("call.ics.closes") },
    { key: "decision", at: c.decisionAt, summary: t("call.ics.decision") },
  ] as const;
  const events: CalendarEvent[] = milestones.flatMap((m) =>
    m.at
      ? [
          {
            uid: `${c.id}-${m.key}@innovet`,
            start: m.at,
            summary: m.summary,
            description: [c.summary, options.url].filter(Boolean).join("\n\n"),
            url: options.url,
          },
        ]
      : [],
  );
  return buildCalendar({ name: c.title, events, now: options.now });
}
