// Money as the platform keeps and shows it: whole euro cents in the database, nl-BE notation on
// the page ("€ 50.000", "12.500,50"). Every area formats and reads amounts through this module.

/** The largest amount the platform accepts: EUR 10 billion, far above any programme budget. */
const maxCents = 10_000_000_000_00;

/** "50.000", "50 000", "€ 50.000,50", "50000.5" or a number of euros -> cents; null if not money. */
export function parseEuroCents(value: string | number): number | null {
  if (typeof value === "number") {
    const cents = Math.round(value * 100);
    return Number.isSafeInteger(cents) && cents >= 0 && cents <= maxCents ? cents : null;
  }
  let text = value.replace(/[€\s\u00a0\u202f]/g, "").replace(/^EUR/i, "");
  if (text.includes(",")) {
    if (!/^\d{1,3}(\.\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/.test(text)) return null;
    text = text.replace(/\./g, "").replace(",", ".");
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, "");
  } else if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const cents = Math.round(Number(text) * 100);
  return Number.isSafeInteger(cents) && cents <= maxCents ? cents : null;
}

/** The inverse of parseEuroCents: cents as a form shows them again ("12.500,50", "50.000"). */
export function euroInputText(cents: number | null): string {
  if (cents === null) return "";
  return new Intl.NumberFormat("nl-BE", {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** An amount in euro cents as nl-BE (or en-GB) currency, e.g. "€ 50.000". */
export function formatEuro(cents: number, locale: "nl" | "en"): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-BE", {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}
