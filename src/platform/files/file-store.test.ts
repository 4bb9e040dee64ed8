import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type FileStore, isFileKey, localFileStore } from "./file-store";

// The FileStore contract, on the local-disk store. An object-storage store (ADR 0016) must pass
// the same checks: random keys, bytes back as they went in, missing keys answered with null,
// deleting twice harmless, and keys that are not the store's own never reaching the disk.

function contract(name: string, make: () => FileStore) {
  describe(name, () => {
    it("stores bytes under a random key and gives them back, whole and as a stream", async () => {
      const store = make();
      const bytes = new TextEncoder().encode("%PDF-1.4 een bijlage");
      const key = await store.put(bytes);
      expect(isFileKey(key)).toBe(true);
      expect(await store.put(bytes)).not.toBe(key);
      expect(await store.get(key)).toEqual(bytes);
      const stream = await store.stream(key);
      const streamed = new Uint8Array(await new Response(stream).arrayBuffer());
      expect(streamed).toEqual(bytes);
    });

    it("answers null for a missing key and deletes idempotently", async () => {
      const store = make();
      const key = await store.put(new Uint8Array([1, 2, 3]));
      await store.delete(key);
      await store.delete(key);
      expect(await store.get(key)).toBeNull();
      expect(await store.stream(key)).toBeNull();
    });

    it.each(["../../etc/passwd", "ABCDEF", "", `${"a".repeat(31)}/`, "0".repeat(33)])(
      "never uses %j as a key",
      async (key) => {
        const store = make();
        expect(await store.get(key)).toBeNull();
        expect(await store.stream(key)).toBeNull();
        await expect(store.delete(key)).resolves.toBeUndefined();
      },
    );
  });
}

contract("the local-disk store", () =>
  localFileStore(mkdtempSync(join(tmpdir(), "innovet-store-"))),
);

describe("the local-disk store on disk", () => {
  it("spreads files over sub-directories by key and leaves no partial file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "innovet-store-"));
    const key = await localFileStore(directory).put(new Uint8Array([9]));
    expect(readdirSync(join(directory, key.slice(0, 2)))).toEqual([key]);
  });
});
