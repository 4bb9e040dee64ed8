import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The harvesting tests validate against the official schemas (test/schemas/README.md): this
// keeps them the published files, so that nobody "fixes" a schema to make a record pass.

const folder = join(import.meta.dirname, "schemas");

describe("the official schemas the harvest is validated against", () => {
  it("are byte for byte the published files", () => {
    const sums = readFileSync(join(folder, "official.sha256"), "utf8").trim().split("\n");
    expect(sums.length).toBe(19);
    for (const line of sums) {
      const [sum, file = ""] = line.split(/\s+/);
      const actual = createHash("sha256")
        .update(readFileSync(join(folder, file)))
        .digest("hex");
      expect(actual, file).toBe(sum);
    }
  });
});
