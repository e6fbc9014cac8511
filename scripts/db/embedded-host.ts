/**
 * The machine around the embedded PostgreSQL: the system user it runs as (it refuses root), the
 * data directory's owner and a stale postmaster.pid, free ports, and the server's log file.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, statSync, type WriteStream } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";

const OS_USER = "postgres";
const LOG_TAIL_LINES = 25;
const MAX_LOG_BYTES = 5 * 1024 * 1024;

export interface OsUser {
  uid: number;
  gid: number;
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * PostgreSQL refuses to run as root. The package creates the user only during initdb, and with a
 * plain `groupadd postgres` that fails when the group alone exists; do it here, once, tolerantly.
 */
export function ensurePostgresOsUser(log: (line: string) => void): OsUser {
  const existing = lookUpOsUser();
  if (existing) return existing;
  log(`Creating the '${OS_USER}' system user to run the embedded PostgreSQL (it refuses to run as root)`);
  try {
    if (!commandSucceeds("getent", ["group", OS_USER])) execFileSync("groupadd", ["--system", OS_USER]);
    execFileSync("useradd", ["--system", "--gid", OS_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER]);
  } catch (error) {
    throw new Error(`Could not create the '${OS_USER}' OS user (needed when running as root): ${describe(error)}`);
  }
  const created = lookUpOsUser();
  if (!created) throw new Error(`The '${OS_USER}' OS user still does not exist after creating it.`);
  return created;
}

function lookUpOsUser(): OsUser | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", OS_USER], { encoding: "utf8", stdio: "pipe" }).trim());
    const gid = Number(execFileSync("id", ["-g", OS_USER], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function commandSucceeds(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The server runs as `postgres` and must reach its data directory, so every ancestor needs search
 * permission for that user. A project under /root (mode 700) is the common trap: we add the
 * traverse bit for others (x only: it does not let anyone list or read the directory).
 */
export async function makeTraversable(dir: string, user: OsUser, log: (line: string) => void): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    const traversable = stat.uid === user.uid ? (stat.mode & 0o100) !== 0 : stat.gid === user.gid ? (stat.mode & 0o010) !== 0 : (stat.mode & 0o001) !== 0;
    if (!traversable) {
      await fs.chmod(current, (stat.mode & 0o7777) | 0o001);
      log(`Allowed the '${OS_USER}' user to traverse ${current} (added o+x) so the embedded PostgreSQL can reach its data`);
    }
    if (path.dirname(current) === current) return;
  }
}

/** A cluster copied or restored as root would otherwise fail with "permission denied". */
export async function ensureOwnedBy(dataDir: string, user: OsUser, log: (line: string) => void): Promise<void> {
  const stat = await fs.stat(dataDir);
  if (stat.uid === user.uid) return;
  log(`Giving ${dataDir} back to the '${OS_USER}' user`);
  execFileSync("chown", ["-R", `${user.uid}:${user.gid}`, dataDir]);
  await fs.chmod(dataDir, 0o700);
}

/**
 * A crash (or SIGKILL of the launcher) leaves postmaster.pid behind. PostgreSQL copes when that pid
 * is dead, but refuses when the pid was reused by another process, and an orphaned server of ours
 * still holds the directory. Remove what is stale, shut down our own orphan, and refuse only when
 * another live launcher is using the cluster.
 */
export async function clearStalePostmasterPid(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const contents = await fs.readFile(pidFile, "utf8").catch(() => undefined);
  if (contents === undefined) return;
  const pid = Number.parseInt(contents.split("\n")[0] ?? "", 10);
  const owner = Number.isInteger(pid) && pid > 0 ? describeProcess(pid) : undefined;

  if (!owner || !owner.command.includes("postgres") || !owner.command.includes(dataDir)) {
    await fs.rm(pidFile, { force: true });
    log(`Removed a stale postmaster.pid from ${dataDir} (left by a server that is no longer running)`);
    return;
  }
  const parent = describeProcess(owner.ppid);
  if (owner.ppid > 1 && parent && /\b(node|tsx|npm)\b/.test(parent.command)) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already in use (server pid ${pid}, started by pid ${owner.ppid}: ` +
        `${parent.command.slice(0, 80)}). Stop that process first, or set DATABASE_URL to use another database.`,
    );
  }
  log(`Stopping an orphaned embedded PostgreSQL (pid ${pid}) left running by an earlier crash`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(`The orphaned PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it by hand and retry.`);
    }
    await delay(200);
  }
}

interface ProcessDescription {
  ppid: number;
  command: string;
}

function describeProcess(pid: number): ProcessDescription | undefined {
  if (!isAlive(pid)) return undefined;
  try {
    // /proc first: minimal images (node:*-slim) have no `ps`.
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised name (which may contain spaces): state, ppid, ...
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return { ppid, command };
  } catch {
    try {
      const line = execFileSync("ps", ["-o", "ppid=,command=", "-p", String(pid)], { encoding: "utf8" }).trim();
      const [ppid, ...command] = line.split(/\s+/);
      return { ppid: Number(ppid), command: command.join(" ") };
    } catch {
      return undefined;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function pickPort(preferred: number, log: (line: string) => void): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  const port = await freePort();
  log(`Port ${preferred} is in use; the embedded PostgreSQL will listen on ${port} instead`);
  return port;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Appends the server's output to a file and keeps the last lines for error messages. */
export class ServerLog {
  private readonly lines: string[] = [];
  private readonly stream: WriteStream;

  constructor(readonly file: string) {
    // Appended across restarts, but started afresh once large: it is for diagnosis, not archive.
    const large = existsSync(file) && statSync(file).size > MAX_LOG_BYTES;
    this.stream = createWriteStream(file, { flags: large ? "w" : "a" });
    this.stream.on("error", () => undefined); // a log we cannot write must not stop the database
  }

  write(message: string): void {
    if (!this.stream.closed && !this.stream.writableEnded) this.stream.write(message.endsWith("\n") ? message : `${message}\n`);
    for (const line of message.split("\n")) {
      if (line.trim() === "") continue;
      this.lines.push(line);
      if (this.lines.length > LOG_TAIL_LINES) this.lines.shift();
    }
  }

  tail(): string {
    return this.lines.map((line) => `  | ${line}`).join("\n");
  }

  close(): void {
    this.stream.end();
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether `promise` settles within `ms`; the timer is cleared so it never holds the process open. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), expired]);
  } finally {
    clearTimeout(timer);
  }
}
