import { describe, expect, it } from "vitest";
import {
  chosenProgrammeChoices,
  programmeChoicesByCode,
  programmeChoicesByStage,
  programmeSearchLimit,
  searchProgrammeChoices,
} from "./programme-options";
import { studyProgrammes } from "./reference-data";

// The catalogue behind every programme picker (the form kit's searchable checkbox list).

describe("programme choices", () => {
  it("has one choice per catalogue code, and one per code and stage", () => {
    const codes = new Set(studyProgrammes.filter((p) => p.domain).map((p) => p.code));
    expect(programmeChoicesByCode.map((c) => c.value).sort()).toEqual([...codes].sort());
    const staged = studyProgrammes.filter((p) => p.domain).map((p) => `${p.stage}-${p.code}`);
    expect(programmeChoicesByStage.map((c) => c.value).sort()).toEqual(staged.sort());
    expect(programmeChoicesByStage.every((c) => c.value === `${c.stage}-${c.code}`)).toBe(true);
  });

  const some = programmeChoicesByCode.find((c) => /\s/.test(c.name)) ?? programmeChoicesByCode[0];
  if (!some) throw new Error("empty catalogue");
  const firstWord = some.name.split(/\s+/)[0] ?? "";
  it.each([
    ["a word of a name, in another case", firstWord.toUpperCase(), (n: string) => n === some.value],
    ["the code", some.code, (n: string) => n === some.value],
    ["accents and case folded", "ÉLEKTR", () => true],
  ])("finds by %s", (_, query, wanted) => {
    const found = searchProgrammeChoices(programmeChoicesByCode, query);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((c) => wanted(c.value))).toBe(true);
  });

  it("needs every word, and answers nothing for nothing", () => {
    expect(searchProgrammeChoices(programmeChoicesByCode, "   ")).toEqual([]);
    expect(searchProgrammeChoices(programmeChoicesByCode, `${firstWord} zzqqxx`)).toEqual([]);
  });

  it("is bounded: at most the limit, whatever is typed", () => {
    expect(searchProgrammeChoices(programmeChoicesByCode, "e").length).toBe(programmeSearchLimit);
    const long = "a ".repeat(100_000);
    expect(searchProgrammeChoices(programmeChoicesByCode, long).length).toBeLessThanOrEqual(
      programmeSearchLimit,
    );
  });

  it("keeps the chosen ones in order, and a value the catalogue lacks as itself", () => {
    const [a, b] = programmeChoicesByCode;
    if (!a || !b) throw new Error("empty catalogue");
    expect(
      chosenProgrammeChoices(programmeChoicesByCode, [b.value, a.value, b.value, "x-1"]),
    ).toEqual([b, a, { value: "x-1", name: "x-1", code: "x-1" }]);
  });
});
