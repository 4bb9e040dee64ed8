import type { DatabaseHandle } from "../../src/db/client";
import { database } from "../../src/db/connection";
import { type Auth, createAuth } from "../../src/identity/auth";
import { fillSearchParts } from "../../src/library/version-search-text";
import { type Config, config } from "../../src/platform/config";
import type { FileStore } from "../../src/platform/files/file-store";
import { fileStoreFromConfig } from "../../src/platform/files/file-store-from-config";
import { createMailer, type Mailer } from "../../src/platform/mailer";

// The web layer's wiring of the core: one database, one auth instance, one mailer and one file
// store per process.
export interface Services {
  config: Config;
  database: DatabaseHandle;
  auth: Auth;
  mailer: Mailer;
  /** Uploaded files (attachments, material files): local disk or S3-compatible (ADR 0016). */
  files: FileStore;
}

const key = Symbol.for("innovet.services");
type Holder = { [key]?: Promise<Services> };

export function services(): Promise<Services> {
  const holder = globalThis as Holder;
  holder[key] ??= (async () => {
    const c = config();
    const handle = await database((opened) => fillSearchParts(opened.db));
    const mailer = createMailer({
      smtpUrl: c.SMTP_URL,
      captureDir: c.MAIL_CAPTURE_DIR,
      from: c.MAIL_FROM,
    });
    return {
      config: c,
      database: handle,
      mailer,
      auth: createAuth({ db: handle.db, config: c }),
      files: fileStoreFromConfig(c.fileStore),
    };
  })();
  return holder[key];
}
