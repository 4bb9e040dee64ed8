import { describe, expect, it } from "vitest";
import { euroInputText, formatEuro, parseEuroCents } from "./money";

describe("money", () => {
  it.each([
    ["50.000", 50_000_00],
    ["50 000", 50_000_00],
    ["€ 50.000,50", 50_000_50],
    ["1.500.000", 1_500_000_00],
    ["50000.5", 50_000_50],
    ["0", 0],
    ["12,5", 12_50],
  ])("reads %j as %d cents", (text, cents) => {
    expect(parseEuroCents(text)).toBe(cents);
  });

  it.each(["-5", "1,2,3", "5.00.0", "abc", "1e9", "50.000,505", "99999999999999"])(
    "refuses %j as money",
    (text) => {
      expect(parseEuroCents(text)).toBeNull();
    },
  );

  it.each(["12.500,50", "50.000", "0", "12,50"])("shows %j in a form as it was typed", (text) => {
    expect(euroInputText(parseEuroCents(text))).toBe(text);
  });

  it("formats euro amounts the Belgian way", () => {
    expect(formatEuro(50_000_00, "nl").replace(/\s/g, " ")).toBe("€ 50.000");
    expect(formatEuro(1_234_56, "nl").replace(/\s/g, " ")).toBe("€ 1.234,56");
  });
});
