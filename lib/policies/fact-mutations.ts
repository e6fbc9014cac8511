import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import type { FactValue, FactValueType } from "@/lib/policies/fact-provider";

/** A fact ready to store: the value already in its JSON form (datetimes as ISO strings). */
export type FactWrite = { serviceId: string; key: string; type: FactValueType; value: number | boolean | string | null; observedAt: Date };

const DB_TYPE: Record<FactValueType, string> = { number: "NUMBER", boolean: "BOOLEAN", string: "STRING", datetime: "DATETIME" };

/** A provider's or pusher's value in the stored form. */
export function storedFactValue(value: FactValue): number | boolean | string | null {
  if (value instanceof Date) return value.toISOString();
  return value;
}

export function inferFactType(value: FactValue): FactValueType {
  if (value instanceof Date) return "datetime";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

/**
 * The one write path for service facts (API push, CSV upload, catalog import, built-in providers):
 * upserts the latest value per (service, key) and appends a history row only when the value changed,
 * all in one statement. `touchUnchanged` moves observedAt on identical values (a push says "still
 * true"); providers pass false so a recomputation that changes nothing writes nothing.
 * Returns the ids of the services whose facts changed, for the evaluator.
 * The history compares with `service_facts` as it was: every part of one statement reads the same
 * snapshot, so the upsert's new values are not seen there. Joined by its unique key, one probe per
 * fact (a join of the input with itself made a write of 15,000 facts take 28 s).
 */
export async function writeFacts(
  client: DbClient,
  organizationId: string,
  source: string,
  facts: FactWrite[],
  options: { touchUnchanged: boolean } = { touchUnchanged: true },
): Promise<string[]> {
  if (facts.length === 0) return [];
  // The last value per (service, key) wins: one statement cannot update the same row twice.
  const latest = new Map<string, FactWrite>();
  for (const fact of facts) latest.set(`${fact.serviceId}\u0000${fact.key}`, fact);
  const rows = [...latest.values()].map((fact) => ({
    service_id: fact.serviceId,
    key: fact.key,
    type: DB_TYPE[fact.type],
    value: fact.value,
    observed_at: fact.observedAt.toISOString(),
  }));
  const onlyChanged = options.touchUnchanged
    ? Prisma.sql`TRUE`
    : Prisma.sql`service_facts.value IS DISTINCT FROM EXCLUDED.value OR service_facts.type <> EXCLUDED.type`;
  const changed = await client.$queryRaw<{ service_id: string }[]>`
    WITH input AS (
      SELECT x.service_id, x.key, x.type, x.value, (x.observed_at AT TIME ZONE 'UTC') AS observed_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(service_id text, key text, type text, value jsonb, observed_at timestamptz)
      JOIN services s ON s.id = x.service_id AND s.organization_id = ${organizationId}
    ),
    upserted AS (
      INSERT INTO service_facts (id, organization_id, service_id, key, type, value, source, observed_at, changed_at)
      SELECT gen_random_uuid()::text, ${organizationId}, i.service_id, i.key, i.type::"FactValueType", i.value, ${source}, i.observed_at, i.observed_at
      FROM input i
      ON CONFLICT (service_id, key) DO UPDATE SET
        type = EXCLUDED.type, value = EXCLUDED.value, source = EXCLUDED.source, observed_at = EXCLUDED.observed_at,
        changed_at = CASE WHEN service_facts.value IS NOT DISTINCT FROM EXCLUDED.value THEN service_facts.changed_at ELSE EXCLUDED.observed_at END
      WHERE ${onlyChanged}
      RETURNING service_id
    )
    INSERT INTO service_fact_changes (organization_id, service_id, key, type, value, source, observed_at)
    SELECT ${organizationId}, i.service_id, i.key, i.type::"FactValueType", i.value, ${source}, i.observed_at
    FROM input i LEFT JOIN service_facts p ON p.service_id = i.service_id AND p.key = i.key
    WHERE p.service_id IS NULL OR p.value IS DISTINCT FROM i.value
    RETURNING service_id`;
  return [...new Set(changed.map((row) => row.service_id))];
}
