import { en } from "./catalogue.en";
import { type MessageKey, nl } from "./catalogue.nl";
import { formatMessage, type Locale, type Message, type MessageParams } from "./message";

// Translation for the server and the core (mails, PDFs, exports, use cases): both catalogues.
// Browser code never imports this module; it translates through app/lib/i18n.ts, which holds
// only the active language's catalogue (ADR 0028).

export { defaultLocale, type Locale, locales } from "./message";
export type { MessageKey };

export type Catalogue = Readonly<Record<MessageKey, Message>>;
export const catalogues: Record<Locale, Catalogue> = { nl, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(nl, value);
}

/** Translates a key, filling {placeholders}. An unknown key is shown as is (e.g. a raw message). */
export function translate(
  locale: Locale,
  key: MessageKey | string,
  params?: MessageParams,
): string {
  return formatMessage(
    locale,
    isMessageKey(key) ? catalogues[locale][key] : undefined,
    key,
    params,
  );
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
