// Runs `prisma generate` on machines where Prisma's native schema engine cannot be downloaded.
// Generate never runs the engine, but the CLI insists that the binary exists, so point it at any
// existing file when the real engine is missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}
const prismaBin = "node_modules/.bin/prisma";
if (!existsSync(prismaBin)) {
  console.error("prisma CLI is not installed; run npm install first");
  process.exit(1);
}
const result = spawnSync(prismaBin, ["generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
