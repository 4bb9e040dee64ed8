import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath, sameOriginPath } from "./return-path";

// Where the platform sends a browser back to: never off the site, however the value is made.
// Checked with the WHATWG URL parser, the one browsers resolve a Location header with.

const origins = ["https://innovet.vlaanderen.be", "http://127.0.0.1:3000"];

/** Pieces that have taken sites elsewhere: slashes both ways, controls, schemes, user info. */
const tricky = fc.constantFrom(
  "/",
  "//",
  "\\",
  "\t",
  "\n",
  "\r",
  "\u0000",
  " ",
  "%09",
  "%2F",
  "%5C",
  "%0d%0a",
  "@",
  ":",
  "evil.example",
  "https:",
  "javascript:",
  "?",
  "#",
  ".",
  "..",
  "\u3002",
  "\uff0f",
  "é",
  "\u202e",
);
const candidate = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join("")),
  fc
    .array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 8 })
    .map((p) => `/${p.join("")}`),
);

describe("return paths", () => {
  it("no accepted value leaves the origin when resolved against it", () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const accepted = safeReturnPath(value, "/fallback");
        for (const origin of origins) {
          expect(new URL(accepted, origin).origin).toBe(origin);
        }
        // What is accepted is accepted as it is: a Location header can carry it (ASCII only).
        if (accepted !== "/fallback") expect(accepted).toBe(value);
        expect(accepted).toMatch(/^[\x21-\x7e]+$/);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses what sent a signed-in person off the site or gave a 500", () => {
    for (const value of [
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example",
      " /mijn",
      "/mijn\r\nSet-Cookie: x=y",
      "/mijn\u0000",
      "/€",
      "/\u3002/evil.example",
      "javascript:alert(1)",
    ])
      expect(safeReturnPath(value), JSON.stringify(value)).toBe("/mijn");
  });

  it("keeps ordinary pages with their query", () => {
    for (const value of [
      "/mijn",
      "/aanvragen/6f1c/sectie/voorstel",
      "/gids?q=lassen&pagina=2",
      "/%09/x",
    ])
      expect(safeReturnPath(value)).toBe(value);
  });

  it("reads a Referer back to a page of this site only, and never throws", () => {
    const origin = "http://127.0.0.1:3000";
    expect(sameOriginPath(`${origin}/gids?q=a`, origin)).toBe("/gids?q=a");
    expect(sameOriginPath(`${origin}/é`, origin)).toBe("/%C3%A9");
    for (const referer of [
      null,
      "",
      "http://[bad",
      "%E0%A4%A",
      "https://evil.example/gids",
      "http://127.0.0.1:3000.evil/",
    ])
      expect(sameOriginPath(referer, origin)).toBe("/");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (referer) => {
        const back = sameOriginPath(referer, origin);
        expect(new URL(back, origin).origin).toBe(origin);
      }),
    );
  });
});
