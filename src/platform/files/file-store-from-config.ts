import type { FileStoreConfig } from "../config";
import { type FileStore, localFileStore } from "./file-store";
import { s3FileStore } from "./s3-file-store";

/** The one place that chooses the process's file store from its configuration (ADR 0016). */
export function fileStoreFromConfig(c: FileStoreConfig): FileStore {
  switch (c.kind) {
    case "local":
      return localFileStore(c.directory);
    case "s3":
      return s3FileStore(c);
  }
}
