import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Files whose code under test scans every organization, notification or webhook endpoint in the
 * database (the reminder job, the email sender, webhook delivery passes). In the database the other
 * ~125 files fill, each such pass grew with the suite (a reminder run took 2 s with 54 organizations,
 * 5 s with 115, up to 23 s with 188, and these files make ~20 runs). They get a database of their own.
 */
const WHOLE_DATABASE_FILES = [
  "lib/notifications/email.test.ts",
  "lib/actions/doors.test.ts",
  "lib/webhooks/digest.test.ts",
  "lib/learnings/digest.test.ts",
  "lib/webhooks/write-cost.test.ts",
];
/**
 * Files that assert exactly what one pass over the whole database did (every due webhook message,
 * every due ticket, every event fanned out): beside another such file, its pass took their messages or
 * tickets (a drain found 70 of its 1,000 messages claimed by the digest test's pass, ticket counts were
 * off by the other file's ticket). They share a database of their own, one file at a time.
 */
const SERIAL_DATABASE_FILES = [
  "lib/webhooks/delivery.test.ts",
  "lib/integrations/ticket-sync.test.ts",
  "lib/integrations/api.test.ts",
  // Asserts the days overdue of the reminder pass's events: beside producer.test.ts, that file's pass
  // "tomorrow" over the whole database notified its action first (11 days overdue instead of 10).
  "lib/events/emit.test.ts",
  // Asserts that a pass the same day leaves alone what nobody recorded: another file's pass over the
  // whole database that had loaded the organizations before its first run planned it in full.
  "lib/notifications/producer.test.ts",
];
/** Twice the cores, at least four and at most eight (each worker holds its own PostgreSQL connections). */
const SHARED_WORKERS = Math.min(8, Math.max(4, os.availableParallelism() * 2));
const EXCLUDE = [...configDefaults.exclude, "e2e/**", ".next/**", ".data/**"];
/**
 * What makes a test file need a module graph of its own: it replaces modules or globals (vi.mock,
 * spies, fake timers, stubbed environment), sets the environment that modules read as they load, or
 * says so itself (`// vitest: isolate`). The other files of the shared database share their worker's
 * modules (isolate: false): loading the app's module graph again for every file was half of the unit
 * step's CPU (import 276 s of a 267 s run on two cores).
 */
const NEEDS_OWN_MODULES =
  /\bvi\.(?:mock|doMock|unmock|stubEnv|stubGlobal|useFakeTimers|resetModules|spyOn)\b|process\.env(?:\.\w+|\[[^\]]+\])\s*=(?!=)|delete process\.env|\/\/ vitest: isolate\b/;

/** Test files under the root (outside EXCLUDE's folders) whose source needs a module graph of their own. */
function filesNeedingOwnModules(): string[] {
  const skipped = new Set(["node_modules", "e2e", ".next", ".data", ".git"]);
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) visit(relative);
      } else if (entry.name.endsWith(".test.ts") && NEEDS_OWN_MODULES.test(fs.readFileSync(path.join(root, relative), "utf8"))) {
        found.push(relative);
      }
    }
  };
  visit("");
  return found;
}
const OWN_MODULE_FILES = filesNeedingOwnModules();

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The real package throws outside React Server Components; its own empty build is what Next.js
      // uses on the server, and it lets tests import server modules directly.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    // Each project's global setup creates and migrates its database; the setup file points the
    // test file at its project's one.
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30000,
    // Hooks that create and migrate databases take longer than the default 10 s on a busy machine.
    hookTimeout: 60000,
    // include/exclude only here: a project that extends the root would add its lists to the root's.
    projects: [
      // Most files spend their time waiting on PostgreSQL, not the CPU: four workers on two cores halve
      // the run (277 s → 141 s measured here). The whole-database files then run on their own, two at
      // a time: they time webhook drains and write costs, which a busy machine would skew.
      {
        extends: true,
        test: {
          name: "shared-database",
          include: ["**/*.test.ts"],
          exclude: [...EXCLUDE, ...WHOLE_DATABASE_FILES, ...SERIAL_DATABASE_FILES, ...OWN_MODULE_FILES],
          maxWorkers: SHARED_WORKERS,
          isolate: false,
          provide: { sharedModules: true },
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "shared-database-isolated",
          include: OWN_MODULE_FILES.filter((file) => !WHOLE_DATABASE_FILES.includes(file) && !SERIAL_DATABASE_FILES.includes(file)),
          exclude: EXCLUDE,
          maxWorkers: SHARED_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: "own-database", include: WHOLE_DATABASE_FILES, exclude: EXCLUDE, maxWorkers: 2, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: "serial-database", include: SERIAL_DATABASE_FILES, exclude: EXCLUDE, maxWorkers: 1, sequence: { groupOrder: 2 } } },
    ],
  },
});
