import { z } from "zod";

// A person's display name, one rule wherever a name is set (an administrator adding a person,
// a person changing their own). It is shown next to everything the person does, so it must not
// hide what it says: control characters, zero-width characters and the bidirectional overrides
// (U+202E turns "nimda" into "admin" on screen) are refused, not silently removed.

/** Control, zero-width and bidirectional-control characters. */
const hiddenCharacters = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

export const personNameMaxLength = 200;

export const personName = z
  .string({ error: "error.required" })
  .trim()
  .min(1, "error.required")
  .max(personNameMaxLength, "error.tooLong")
  .refine((name) => !hiddenCharacters.test(name), "people.nameControlCharacter")
  // One way to write each letter, so that two names that look alike are alike in the data too.
  .transform((name) => name.normalize("NFC"));
