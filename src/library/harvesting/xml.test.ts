import { describe, expect, it } from "vitest";
import { isoDuration, vcard } from "./metadata";
import { el, escapeAttribute, xmlDocument, xmlSafe } from "./xml";

// The pure parts of harvesting: what XML 1.0 cannot carry is dropped, markup is escaped, and
// LOM's small formats (ISO 8601 durations, vCards) are written as their standards say.

describe("the XML writer", () => {
  it("drops controls, lone surrogates and non-characters, and keeps the rest of Unicode", () => {
    expect(xmlSafe("a\u0000b\u0008c\u000Bd\u001Fe")).toBe("abcde");
    expect(xmlSafe("tab\tline\nreturn\r")).toBe("tab\tline\nreturn\r");
    expect(xmlSafe("half \uD800 pair \uDC00 end")).toBe("half  pair  end");
    expect(xmlSafe("\uFFFE\uFFFF")).toBe("");
    expect(xmlSafe("één 😀 ∑")).toBe("één 😀 ∑");
  });

  it("escapes text and attributes, and keeps line breaks in attributes", () => {
    expect(escapeAttribute(`<"&'>\n`)).toBe("&lt;&quot;&amp;'&gt;&#10;");
    expect(
      xmlDocument(el("a", { b: "x&y", skipped: undefined }, "1 < 2", el("c"), null, false)),
    ).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a b="x&amp;y">1 &lt; 2<c/></a>\n');
  });
});

describe("LOM's small formats", () => {
  it("writes learning time as an ISO 8601 duration", () => {
    expect(isoDuration(45)).toBe("PT45M");
    expect(isoDuration(60)).toBe("PT1H");
    expect(isoDuration(150)).toBe("PT2H30M");
    expect(isoDuration(0)).toBe("PT0M");
  });

  it("writes a vCard 3.0 with its special characters escaped", () => {
    expect(vcard({ name: "De Smet; Bram, jr.", organisation: "KTA\\Gent" })).toBe(
      "BEGIN:VCARD\nVERSION:3.0\nN:De Smet\\; Bram\\, jr.;;;;\nFN:De Smet\\; Bram\\, jr.\nORG:KTA\\\\Gent\nEND:VCARD",
    );
  });
});
