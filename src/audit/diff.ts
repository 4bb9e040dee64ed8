// The difference between an audit event's before and after states, as a reader wants to see it:
// only the fields that changed. A field that is missing on one side counts as null, so a newly
// created record shows its filled-in fields and not a row of empty ones. Nested values (objects,
// arrays) are compared as a whole and shown as pretty-printed JSON.

export interface FieldChange {
  /** The field's name; "" when the state is not an object and is compared as one value. */
  field: string;
  before: unknown;
  after: unknown;
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Key order does not matter to equality (jsonb does not keep it either). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

/** The changed fields, in the order they appear in before, then in after. */
export function diffStates(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((isRecord(b) || b === null) && (isRecord(a) || a === null)) {
    const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    return fields
      .map((field) => ({ field, before: b?.[field] ?? null, after: a?.[field] ?? null }))
      .filter((change) => !sameValue(change.before, change.after));
  }
  return sameValue(b, a) ? [] : [{ field: "", before: b, after: a }];
}

/** How a value is shown: nothing, a yes/no, a line of text, or a block of JSON. */
export type DisplayValue =
  | { kind: "empty" }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; text: string }
  | { kind: "json"; text: string };

export function displayValue(value: unknown): DisplayValue {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint")
    return { kind: "text", text: String(value) };
  return { kind: "json", text: JSON.stringify(canonical(value), null, 2) };
}
