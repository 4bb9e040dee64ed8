import { describe, expect, it } from "vitest";
import { enByArea } from "./catalogue.en";
import { nlByArea } from "./catalogue.nl";
import { formatMessage, isPluralMessage, type Message } from "./message";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (m: Message) => (isPluralMessage(m) ? [m.one, m.other] : [m]);

const areas = Object.keys(nlByArea) as (keyof typeof nlByArea)[];

describe.each(areas)("the %s catalogue", (area) => {
  const nl: Record<string, Message> = nlByArea[area];
  const en: Record<string, Message> = enByArea[area];

  it("has exactly the same keys in Dutch and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it.each(Object.keys(nl))("%s is translated, with the same placeholders and forms", (key) => {
    const [dutch, english] = [nl[key] as Message, en[key] as Message];
    expect(isPluralMessage(english)).toBe(isPluralMessage(dutch));
    for (const form of [...forms(dutch), ...forms(english)]) expect(form.trim()).not.toBe("");
    // Every form of a message names the same placeholders, except that the `one` form of a
    // plural may leave out {count} ("1 resultaat" or "één resultaat").
    const all = (m: Message) => placeholders(isPluralMessage(m) ? m.other : m);
    expect(all(english)).toEqual(all(dutch));
    if (isPluralMessage(dutch)) expect(all(dutch)).toContain("count");
  });
});

describe("the catalogues together", () => {
  it("never define one key in two areas (the later one would silently win)", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const area of areas)
      for (const key of Object.keys(nlByArea[area])) {
        const other = seen.get(key);
        if (other) twice.push(`${key} (${other}, ${area})`);
        seen.set(key, area);
      }
    expect(twice).toEqual([]);
  });
});

describe("plural messages", () => {
  const message = { one: "{count} resultaat", other: "{count} resultaten" };
  it.each([
    ["nl", 0, "0 resultaten"],
    ["nl", 1, "1 resultaat"],
    ["nl", 2, "2 resultaten"],
    ["nl", 1395, "1.395 resultaten"],
    ["en", 1, "1 resultaat"],
    ["en", 1395, "1,395 resultaten"],
  ] as const)("in %s, %d gives %s", (locale, count, expected) => {
    expect(formatMessage(locale, message, "k", { count })).toBe(expected);
  });
});
