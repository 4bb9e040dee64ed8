import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

// An embedded PGlite folder belongs to one process (ADR 0025). Two processes that opened the same
// folder each served their own copy of the data, the second one's acknowledged writes were lost
// when they stopped, and both job runners sent the same mails. So opening a folder takes a lock
// file next to it, `<folder>.lock`, holding the owner's process id; a second opener is refused
// with a message naming the folder and the holder. A lock whose process is gone (a crash, a kill)
// is stale and taken over. The lock file sits beside the folder, not in it: PGlite initialises a
// new folder only when it is empty.
//
// The lock file is written whole under a temporary name and then hard-linked into place: link()
// fails with EEXIST when the name exists, as open(O_CREAT | O_EXCL) does, and nobody ever reads
// a half-written file. proper-lockfile was considered; it records no process id, so it could not
// name the holder, and it judges staleness by a heartbeat's age rather than by the process.

/** The owner of a lock: a process id and, on Linux, that process's start time (pids are reused). */
interface Holder {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot), or null where /proc is absent. */
  started: string | null;
}

export class DatabaseFolderInUseError extends Error {
  override name = "DatabaseFolderInUseError";
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `De databankmap ${folder} is al in gebruik door proces ${holderPid}. ` +
        "Een PGlite-map kan maar door één proces tegelijk geopend worden: stop dat proces eerst, " +
        "of gebruik een PostgreSQL-server (DATABASE_URL) voor meerdere processen. " +
        `(The database folder ${folder} is in use by process ${holderPid}; ` +
        "stop it first, or use PostgreSQL for several processes.)",
    );
  }
}

/** Lock files this process holds, released at exit if a close never came. */
const held = new Set<string>();
let exitHookInstalled = false;

function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // Same pid, another start time: the pid was reused by an unrelated process after the holder
  // died (a container restart gives the server the same small pid again).
  const started = startTimeOf(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

/**
 * Whether a lock's holder is another live process. A lock naming this process's own pid is not
 * held (this process holds none for the folder, `held` says): it was left by an earlier process
 * that had the same pid, as a restarted container gives the server the same small pid again.
 */
function isHeldByOther(holder: Holder): boolean {
  return holder.pid !== process.pid && isRunning(holder);
}

function readHolder(lockFile: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, "utf8")) as Partial<Holder>;
    if (!Number.isSafeInteger(parsed.pid)) return null;
    return { pid: parsed.pid as number, started: parsed.started ?? null };
  } catch {
    return null;
  }
}

const linkOrExists = (from: string, to: string): boolean => {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
};

const removeIfPresent = (file: string) => {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
};

/** A takeover guard older than this was left by a process that died during the takeover. */
const staleGuardMs = 10_000;

/**
 * Locks a PGlite folder for this process, or throws DatabaseFolderInUseError. Returns the release
 * function (idempotent), to call after the database is closed.
 */
export async function lockPgliteFolder(folder: string): Promise<() => void> {
  const path = resolve(folder);
  const lockFile = `${path}.lock`;
  // Taking over a stale lock (remove it, link ours) is two steps; a guard file, itself taken with
  // link(), lets one process at a time do it, so two processes starting together over a stale
  // lock cannot each remove the other's fresh one.
  const guard = `${lockFile}.takeover`;
  if (held.has(lockFile)) throw new DatabaseFolderInUseError(path, process.pid);
  // Reserved at once, so a second open in this process during a takeover's wait is refused too.
  held.add(lockFile);
  const me: Holder = { pid: process.pid, started: startTimeOf(process.pid) };
  const draft = `${lockFile}.${process.pid}.${Date.now()}.tmp`;
  let locked = false;
  try {
    writeFileSync(draft, JSON.stringify(me));
    // Long enough to outwait a guard left by a process that died during its takeover.
    const giveUpAt = Date.now() + staleGuardMs + 2000;
    for (;;) {
      if (linkOrExists(draft, lockFile)) break;
      const holder = readHolder(lockFile);
      if (holder && isHeldByOther(holder)) throw new DatabaseFolderInUseError(path, holder.pid);
      if (Date.now() > giveUpAt) throw new DatabaseFolderInUseError(path, holder?.pid ?? 0);
      if (!linkOrExists(draft, guard)) {
        // Another process is taking over right now (or died doing so long ago): look again soon.
        try {
          if (Date.now() - statSync(guard).mtimeMs > staleGuardMs) removeIfPresent(guard);
        } catch {
          // The guard went away meanwhile.
        }
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      try {
        // Under the guard, the lock file is the stale one read above, or has gone, or a new
        // holder linked it after that holder's own guarded takeover: read it once more.
        const now = readHolder(lockFile);
        if (now && isHeldByOther(now)) throw new DatabaseFolderInUseError(path, now.pid);
        removeIfPresent(lockFile);
        if (!linkOrExists(draft, lockFile)) continue;
        break;
      } finally {
        removeIfPresent(guard);
      }
    }
    locked = true;
  } finally {
    removeIfPresent(draft);
    if (!locked) held.delete(lockFile);
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // process.exit() skips closes; the lock goes with the process anyway.
    process.on("exit", () => {
      for (const file of held) releaseFile(file);
    });
  }
  return () => {
    if (held.delete(lockFile)) releaseFile(lockFile);
  };
}

function releaseFile(lockFile: string) {
  // Only our own lock: after a takeover the file is another process's.
  if (readHolder(lockFile)?.pid !== process.pid) return;
  try {
    unlinkSync(lockFile);
  } catch {
    // Already gone: nothing to release.
  }
}
