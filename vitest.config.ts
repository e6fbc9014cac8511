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
  "lib/notifications/producer.test.ts",
  "lib/notifications/email.test.ts",
  "lib/actions/doors.test.ts",
  "lib/events/emit.test.ts",
  "lib/webhooks/delivery.test.ts",
  "lib/webhooks/digest.test.ts",
  "lib/learnings/digest.test.ts",
  "lib/webhooks/write-cost.test.ts",
];
const EXCLUDE = [...configDefaults.exclude, "e2e/**", ".next/**", ".data/**"];

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
      { extends: true, test: { name: "shared-database", include: ["**/*.test.ts"], exclude: [...EXCLUDE, ...WHOLE_DATABASE_FILES] } },
      { extends: true, test: { name: "own-database", include: WHOLE_DATABASE_FILES, exclude: EXCLUDE } },
    ],
  },
});
