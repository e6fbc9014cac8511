import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

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
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["./vitest.global-setup.ts"],
    testTimeout: 30000,
    // Hooks that create and migrate databases take longer than the default 10 s on a busy machine.
    hookTimeout: 60000,
  },
});
