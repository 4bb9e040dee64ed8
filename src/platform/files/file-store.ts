import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";

// Where uploaded files live (ADR 0016). The core sees only this interface; today a directory on
// local disk, later an S3-compatible bucket with the same keys. A key is a random id chosen by the
// store, never a name a person typed, so it can neither collide nor climb out of the directory.
// What a file is called, its type and its hash live in the database next to the key.

export interface FileStore {
  /** Stores the bytes under a new random key and returns that key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The whole file, or null when there is no file under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** The file as a Web stream (for downloads), or null when there is no file under the key. */
  stream(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the file; removing a missing file is not an error (idempotent, like S3). */
  delete(key: string): Promise<void>;
}

/** 32 hex characters of randomness: the only shape of key the stores accept. */
const keyPattern = /^[0-9a-f]{32}$/;

export function isFileKey(key: string): boolean {
  return keyPattern.test(key);
}

export function newFileKey(): string {
  return randomBytes(16).toString("hex");
}

/**
 * Files on local disk under `directory`, spread over 256 sub-directories by the key's first two
 * characters. A file is written to a temporary name and renamed, so a reader never sees half of it.
 */
export function localFileStore(directory: string): FileStore {
  const root = resolve(directory);
  const pathOf = (key: string) => {
    if (!isFileKey(key)) throw new Error("not a file key");
    return join(root, key.slice(0, 2), key);
  };
  const exists = async (path: string) => {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  };
  return {
    async put(bytes) {
      const key = newFileKey();
      const path = pathOf(key);
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      const partial = `${path}.${randomBytes(4).toString("hex")}.part`;
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, path);
      return key;
    },
    async get(key) {
      if (!isFileKey(key)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch {
        return null;
      }
    },
    async stream(key) {
      if (!isFileKey(key)) return null;
      const path = pathOf(key);
      if (!(await exists(path))) return null;
      return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      if (!isFileKey(key)) return;
      await rm(pathOf(key), { force: true });
    },
  };
}
