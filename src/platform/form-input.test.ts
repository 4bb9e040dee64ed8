import { describe, expect, it } from "vitest";
import { unstorableText } from "./form-input";

// Text PostgreSQL cannot keep is refused at its field, never stored half or turned into a 500:
// a NUL character anywhere, or half of a surrogate pair (which jsonb, and so the audit log,
// refuses).

describe("unstorableText", () => {
  it.each([
    ["plain text", { title: "Lassen met AR 👩🏽‍🏫" }, []],
    ["a NUL", { title: "a\u0000b" }, [{ path: "title", message: "error.invisibleCharacter" }]],
    [
      "half a pair",
      { title: "\ud800" },
      [{ path: "title", message: "error.form.brokenCharacter" }],
    ],
    [
      "deep in a list",
      { answers: { q1: ["ok", "\udc00x"] } },
      [{ path: "answers.q1.1", message: "error.form.brokenCharacter" }],
    ],
    ["the whole input", "\u0000", [{ path: "", message: "error.invisibleCharacter" }]],
  ])("%s", (_name, value, expected) => {
    expect(unstorableText(value)).toEqual(expected);
  });
});
