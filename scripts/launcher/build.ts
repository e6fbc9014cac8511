import fs from "node:fs";
import path from "node:path";

/** Inputs whose change makes the production build stale. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** Why `root`'s production build must be redone, or undefined when it is current. */
export function staleBuildReason(root: string): string | undefined {
  const buildIdFile = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildIdFile)) return "no build yet";
  const builtAt = fs.statSync(buildIdFile).mtimeMs;
  const newest = newestFile(BUILD_INPUTS.map((input) => path.join(root, input)));
  if (newest && newest.mtimeMs > builtAt) return `${path.relative(root, newest.file)} changed since the last build`;
  return undefined;
}

function newestFile(paths: string[]): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  const visit = (target: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      return; // optional inputs (next.config.ts, public/) may not exist
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
    } else if (!newest || stat.mtimeMs > newest.mtimeMs) {
      newest = { file: target, mtimeMs: stat.mtimeMs };
    }
  };
  paths.forEach(visit);
  return newest;
}
