import { config } from "../platform/config";
import { type DatabaseHandle, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";

// The process-wide database for the web server. It is kept on globalThis so that the dev
// server's module reloads reuse it: PGlite has one owner process and must not be opened twice.
// What an area must bring up to date after the migrations (the library's search parts) is passed
// in by the web layer's services, so that this module imports no area.

const key = Symbol.for("innovet.database");
type Holder = { [key]?: Promise<DatabaseHandle> };

export function database(
  afterMigrations: (handle: DatabaseHandle) => Promise<void> = async () => {},
): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  holder[key] ??= (async () => {
    const c = config();
    const handle = await openDatabase({ databaseUrl: c.DATABASE_URL, pgliteDir: c.PGLITE_DIR });
    await migrateDatabase(handle);
    await afterMigrations(handle);
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
