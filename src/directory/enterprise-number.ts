// Belgian enterprise numbers (KBO/CBE ondernemingsnummer): 10 digits, the first 0 or 1, the last
// two a modulo-97 check on the first eight. People type them in every shape ("BE 0123.456.789",
// "123456789" from before the leading 0 was added in 2005), so parse leniently, store 10 digits.

export type EnterpriseNumberProblem =
  /** Not 9 or 10 digits once spaces, dots, dashes and a BE prefix are removed. */
  | "format"
  /** 10 digits, but the first is not 0 or 1. */
  | "firstDigit"
  /** The last two digits do not match 97 - (first eight mod 97). */
  | "checksum";

export type EnterpriseNumberResult =
  | { ok: true; value: string }
  | { ok: false; problem: EnterpriseNumberProblem };

/** The two check digits for the first eight digits (as a string of digits). */
export function enterpriseNumberCheckDigits(firstEight: string): string {
  if (!/^\d{8}$/.test(firstEight)) throw new Error("expected exactly 8 digits");
  return String(97 - (Number(firstEight) % 97)).padStart(2, "0");
}

/** Parses user input into the normalised 10-digit form, or says what is wrong with it. */
export function parseEnterpriseNumber(input: string): EnterpriseNumberResult {
  const compact = input
    .trim()
    .replace(/^BE/i, "")
    .replace(/[\s.\-/]/g, "");
  if (!/^\d{9,10}$/.test(compact)) return { ok: false, problem: "format" };
  // Numbers issued before 2005 had 9 digits; the 10-digit form prefixes a 0.
  const digits = compact.length === 9 ? `0${compact}` : compact;
  if (digits[0] !== "0" && digits[0] !== "1") return { ok: false, problem: "firstDigit" };
  if (enterpriseNumberCheckDigits(digits.slice(0, 8)) !== digits.slice(8)) {
    return { ok: false, problem: "checksum" };
  }
  return { ok: true, value: digits };
}

export function isValidEnterpriseNumber(input: string): boolean {
  return parseEnterpriseNumber(input).ok;
}

/** "0123456789" -> "0123.456.789", the form the KBO shows. Accepts any parseable input. */
export function formatEnterpriseNumber(input: string): string {
  const parsed = parseEnterpriseNumber(input);
  if (!parsed.ok) throw new Error(`not a valid enterprise number (${parsed.problem})`);
  const d = parsed.value;
  return `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}

/** Completes eight digits (first 0 or 1) into a valid 10-digit enterprise number. */
export function completeEnterpriseNumber(firstEight: string): string {
  if (!/^[01]/.test(firstEight)) throw new Error("an enterprise number starts with 0 or 1");
  return firstEight + enterpriseNumberCheckDigits(firstEight);
}
