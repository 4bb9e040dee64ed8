import { createHash } from "node:crypto";

/**
 * The bytes of an uploaded file, read chunk by chunk with the SHA-256 computed along the way, and
 * the chunks joined once (the file is held in memory once, not once per reader).
 */
export async function readUpload(file: Blob): Promise<{ bytes: Uint8Array; sha256: string }> {
  const hash = createHash("sha256");
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.stream()) {
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)), sha256: hash.digest("hex") };
}
