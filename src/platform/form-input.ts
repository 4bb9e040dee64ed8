import { z } from "zod";

// Building blocks of the zod schemas that read posted forms. A form posts an empty string for a
// field left blank; the schemas treat that as "not given", so optional fields stay optional and
// required ones say "required" rather than "invalid".

/** A blank string (empty or only white space) becomes undefined; anything else passes as it is. */
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * The `when` of a cross-field check that runs even when another field failed, so the page shows
 * all errors at once instead of revealing them one save at a time; but only on an object (input
 * that is not a form at all has nothing to cross-check).
 */
export const evenWhenFieldsFail = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null,
};

/**
 * The paths of strings PostgreSQL cannot store, with the message for each: a NUL character (not
 * in text at all) or half of a surrogate pair (not in JSON, so not in the audit log either). They
 * are refused with a message rather than altered: what a person typed is kept or refused, never
 * silently changed.
 */
export function unstorableText(
  value: unknown,
  path: string[] = [],
  depth = 0,
): Array<{ path: string; message: string }> {
  if (typeof value === "string") {
    if (value.includes("\u0000"))
      return [{ path: path.join("."), message: "error.invisibleCharacter" }];
    if (!value.isWellFormed())
      return [{ path: path.join("."), message: "error.form.brokenCharacter" }];
    return [];
  }
  if (depth > 8 || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    unstorableText(inner, [...path, key], depth + 1),
  );
}

/** A multi-valued field: one value, several, or none; each one of the allowed values, sorted. */
export function several<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (value) =>
      value === undefined || value === null || value === ""
        ? []
        : Array.isArray(value)
          ? value.filter((v) => v !== "")
          : [value],
    z
      .array(z.enum(values, { error: "error.invalidChoice" }))
      .max(values.length, "error.invalidChoice")
      .transform((list) => [...new Set(list)].sort()),
  );
}
