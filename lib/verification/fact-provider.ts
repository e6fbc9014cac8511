import "server-only";
import type { VerificationResult } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CollectedFact, FactDefinition, FactProvider } from "@/lib/policies/fact-provider";
import { BUILT_IN_DIMENSIONS } from "@/lib/verification/dimensions";
import { ageDays, verificationStatus } from "@/lib/verification/status";

type Row = {
  service_id: string;
  dimension_key: string;
  result: VerificationResult | null;
  expires_at: Date | null;
  verified_at: Date | null;
  rto_observed: number | null;
};

const definitions = (key: string, name: string): FactDefinition[] => [
  { key: `verification.${key}.status`, type: "string", description: `${name}: verified, expiring, expired, failed, never or not_applicable.` },
  { key: `verification.${key}.ageDays`, type: "number", description: `${name}: days since the last verification (null: never).` },
  { key: `verification.${key}.rtoMinutesObserved`, type: "number", description: `${name}: the recovery time observed in the last drill, in minutes.` },
];

/**
 * Verification facts per service and dimension, for every service in one statement: the status the
 * grid shows (lower case), its age and the last drill's observed RTO. A service never verified in a
 * dimension gets `never` and nulls, so a rule sees "not verified" rather than an unknown fact.
 * Only the built-in dimensions have facts: the evaluator types facts from this static list, and an
 * organization's own dimension has no type here.
 */
export const verificationFactProvider: FactProvider = {
  source: "andon.verification",
  facts: BUILT_IN_DIMENSIONS.flatMap((dimension) => definitions(dimension.key, dimension.name)),
  async collect(organizationId, serviceIds) {
    const filter = serviceIds === null ? Prisma.sql`TRUE` : Prisma.sql`s.id = ANY(${serviceIds}::text[])`;
    const rows = await db.$queryRaw<Row[]>`
      SELECT s.id AS service_id, d.key AS dimension_key, sv.result::text AS result, sv.expires_at, sv.verified_at, sv.rto_observed_minutes AS rto_observed
      FROM services s
      CROSS JOIN verification_dimensions d
      LEFT JOIN service_verifications sv ON sv.service_id = s.id AND sv.dimension_id = d.id
      WHERE s.organization_id = ${organizationId} AND d.organization_id = ${organizationId} AND d.archived_at IS NULL
        AND d.key = ANY(${BUILT_IN_DIMENSIONS.map((dimension) => dimension.key)}::text[]) AND ${filter}`;
    const now = new Date();
    return rows.flatMap((row): CollectedFact[] => [
      {
        serviceId: row.service_id,
        key: `verification.${row.dimension_key}.status`,
        value: verificationStatus(row.result ? { result: row.result, expiresAt: row.expires_at } : null, now).toLowerCase(),
      },
      { serviceId: row.service_id, key: `verification.${row.dimension_key}.ageDays`, value: ageDays(row.verified_at, now) },
      { serviceId: row.service_id, key: `verification.${row.dimension_key}.rtoMinutesObserved`, value: row.rto_observed },
    ]);
  },
};
