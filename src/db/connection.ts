import { fillSearchParts } from "../library/version-search-text";
import { config } from "../platform/config";
import { type DatabaseHandle, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";

// The process-wide database for the web server. It is kept on globalThis so that the dev
// server's module reloads reuse it: PGlite has one owner process and must not be opened twice.

const key = Symbol.for("innovet.database");
type Holder = { [key]?: Promise<DatabaseHandle> };

export function database(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  holder[key] ??= (async () => {
    const c = config();
    const handle = await openDatabase({ databaseUrl: c.DATABASE_URL, pgliteDir: c.PGLITE_DIR });
    await migrateDatabase(handle);
    await fillSearchParts(handle.db);
    return handle;
  })();
  return holder[key];
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[key];
  holder[key] = undefined;
  if (pending) await (await pending).close();
}
