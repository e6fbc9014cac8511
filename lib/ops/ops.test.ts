import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/ops/database-unavailable";
import { redactText, redactValue } from "@/lib/ops/redact";
import { isReadOnlyStatement, safeToRetry } from "@/lib/ops/resilient-pool";
import { describeError, logLine } from "@/lib/log";
import { requestStorage } from "@/lib/ops/request-context";

describe("database unavailable", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["an admin shutdown", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a server starting up", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["pg's lost connection", new Error("Connection terminated unexpectedly")],
    ["pg's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["Prisma's P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["an adapter kind in a cause", new Error("wrapped", { cause: { kind: "DatabaseNotReachable" } })],
    ["a cause two levels down", new Error("outer", { cause: new Error("middle", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }) })],
    ["localhost refused twice", new AggregateError([Object.assign(new Error(""), { code: "ECONNREFUSED" })], "")],
    ["our own error", new DatabaseUnavailableError("health timed out")],
  ])("recognises %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a string", "boom"],
  ])("leaves %s alone", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("retry only what is safe", () => {
  it("treats plain reads as retryable and writes, locks and sequences as not", () => {
    expect(isReadOnlyStatement('SELECT "id" FROM "coes" WHERE "id" = $1')).toBe(true);
    expect(isReadOnlyStatement("  -- comment\nWITH a AS (SELECT 1) SELECT * FROM a")).toBe(true);
    expect(isReadOnlyStatement("SELECT 'DELETE me' AS label")).toBe(true);
    expect(isReadOnlyStatement('INSERT INTO "coes" VALUES (1)')).toBe(false);
    expect(isReadOnlyStatement("WITH gone AS (DELETE FROM x RETURNING *) SELECT * FROM gone")).toBe(false);
    expect(isReadOnlyStatement("SELECT pg_advisory_xact_lock(1)")).toBe(false);
    expect(isReadOnlyStatement("SELECT nextval('s')")).toBe(false);
    expect(isReadOnlyStatement('SELECT "deleted_at" FROM "coes"')).toBe(true);
  });

  it("retries a write only when pg refused to send it", () => {
    expect(safeToRetry("UPDATE coes SET title = $1", new Error("Connection terminated unexpectedly"))).toBe(false);
    expect(safeToRetry("UPDATE coes SET title = $1", new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  });
});

describe("logs", () => {
  it("redacts passwords in URLs, tokens, bearer credentials, session cookies and secret-looking keys", () => {
    expect(redactText("postgresql://andon:hunter2@db:5432/andon")).toBe("postgresql://andon:***@db:5432/andon");
    expect(redactText("token andon_abcdefghijklmnop used")).toBe("token andon_*** used");
    expect(redactText("Authorization: Bearer abc.def")).toBe("Authorization: Bearer ***");
    expect(redactText("cookie next-auth.session-token=eyJhbGci; other=1")).toBe("cookie next-auth.session-token=***; other=1");
    expect(redactValue({ password: "x", nested: { apiToken: "y", name: "ok" } })).toEqual({
      password: "[redacted]",
      nested: { apiToken: "[redacted]", name: "ok" },
    });
  });

  it("writes one JSON line with the request id, and errors with their causes", () => {
    const line = requestStorage().run({ requestId: "req-1" }, () =>
      logLine("error", "save failed", describeError(new Error("outer\nsecond line", { cause: Object.assign(new Error("inner"), { code: "57P01" }) }))),
    );
    expect(line).not.toContain("\n");
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      level: "error",
      message: "save failed",
      requestId: "req-1",
      error: "outer\nsecond line",
      causes: [{ message: "inner", code: "57P01" }],
    });
  });
});
