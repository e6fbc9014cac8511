import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { LaunchError } from "./errors";

/**
 * Sessions are signed with this secret, so it must survive restarts: NEXTAUTH_SECRET when set,
 * otherwise generated once into `<dataDir>/auth-secret`, readable by the owner only. Two launchers
 * starting at once end up with the same secret (the second reads the first one's file).
 */
export function resolveAuthSecret(dataDir: string, log: (line: string) => void): string {
  return resolveSecretFile(dataDir, { variable: "NEXTAUTH_SECRET", fileName: "auth-secret", label: "an auth secret" }, log);
}

/**
 * Integration secrets (ticket-system tokens) are encrypted with this key, so it must survive
 * restarts too: ANDON_ENCRYPTION_KEY when set, otherwise `<dataDir>/encryption-key`. Back it up with
 * the database: without it the stored tokens cannot be read.
 */
export function resolveEncryptionKey(dataDir: string, log: (line: string) => void): string {
  return resolveSecretFile(dataDir, { variable: "ANDON_ENCRYPTION_KEY", fileName: "encryption-key", label: "an encryption key" }, log);
}

function resolveSecretFile(dataDir: string, wanted: { variable: string; fileName: string; label: string }, log: (line: string) => void): string {
  const configured = process.env[wanted.variable]?.trim();
  if (configured) return configured;
  const file = path.join(dataDir, wanted.fileName);
  const existing = readSecretFile(file);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secret = randomBytes(32).toString("base64");
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    log(`Generated ${wanted.label} in ${path.relative(process.cwd(), file)}`);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecretFile(file);
    if (!winner) throw new LaunchError(`${file} exists but is empty; delete it and start again.`);
    return winner;
  }
}

function readSecretFile(file: string): string | undefined {
  try {
    const secret = fs.readFileSync(file, "utf8").trim();
    if (secret === "") return undefined;
    fs.chmodSync(file, 0o600); // in case it was copied around with looser permissions
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
