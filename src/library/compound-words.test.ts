import { describe, expect, it } from "vitest";
import { baseForm, compoundParts, isWholeWord, splitCompound } from "./compound-words";

// The compound splitter against the OpenTaal word list (ADR 0026): kinds of Dutch compounds,
// and the derivations and coincidences of spelling it must leave whole.

describe("splitting Dutch compounds with the dictionary", () => {
  it("splits compounds, with linking letters and inflected tails", () => {
    expect(splitCompound("torenkraan")).toEqual(["toren", "kraan"]);
    expect(splitCompound("kraanmachinist")).toEqual(["kraan", "machinist"]);
    expect(splitCompound("verbrandingsmotor")).toEqual(["verbranding", "motor"]);
    expect(splitCompound("torenkranen")).toEqual(["toren", "kraan"]);
    expect(splitCompound("lasmaskers")).toEqual(["las", "masker"]);
    expect(splitCompound("werkblaadjes")).toEqual(["werk", "blad"]);
  });

  it("leaves derivations, short coincidences and non-words whole", () => {
    for (const word of ["veiligheid", "verkoop", "kantoor", "oefenen", "machinist", "xqzwvbnm"])
      expect(splitCompound(word)).toBeNull();
  });

  it("gives the parts of a text once each, and knows whole words from unfinished ones", () => {
    expect(compoundParts("De torenkraan en de Torenkraan: een lasrobot").split(" ")).toEqual([
      "toren",
      "kraan",
      "las",
      "robot",
    ]);
    expect(isWholeWord("lassen")).toBe(true);
    expect(isWholeWord("warmtep")).toBe(false);
    expect(baseForm("blaadjes")).toBe("blad");
  });
});
