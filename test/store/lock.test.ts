// One process per data folder: a second one gets a clear error; a dead owner's lock is taken
// over; closing releases the folder and lets the process end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, StoreLockedError } from "../../src/store/index.js";

const fixture = path.resolve("test/store/fixtures/store-process.ts");
const tmp: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "steward-lock-"));
  tmp.push(d);
  return d;
}

interface Child {
  proc: ChildProcess;
  /** Resolves with the first stdout line that starts with one of the words. */
  line(...words: string[]): Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function startChild(dir: string, mode: string): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", fixture, dir, mode], { stdio: ["pipe", "pipe", "pipe"] });
  children.push(proc);
  let out = "";
  let err = "";
  const waiting: { words: string[]; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const l of out.split("\n")) {
      for (const w of [...waiting]) {
        if (w.words.some((word) => l.startsWith(word))) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(l);
        }
      }
    }
  };
  proc.stdout!.on("data", (d) => {
    out += d;
    check();
  });
  proc.stderr!.on("data", (d) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    proc.on("exit", (code, signal) => {
      for (const w of waiting.splice(0)) w.reject(new Error(`child exited (${code ?? signal}) before printing ${w.words.join("/")}:\n${out}\n${err}`));
      resolve({ code, signal, at: Date.now() });
    }),
  );
  return { proc, exit, line: (...words) => new Promise((resolve, reject) => (waiting.push({ words, resolve, reject }), check())) };
}

describe("data folder lock", () => {
  it("refuses a second process with a clear message naming the owner", async () => {
    const dir = dataDir();
    const shown = path.relative(process.cwd(), dir);
    const store = await openStore({ dataDir: shown });
    try {
      const child = startChild(shown, "hold");
      const line = await child.line("LOCKED", "OPENED");
      expect(line).toMatch(new RegExp(`^LOCKED data folder ${shown.replace(/[.\\/]/g, "\\$&")} is in use by process ${process.pid} since \\d{4}-\\d\\d-\\d\\dT`));
      expect(line).toContain("stop it or use --data-dir");
      expect((await child.exit).code).toBe(3);
      // The refused process did not disturb the database.
      expect(await store.prisma.community.count()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("refuses this process while another holds the folder, and opens once it closed", async () => {
    const dir = dataDir();
    const child = startChild(dir, "hold");
    expect(await child.line("OPENED", "LOCKED")).toBe("OPENED");
    const refused = await openStore({ dataDir: dir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreLockedError);
    expect((refused as StoreLockedError).pid).toBe(child.proc.pid);
    expect((refused as Error).message).toContain(`is in use by process ${child.proc.pid}`);
    child.proc.stdin!.write("close\n");
    expect((await child.exit).code).toBe(0);
    expect(existsSync(path.join(dir, "steward.lock"))).toBe(false);
    const store = await openStore({ dataDir: dir });
    await store.close();
  });

  it("takes over the lock of a process that no longer exists", async () => {
    const dir = dataDir();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(gone.stdout);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "steward.lock"), JSON.stringify({ pid: deadPid, host: os.hostname(), since: "2026-01-01T00:00:00.000Z", token: "old" }));
    const store = await openStore({ dataDir: dir });
    try {
      expect(JSON.parse(readFileSync(path.join(dir, "steward.lock"), "utf8")).pid).toBe(process.pid);
    } finally {
      await store.close();
    }
    expect(existsSync(path.join(dir, "steward.lock"))).toBe(false);
  });

  it("treats a live pid that is another process (reused pid) as stale", async () => {
    const dir = dataDir();
    // pid 1 exists, but it did not start when this lock claims (Linux records start times).
    writeFileSync(path.join(dir, "steward.lock"), JSON.stringify({ pid: 1, host: os.hostname(), since: "x", token: "t", startTicks: "1" }));
    if (process.platform !== "linux") return;
    const store = await openStore({ dataDir: dir });
    await store.close();
  });

  it("recovers after the owner was killed: lock taken over, committed data kept", async () => {
    const dir = dataDir();
    const child = startChild(dir, "crash");
    await child.line("WROTE");
    child.proc.kill("SIGKILL");
    await child.exit;
    expect(existsSync(path.join(dir, "steward.lock"))).toBe(true); // left behind by the crash
    const store = await openStore({ dataDir: dir });
    try {
      expect(await store.prisma.community.findUnique({ where: { key: "written-before-crash" } })).not.toBeNull();
    } finally {
      await store.close();
    }
  });

  it("refuses a second open in the same process; close() is idempotent and frees the folder", async () => {
    const dir = dataDir();
    const store = await openStore({ dataDir: dir });
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/already open in this process/);
    await Promise.all([store.close(), store.close()]);
    await store.close();
    expect(existsSync(path.join(dir, "steward.lock"))).toBe(false);
    const again = await openStore({ dataDir: dir });
    await again.close();
  });

  it("lets the process end promptly after close(), and releases the lock if close() is forgotten", async () => {
    const closing = startChild(dataDir(), "close");
    const closedAt = Number((await closing.line("CLOSED")).split(" ")[1]);
    const ended = await closing.exit;
    expect(ended.code).toBe(0);
    expect(ended.at - closedAt).toBeLessThan(3000);

    const dir = dataDir();
    const forgetful = startChild(dir, "forget");
    await forgetful.line("OPENED");
    expect((await forgetful.exit).code).toBe(0);
    expect(existsSync(path.join(dir, "steward.lock"))).toBe(false);
  });
});
