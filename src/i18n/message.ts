// What a message is and how one is filled in. No catalogue is imported here, so the browser can
// load this with only the active language's catalogue (ADR 0028).

export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";

/**
 * A message that depends on a number: `Intl.PluralRules` picks the form by the `count`
 * parameter. Dutch (nl-BE) and English both have exactly the cardinal categories `one` and
 * `other`.
 */
export interface PluralMessage {
  readonly one: string;
  readonly other: string;
}
export type Message = string | PluralMessage;

/** An English catalogue typed against its Dutch one: the same keys, plurals where Dutch has them. */
export type EnglishOf<T> = { [K in keyof T]: T[K] extends string ? string : PluralMessage };

export type MessageParams = Record<string, string | number>;

const pluralRules: Record<Locale, Intl.PluralRules> = {
  nl: new Intl.PluralRules("nl-BE"),
  en: new Intl.PluralRules("en"),
};
const numbers: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-BE"),
  en: new Intl.NumberFormat("en"),
};

export function isPluralMessage(message: Message): message is PluralMessage {
  return typeof message === "object";
}

/**
 * Fills in a message's {placeholders}. A plural message takes its form from `count` (a number,
 * shown in the language's number format: 1.395 / 1,395). A missing message (an unknown key) is
 * shown as the key itself, e.g. a raw message that is not a key.
 */
export function formatMessage(
  locale: Locale,
  message: Message | undefined,
  key: string,
  params?: MessageParams,
): string {
  let template: string;
  let values = params;
  if (message === undefined) template = key;
  else if (isPluralMessage(message)) {
    const count = Number(params?.count);
    template = pluralRules[locale].select(count) === "one" ? message.one : message.other;
    if (typeof params?.count === "number")
      values = { ...params, count: numbers[locale].format(count) };
  } else template = message;
  if (!values) return template;
  const filled = values;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in filled ? String(filled[name]) : whole,
  );
}
