import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "@20minutes/s3rver";

// A real S3-compatible server for tests (ADR 0016): s3rver keeps buckets in a temporary directory
// and checks every request's Signature Version 4 against its one account (S3RVER / S3RVER).

export interface S3Emulator {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

export async function startS3Emulator(bucket = "innovet"): Promise<S3Emulator> {
  const directory = mkdtempSync(join(tmpdir(), "innovet-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
