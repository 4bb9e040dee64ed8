import { describe, expect, it } from "vitest";
import { jsonLdText } from "./json-ld";

describe("jsonLdText", () => {
  it("cannot be ended early by text in the metadata, and parses back to the same value", () => {
    const value = { name: "</script><script>alert(1)</script> & <!--" };
    const text = jsonLdText(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
