import { en } from "./en";
import { type MessageKey, nl } from "./nl";

export type { MessageKey };
export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";

const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(nl, value);
}

/** Translates a key, filling {placeholders}. An unknown key is shown as is (e.g. a raw message). */
export function translate(
  locale: Locale,
  key: MessageKey | string,
  params?: Record<string, string | number>,
): string {
  const template = isMessageKey(key) ? catalogues[locale][key] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
