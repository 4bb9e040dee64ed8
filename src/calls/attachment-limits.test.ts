import { describe, expect, it } from "vitest";
import { attachmentLimitsOf, questionAttachmentLimits } from "./attachment-limits";
import type { FormDefinition } from "./form-definition";

// One source for the attachment limits (issue 13, item 8): what the call page promises is what
// the upload accepts, the call's form within the platform's ceiling.

const ceiling = { maxBytes: 10_000_000, maxCount: 20 };
const question = (id: string, maxFiles: number, maxSizeMb: number) => ({
  id,
  label: id,
  required: false,
  type: "attachments" as const,
  maxFiles,
  maxSizeMb,
});
const form = (...questions: ReturnType<typeof question>[]): FormDefinition =>
  ({ sections: [{ id: "bijlagen", title: "Bijlagen", questions }] }) as unknown as FormDefinition;

describe("attachment limits", () => {
  it.each([
    [
      "the call's own, under the ceiling",
      form(question("a", 10, 5)),
      { maxBytes: 5_000_000, maxCount: 10 },
    ],
    ["capped by the ceiling", form(question("a", 50, 50)), { maxBytes: 10_000_000, maxCount: 20 }],
    [
      "two questions: their files together, the largest size",
      form(question("a", 3, 2), question("b", 4, 8)),
      { maxBytes: 8_000_000, maxCount: 7 },
    ],
    ["no attachments question: the ceiling", form(), ceiling],
  ])("%s", (_name, definition, expected) => {
    expect(attachmentLimitsOf(definition, ceiling)).toEqual(expected);
  });

  it("a megabyte is 1,000,000 bytes, as the pages show sizes", () => {
    expect(questionAttachmentLimits(question("a", 10, 10), ceiling)).toEqual({
      maxBytes: 10_000_000,
      maxCount: 10,
    });
  });
});
