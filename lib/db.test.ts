// The app's connections carry their session settings: a statement timeout and no JIT compilation.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

describe("the app's database connections", () => {
  it("run without JIT compilation and with the configured statement timeout", async () => {
    const [settings] = await db.$queryRaw<{ jit: string; timeout: string }[]>`
      SELECT current_setting('jit') AS jit, (SELECT setting FROM pg_settings WHERE name = 'statement_timeout') AS timeout`;
    expect(settings).toEqual({ jit: "off", timeout: String(Math.round(env().DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000)) });
  });
});
