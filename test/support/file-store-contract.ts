import { describe, expect, it } from "vitest";
import { type FileStore, isFileKey } from "../../src/platform/files/file-store";

// The FileStore contract (ADR 0016), one for every store (local disk, S3-compatible object
// storage): random keys, bytes back as they went in, missing keys answered with null, deleting
// twice harmless, and keys that are not the store's own answered without touching the storage.

export function fileStoreContract(name: string, make: () => FileStore) {
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

    it("keeps an empty file", async () => {
      const store = make();
      const key = await store.put(new Uint8Array(0));
      expect(await store.get(key)).toEqual(new Uint8Array(0));
      expect(new Uint8Array(await new Response(await store.stream(key)).arrayBuffer())).toEqual(
        new Uint8Array(0),
      );
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
