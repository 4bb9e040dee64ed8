import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { type FileStore, isFileKey, newFileKey } from "./file-store";

// The FileStore on S3-compatible object storage (ADR 0016): the same random keys as on disk, as
// objects in one bucket under an optional prefix. Three calls of the S3 REST API (PutObject,
// GetObject, DeleteObject), each signed with AWS Signature Version 4 by aws4fetch over the global
// fetch; the payload's SHA-256 is part of what is signed, so the server can check the bytes.

export interface S3FileStoreOptions {
  /** The service's address, e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put before every key, e.g. `innovet/files/` (empty by default). */
  prefix?: string;
  /** `endpoint/bucket/key` (true, the default) or `bucket.endpoint/key` (virtual-hosted style). */
  forcePathStyle?: boolean;
  /** How long one call may wait for the service; for `stream`, until the download starts. */
  timeoutMs?: number;
}

/** A bucket name as S3 allows it (3 to 63 lower-case letters, digits, dots and hyphens). */
export const s3BucketPattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * A key prefix of URL-safe characters whose folders are never `.` or `..` (a URL parser would
 * fold those away), e.g. `innovet/files/`.
 */
export const s3PrefixPattern = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9._-]*$/;

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const noBytes = new Uint8Array(0);

export function s3FileStore(options: S3FileStoreOptions): FileStore {
  const { bucket, prefix = "", forcePathStyle = true, timeoutMs = 30_000 } = options;
  if (!s3BucketPattern.test(bucket)) throw new Error(`not an S3 bucket name: ${bucket}`);
  if (!s3PrefixPattern.test(prefix)) throw new Error(`not a usable S3 key prefix: ${prefix}`);
  const endpoint = new URL(options.endpoint);
  if (endpoint.protocol !== "http:" && endpoint.protocol !== "https:") {
    throw new Error("the S3 endpoint must be an http:// or https:// address");
  }
  const basePath = endpoint.pathname.replace(/\/+$/, "");
  const bucketUrl = new URL(endpoint.origin);
  if (forcePathStyle) bucketUrl.pathname = `${basePath}/${bucket}/`;
  else {
    bucketUrl.hostname = `${bucket}.${endpoint.hostname}`;
    bucketUrl.pathname = `${basePath}/`;
  }
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: "s3",
    region: options.region,
    // aws4fetch retries 5xx and 429 answers (S3's SlowDown) with jittered back-off.
    retries: 2,
  });

  /** `PutObject bucket/prefix…key`: names an operation in errors, never a credential. */
  const describe = (operation: string, key: string) => `S3 ${operation} ${bucket}/${prefix}${key}`;

  /** Sends one signed request; `keepOpen` lifts the deadline once the answer has started. */
  async function send(
    operation: string,
    method: "PUT" | "GET" | "DELETE",
    key: string,
    body: Uint8Array | null,
    keepOpen = false,
  ): Promise<{ response: Response; done: () => void }> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const done = () => clearTimeout(timer);
    try {
      const response = await client.fetch(new URL(`${prefix}${key}`, bucketUrl), {
        method,
        headers: {
          // The payload's hash is signed (aws4fetch would otherwise send UNSIGNED-PAYLOAD).
          "x-amz-content-sha256": sha256Hex(body ?? noBytes),
          ...(body ? { "content-type": "application/octet-stream" } : {}),
        },
        body: body === null ? undefined : unshared(body),
        signal: controller.signal,
      });
      if (keepOpen) done();
      return { response, done };
    } catch (error) {
      done();
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      throw new Error(`${describe(operation, key)} failed: ${message(reason)}`, { cause: reason });
    }
  }

  /**
   * What an answer that is not a success says: whether the object is missing (404 NoSuchKey; a
   * missing bucket, or a 404 from something that is not S3, is an error) and an error naming the
   * status and S3's error code, never the request's credentials.
   */
  async function refusal(operation: string, key: string, response: Response) {
    const code = await errorCode(response);
    return {
      missing: response.status === 404 && code === "NoSuchKey",
      error: new Error(
        `${describe(operation, key)} failed: HTTP ${response.status}${code ? ` ${code}` : ""}`,
      ),
    };
  }

  return {
    async put(bytes) {
      const key = newFileKey();
      const { response, done } = await send("PutObject", "PUT", key, bytes);
      try {
        if (!response.ok) throw (await refusal("PutObject", key, response)).error;
        await response.body?.cancel();
        return key;
      } finally {
        done();
      }
    },
    async get(key) {
      if (!isFileKey(key)) return null;
      const { response, done } = await send("GetObject", "GET", key, null);
      try {
        if (!response.ok) {
          const { missing, error } = await refusal("GetObject", key, response);
          if (missing) return null;
          throw error;
        }
        return new Uint8Array(await response.arrayBuffer());
      } finally {
        done();
      }
    },
    async stream(key) {
      if (!isFileKey(key)) return null;
      const { response } = await send("GetObject", "GET", key, null, true);
      if (!response.ok) {
        const { missing, error } = await refusal("GetObject", key, response);
        if (missing) return null;
        throw error;
      }
      return response.body ?? new Response(noBytes).body;
    },
    async delete(key) {
      if (!isFileKey(key)) return;
      const { response, done } = await send("DeleteObject", "DELETE", key, null);
      try {
        // S3 answers 204 whether or not there was an object: deleting is idempotent.
        if (response.ok) await response.body?.cancel();
        else {
          const { missing, error } = await refusal("DeleteObject", key, response);
          if (!missing) throw error;
        }
      } finally {
        done();
      }
    },
  };
}

/** The `<Code>` of an S3 error document (e.g. `SignatureDoesNotMatch`), or null. */
async function errorCode(response: Response): Promise<string | null> {
  const text = await response.text().catch(() => "");
  return /<Code>([A-Za-z0-9.]{1,100})<\/Code>/.exec(text)?.[1] ?? null;
}

/** fetch sends only bytes over an ArrayBuffer; bytes over a SharedArrayBuffer are copied. */
function unshared(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

function message(reason: unknown): string {
  if (!(reason instanceof Error)) return String(reason);
  const cause = reason.cause instanceof Error ? ` (${reason.cause.message})` : "";
  return `${reason.message}${cause}`;
}
