import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileStoreContract } from "../../../test/support/file-store-contract";
import { localFileStore } from "./file-store";

// The local-disk store passes the FileStore contract that every store passes (the S3 store's run
// is in s3-file-store.test.ts), and keeps its files the way ADR 0016 says.

fileStoreContract("the local-disk store", () =>
  localFileStore(mkdtempSync(join(tmpdir(), "innovet-store-"))),
);

describe("the local-disk store on disk", () => {
  it("spreads files over sub-directories by key and leaves no partial file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "innovet-store-"));
    const key = await localFileStore(directory).put(new Uint8Array([9]));
    expect(readdirSync(join(directory, key.slice(0, 2)))).toEqual([key]);
  });
});
