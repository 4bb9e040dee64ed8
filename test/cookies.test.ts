import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCookie, readCookieMatching } from "../app/lib/cookies.server";
import { getLocale } from "../app/lib/locale.server";

// The one cookie reader of the web layer: whatever a browser (or anyone) sends as a Cookie header,
// reading it never throws; a malformed value is simply not one of ours. A hand-written
// decodeURIComponent once made `innovet_csrf=%E0%A4%A` a 500 on every page.

const withCookie = (cookie: string) => new Request("http://127.0.0.1/", { headers: { cookie } });

describe("cookies", () => {
  it("reads malformed values without throwing, and refuses them by their shape", () => {
    const request = withCookie("innovet_csrf=%E0%A4%A; innovet_lang=%E0%A4%A; a=b%20c");
    expect(readCookie(request, "innovet_csrf")).toBe("%E0%A4%A");
    expect(readCookieMatching(request, "innovet_csrf", /^[A-Za-z0-9_-]{32,64}$/)).toBeUndefined();
    expect(getLocale(request)).toBe("nl");
    expect(readCookie(request, "a")).toBe("b c");
    expect(getLocale(withCookie("innovet_lang=en"))).toBe("en");
  });

  it("never throws on any header", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom("=", ";", "%", "%E0%A4%A", '"', "innovet_csrf")),
          {
            maxLength: 12,
          },
        ),
        (parts) => {
          // Headers only carry Latin-1; anything else never reaches the app.
          const header = parts.join("").replace(/[^\x20-\xff]/g, "");
          expect(() => readCookie(header, "innovet_csrf")).not.toThrow();
          expect(["nl", "en"]).toContain(getLocale(header));
        },
      ),
    );
  });
});
