// CSV uploads: every line validated, line-numbered errors, nothing imported from a bad file.
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { loadCurrentUser } from "@/lib/auth/principal";
import { parseMetricCsv } from "@/lib/metrics/csv";
import { toCsv } from "@/lib/csv";
import { CsvImportError, importMetricCsv } from "@/lib/metrics/csv-import";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

async function world() {
  const org = await createOrganization(db);
  const team = await createTeam(db, org.id);
  const service = await createService(db, org.id, team.id);
  await db.serviceMetric.create({ data: { organizationId: org.id, serviceId: service.id, name: "Availability", unit: "%", direction: "UP", target: 99.9 } });
  await db.serviceMetric.create({ data: { organizationId: org.id, serviceId: service.id, name: "p99 latency", unit: "ms", direction: "DOWN", target: 300 } });
  const member = await createUser(db, org.id, { memberships: [{ teamId: team.id, role: "MEMBER" }] });
  const actor = (await loadCurrentUser(member.id))!;
  return { org, service, actor };
}

describe("CSV import", () => {
  it("imports a good file for one service, the service column being optional", async () => {
    const w = await world();
    const csv = "metric,timestamp,value\nAvailability,2026-11-20,99.95\n\np99 latency,2026-11-20T00:00:00Z,280\n";
    expect(await importMetricCsv(w.actor, w.service.id, csv)).toEqual({ received: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(await db.metricValue.count({ where: { serviceId: w.service.id } })).toBe(2);
  });

  it("rejects a file with bad lines, names every line, and imports nothing", async () => {
    const w = await world();
    const csv = [
      "metric,timestamp,value",
      "Availability,2026-11-20,99.95", // 2: fine
      "Availability,20/11/2026,99.9", // 3: date format
      "p99 latency,2026-11-20,fast", // 4: not a number
      "Availability,2026-11-21", // 5: missing a column
      "Throughput,2026-11-21,10", // 6: no such metric (found only when resolving)
      "p99 latency,2026-11-21,290", // 7: fine
    ].join("\n");
    const attempt = importMetricCsv(w.actor, w.service.id, csv);
    await expect(attempt).rejects.toBeInstanceOf(CsvImportError);
    const error = (await attempt.catch((caught: unknown) => caught)) as CsvImportError;
    expect(error.lineErrors.map((line) => line.line)).toEqual([3, 4, 5]);
    expect(error.message).toBe("3 lines have problems; nothing was imported. Fix them and upload the file again.");
    expect(error.fieldErrors.csv![0]).toMatch(/^Line 3: timestamp: /);
    expect(await db.metricValue.count({ where: { serviceId: w.service.id } })).toBe(0);

    // Once the format is right, the unknown metric is reported by its line, and still nothing is imported.
    const fixed = csv.replace("20/11/2026", "2026-11-20").replace("fast", "300").replace("Availability,2026-11-21\n", "Availability,2026-11-21,99.1\n");
    const second = (await importMetricCsv(w.actor, w.service.id, fixed).catch((caught: unknown) => caught)) as CsvImportError;
    expect(second.lineErrors).toEqual([{ line: 6, message: expect.stringContaining("has no metric “Throughput”") }]);
    expect(await db.metricValue.count({ where: { serviceId: w.service.id } })).toBe(0);
  });

  it("explains a wrong header and an unreadable file", () => {
    expect(parseMetricCsv("name,when,value\nA,2026-01-01,1", "svc").errors).toEqual([
      { line: 1, message: expect.stringContaining("missing metric, timestamp; unknown “name”, “when”") },
    ]);
    expect(parseMetricCsv('metric,timestamp,value\n"Availability,2026-01-01,1\n', "svc").errors[0]!.message).toContain("cannot be read");
    expect(parseMetricCsv("", "svc").errors[0]!.message).toContain("empty");
    expect(parseMetricCsv("metric,timestamp,value\n", "svc").errors[0]!.message).toContain("no values");
  });

  it("writes CSV that spreadsheets read back as the same text", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x, y", 1],
          ['say "hi"', null],
          ["=SUM(A1)", -2],
        ],
      ),
    ).toBe('a,b\r\n"x, y",1\r\n"say ""hi""",\r\n\'=SUM(A1),-2\r\n');
  });
});
