import { describe, expect, it } from "vitest";
import { mainPostalCode, postalCodes, postalCodesOf } from "./postal-codes";
import { municipalitiesValidOn } from "./reference-data";

describe("postal codes", () => {
  it("every current municipality has one, and every code is four digits", () => {
    for (const m of municipalitiesValidOn("2025-09-01"))
      expect(postalCodesOf(m.nis).length, m.nameNl).toBeGreaterThan(0);
    expect(postalCodes.every((p) => /^[1-9]\d{3}$/.test(p.postalCode))).toBe(true);
  });

  it.each([
    ["Gent", "44021", "9000"],
    ["Antwerpen", "11002", "2000"],
    ["Brussel", "21004", "1000"],
    ["Leuven", "24062", "3000"],
    ["Brugge", "31005", "8000"],
    ["Hasselt", "71072", "3500"],
    ["Schaarbeek", "21015", "1030"],
    ["Pajottegem (since 2025, no place of that name): its lowest", "23106", "1540"],
    // Codes from before the 2025 mergers: their own place among their successor's.
    ["Hasselt's old code", "71022", "3500"],
    ["Borsbeek, now Antwerpen", "11007", "2150"],
    ["Melle, now Merelbeke-Melle", "44040", "9090"],
    ["Zwijndrecht, now Beveren-Kruibeke-Zwijndrecht", "11056", "2070"],
    ["Gooik, now Pajottegem", "23024", "1755"],
    ["Hoeselt, now Bilzen-Hoeselt", "73032", "3730"],
    ["Ruiselede, now Wingene", "37012", "8755"],
  ])("%s (%s) is %s", (_name, nis, code) => {
    expect(mainPostalCode(nis)).toBe(code);
  });

  it("an unknown municipality has none", () => {
    expect(mainPostalCode("99999")).toBeNull();
    expect(postalCodesOf("99999")).toEqual([]);
  });
});
