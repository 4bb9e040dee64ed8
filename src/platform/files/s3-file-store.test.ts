import { createHash, randomBytes } from "node:crypto";
import { createServer, type Socket } from "node:net";
import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileStoreContract } from "../../../test/support/file-store-contract";
import { type S3Emulator, startS3Emulator } from "../../../test/support/s3-emulator";
import { loadConfig } from "../config";
import { newFileKey } from "./file-store";
import { fileStoreFromConfig } from "./file-store-from-config";
import { type S3FileStoreOptions, s3FileStore } from "./s3-file-store";

// The S3 store against a real S3-compatible server (s3rver, which checks every request's
// Signature Version 4), no mocks: the FileStore contract, and what only object storage has.

let emulator: S3Emulator;
beforeAll(async () => {
  emulator = await startS3Emulator("innovet");
});
afterAll(async () => {
  await emulator?.close();
});

const options = (overrides: Partial<S3FileStoreOptions> = {}): S3FileStoreOptions => ({
  endpoint: emulator.endpoint,
  bucket: emulator.bucket,
  region: emulator.region,
  accessKeyId: emulator.accessKeyId,
  secretAccessKey: emulator.secretAccessKey,
  ...overrides,
});

fileStoreContract("the S3 store", () => s3FileStore(options({ prefix: "innovet/files/" })));

describe("the S3 store on an S3-compatible server", () => {
  it("refuses a wrong secret (the signature is checked) without ever saying the secret", async () => {
    const secret = "wrong-secret-7f3a9c1e5b";
    const store = s3FileStore(options({ secretAccessKey: secret }));
    const error = await store.put(new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const { message, stack } = error as Error;
    expect(message).toMatch(/S3 PutObject innovet\/[0-9a-f]{32} failed: HTTP 403/);
    expect(message).toMatch(/SignatureDoesNotMatch/);
    expect(`${message}\n${stack}`).not.toContain(secret);
  });

  it("keeps objects under the key prefix, where a store without it does not look", async () => {
    const bytes = new TextEncoder().encode("onder het voorvoegsel");
    const key = await s3FileStore(options({ prefix: "innovet/files/" })).put(bytes);

    const raw = new AwsClient({
      accessKeyId: emulator.accessKeyId,
      secretAccessKey: emulator.secretAccessKey,
      service: "s3",
      region: emulator.region,
    });
    const underPrefix = await raw.fetch(`${emulator.endpoint}/innovet/innovet/files/${key}`);
    expect(underPrefix.status).toBe(200);
    expect(new Uint8Array(await underPrefix.arrayBuffer())).toEqual(bytes);
    const atTheTop = await raw.fetch(`${emulator.endpoint}/innovet/${key}`);
    expect(atTheTop.status).toBe(404);
    await atTheTop.body?.cancel();

    expect(await s3FileStore(options()).get(key)).toBeNull();
  });

  it("streams a 5 MB file back byte for byte", async () => {
    const store = s3FileStore(options());
    const bytes = new Uint8Array(randomBytes(5 * 1024 * 1024));
    const key = await store.put(bytes);
    const stream = await store.stream(key);
    expect(stream).toBeInstanceOf(ReadableStream);
    const streamed = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(streamed.byteLength).toBe(bytes.byteLength);
    const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    expect(sha256(streamed)).toBe(sha256(bytes));
  });

  it("reports a missing bucket as an error, not as a missing file", async () => {
    const store = s3FileStore(options({ bucket: "no-such-bucket" }));
    await expect(store.get(newFileKey())).rejects.toThrow(/HTTP 404 NoSuchBucket/);
    await expect(store.stream(newFileKey())).rejects.toThrow(/NoSuchBucket/);
    await expect(store.delete(newFileKey())).rejects.toThrow(/NoSuchBucket/);
  });

  it("is the store that FILE_STORE=s3 configures", async () => {
    const config = loadConfig({
      FILE_STORE: "s3",
      S3_ENDPOINT: emulator.endpoint,
      S3_BUCKET: emulator.bucket,
      S3_ACCESS_KEY_ID: emulator.accessKeyId,
      S3_SECRET_ACCESS_KEY: emulator.secretAccessKey,
      S3_PREFIX: "configured/",
    });
    const store = fileStoreFromConfig(config.fileStore);
    const key = await store.put(new Uint8Array([4, 2]));
    expect(await store.get(key)).toEqual(new Uint8Array([4, 2]));
    expect(await s3FileStore(options({ prefix: "configured/" })).get(key)).toEqual(
      new Uint8Array([4, 2]),
    );
  });
});

describe("the S3 store without a server", () => {
  it("answers keys that are not its own without going to the network", async () => {
    // Nothing listens on port 1: any request would fail.
    const store = s3FileStore(options({ endpoint: "http://127.0.0.1:1" }));
    for (const key of ["../../etc/passwd", "ABCDEF", `${"a".repeat(31)}/`]) {
      expect(await store.get(key)).toBeNull();
      expect(await store.stream(key)).toBeNull();
      await expect(store.delete(key)).resolves.toBeUndefined();
    }
    await expect(store.get(newFileKey())).rejects.toThrow(/S3 GetObject innovet\/.* failed/);
  });

  it("gives up on a service that does not answer", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    try {
      const store = s3FileStore(
        options({ endpoint: `http://127.0.0.1:${address.port}`, timeoutMs: 300 }),
      );
      await expect(store.put(new Uint8Array([1]))).rejects.toThrow(/no answer within 300 ms/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("refuses a bucket name or key prefix that S3 or a URL would read differently", () => {
    expect(() => s3FileStore(options({ bucket: "Innovet_Files" }))).toThrow(/bucket/);
    expect(() => s3FileStore(options({ prefix: "../other/" }))).toThrow(/prefix/);
    expect(() => s3FileStore(options({ prefix: "a/./b/" }))).toThrow(/prefix/);
    expect(() => s3FileStore(options({ endpoint: "ftp://files.example" }))).toThrow(/http/);
  });
});
