// One process per data folder. PGlite has no lock of its own: two processes on one folder would
// corrupt it. The lock is a file created with O_EXCL holding the owner's pid; a lock whose process
// is gone (crash, kill -9) is taken over. "Gone" also covers a reused pid (containers restart as
// pid 1): on Linux the owner's start time and the boot id are recorded and compared.
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { StoreLockedError } from "./errors.js";

export const LOCK_FILE = "steward.lock";

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  token: string;
  bootId?: string;
  startTicks?: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** Folders locked by this process (a second openStore in-process must fail too). */
const held = new Map<string, string>();
let exitHookInstalled = false;

export function lockDataDir(dataDir: string, shownAs: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  if (held.has(file)) {
    throw new StoreLockedError(`data folder ${shownAs} is already open in this process; close the other store first`, shownAs, process.pid);
  }
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
    ...linuxIdentity(process.pid),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, me)) {
      held.set(file, me.token);
      installExitHook();
      return { file, release: () => release(file, me.token) };
    }
    const raw = readOrNull(file);
    if (raw === null) continue; // removed meanwhile: try again
    const owner = parse(raw);
    if (owner && isAlive(owner)) throw inUse(shownAs, owner, file);
    if (!owner && ageMs(file) < 10_000) {
      // Being written right now by another process that just created it.
      throw new StoreLockedError(`data folder ${shownAs} is being opened by another process; stop it or use --data-dir`, shownAs, undefined);
    }
    takeOver(file, raw);
  }
  throw new StoreLockedError(`could not lock data folder ${shownAs}: its lock file ${file} keeps changing`, shownAs, undefined);
}

function inUse(shownAs: string, owner: LockInfo, file: string): StoreLockedError {
  const where = owner.host === os.hostname() ? "" : ` on host ${owner.host}`;
  const hint = where ? `; if Steward no longer runs there, delete ${file}` : "";
  return new StoreLockedError(
    `data folder ${shownAs} is in use by process ${owner.pid}${where} since ${owner.since}; stop it or use --data-dir${hint}`,
    shownAs,
    owner.pid,
  );
}

function tryCreate(file: string, info: LockInfo): boolean {
  try {
    writeFileSync(file, JSON.stringify(info) + "\n", { flag: "wx" });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** Moves a stale lock aside, making sure it is the stale one we judged (not a fresh lock). */
function takeOver(file: string, staleRaw: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  if (readOrNull(aside) !== staleRaw) {
    // Another process replaced the stale lock between our read and rename: put its lock back.
    try {
      linkSync(aside, file);
    } catch {
      // a third process got in; the loop re-checks whoever holds the lock now
    }
  }
  unlinkQuiet(aside);
}

function release(file: string, token: string): void {
  if (held.get(file) !== token) return;
  held.delete(file);
  const owner = parse(readOrNull(file) ?? "");
  if (owner?.token === token) unlinkQuiet(file);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Only synchronous work is possible here; the database itself is closed by Store.close().
  process.on("exit", () => {
    for (const [file, token] of [...held]) release(file, token);
  });
}

function isAlive(owner: LockInfo): boolean {
  const mine = linuxIdentity(owner.pid);
  const sameKernel = owner.bootId !== undefined && owner.bootId === mine.bootId;
  if (owner.host !== os.hostname() && !sameKernel) return true; // cannot check another machine's pids
  if (owner.bootId !== undefined && mine.bootId !== undefined && owner.bootId !== mine.bootId) return false; // rebooted
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (owner.pid === process.pid) return false; // ours from an earlier life (we hold nothing: see `held`)
  if (owner.startTicks !== undefined && mine.startTicks !== undefined && owner.startTicks !== mine.startTicks) return false; // pid reused
  return true;
}

/** Boot id and process start time (clock ticks since boot) on Linux; empty elsewhere. */
function linuxIdentity(pid: number): { bootId?: string; startTicks?: string } {
  if (process.platform !== "linux") return {};
  const out: { bootId?: string; startTicks?: string } = {};
  const boot = readOrNull("/proc/sys/kernel/random/boot_id")?.trim();
  if (boot) out.bootId = boot;
  const stat = readOrNull(`/proc/${pid}/stat`);
  // Field 22 counted after the parenthesised command name, which may itself hold spaces.
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = fields?.[19];
  if (ticks) out.startTicks = ticks;
  return out;
}

function parse(raw: string): LockInfo | undefined {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid === "number" && typeof v.host === "string" && typeof v.token === "string") {
      return { pid: v.pid, host: v.host, since: String(v.since ?? "?"), token: v.token, bootId: v.bootId, startTicks: v.startTicks };
    }
  } catch {
    // unreadable: treated as a crashed writer
  }
  return undefined;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

function unlinkQuiet(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
