// Building blocks of the zod schemas that read posted forms. A form posts an empty string for a
// field left blank; the schemas treat that as "not given", so optional fields stay optional and
// required ones say "required" rather than "invalid".

/** A blank string (empty or only white space) becomes undefined; anything else passes as it is. */
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * The `when` of a cross-field check that runs even when another field failed, so the page shows
 * all errors at once instead of revealing them one save at a time.
 */
export const evenWhenFieldsFail = { when: () => true };
