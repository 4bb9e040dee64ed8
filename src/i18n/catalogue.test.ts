import { describe, expect, it } from "vitest";
import { en } from "./en";
import { nl } from "./nl";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have exactly the same keys in Dutch and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it.each(Object.keys(nl))("%s is translated, with the same placeholders", (key) => {
    const k = key as keyof typeof nl;
    expect(nl[k].trim()).not.toBe("");
    expect(en[k].trim()).not.toBe("");
    expect(placeholders(en[k])).toEqual(placeholders(nl[k]));
  });
});
