import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "./ensure-database";

describe("parseDatabaseUrl", () => {
  it("takes Prisma's ?schema= out of the connection string and names the database", () => {
    expect(parseDatabaseUrl("postgresql://andon:secret@db:5432/andon?schema=tenant&sslmode=require")).toEqual({
      connectionString: "postgresql://andon:secret@db:5432/andon?sslmode=require",
      schema: "tenant",
      databaseName: "andon",
    });
    expect(parseDatabaseUrl("postgres://db/andon%20test").schema).toBe("public");
    expect(parseDatabaseUrl("postgres://db/andon%20test").databaseName).toBe("andon test");
  });

  it("refuses what is not a PostgreSQL URL naming a database, never echoing the password", () => {
    expect(() => parseDatabaseUrl("//andon:secret@db/andon")).toThrow('"//andon:***@db/andon" is not a URL');
    expect(() => parseDatabaseUrl("mysql://db/andon")).toThrow(/Only PostgreSQL/);
    expect(() => parseDatabaseUrl("postgresql://andon:secret@db:5432/")).toThrow(/andon:\*\*\*@db:5432\/" names no database/);
  });
});
