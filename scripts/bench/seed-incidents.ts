import type pg from "pg";
import { DEFAULT_FACTOR_CATEGORIES } from "../../lib/coes/questions";
import { bulkInsert, col } from "./bulk-insert";
import { DAY } from "./seed-time";
import type { Scale } from "./scale";
import { BENCH_ORG_ID, randomGenerator, type BenchOrg } from "./seed-org";

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
// Mostly finished COEs, as in a long-running organization; a tail of drafts and reviews.
const STATUSES = ["CLOSED", "CLOSED", "APPROVED", "APPROVED", "APPROVED", "IN_REVIEW", "DRAFT"] as const;
const SUBJECTS = [
  "certificate expiry",
  "DNS resolution",
  "configuration push",
  "deployment",
  "database failover",
  "cache stampede",
  "third-party API",
  "disk pressure",
  "retry storm",
  "load balancer drain",
];

export type BenchIncidents = { coeIds: string[]; coeTeamIds: string[]; categoryIds: string[] };

function answer(subject: string, index: number): string {
  return (
    `During the ${subject} incident #${index}, requests to the checkout path failed for a share of customers. ` +
    `The on-call engineer was paged by the error-rate alarm, rolled back the change and confirmed recovery on the dashboards. ` +
    `We learned that our ${subject} safeguards were not exercised in staging and that the runbook lacked a verification step.`
  );
}

export async function seedIncidents(client: pg.PoolClient | pg.Client, scale: Scale, org: BenchOrg, now = new Date()): Promise<BenchIncidents> {
  const random = randomGenerator(7);
  const categoryIds = DEFAULT_FACTOR_CATEGORIES.map((_, index) => `bcat_${index}`);
  await bulkInsert(
    client,
    "factor_categories",
    [col.text("id"), col.text("organization_id"), col.text("name"), col.text("description")],
    DEFAULT_FACTOR_CATEGORIES.map((category, index) => [categoryIds[index], BENCH_ORG_ID, category.name, category.description]),
  );

  const coes: unknown[][] = [];
  const services: unknown[][] = [];
  const authors: unknown[][] = [];
  const revisions: unknown[][] = [];
  const timeline: unknown[][] = [];
  const factors: unknown[][] = [];
  const coeIds: string[] = [];
  const coeTeamIds: string[] = [];
  for (let index = 0; index < scale.coes; index++) {
    const id = `bcoe_${index}`;
    const serviceIndex = Math.floor(random() * org.serviceIds.length);
    const teamId = org.serviceTeamIds[serviceIndex]!;
    const authorId = org.userIds[(serviceIndex * 7 + index) % org.userIds.length]!;
    const subject = SUBJECTS[index % SUBJECTS.length]!;
    const status = STATUSES[index % STATUSES.length]!;
    const started = new Date(now.getTime() - random() * 730 * DAY);
    const detected = new Date(started.getTime() + random() * 3_600_000);
    const mitigated = new Date(detected.getTime() + random() * 7_200_000);
    const resolved = new Date(mitigated.getTime() + random() * 14_400_000);
    const title = `${subject[0]!.toUpperCase()}${subject.slice(1)} caused errors on service-${serviceIndex}`;
    const text = answer(subject, index);
    coes.push([
      id,
      BENCH_ORG_ID,
      teamId,
      title,
      SEVERITIES[index % 4],
      status,
      started,
      detected,
      mitigated,
      resolved,
      text,
      text,
      text,
      text,
      text,
      text,
      authorId,
      status === "DRAFT" ? null : resolved,
      status === "APPROVED" || status === "CLOSED" ? resolved : null,
      status === "CLOSED" ? resolved : null,
      started,
      resolved,
    ]);
    services.push([id, org.serviceIds[serviceIndex]]);
    authors.push([id, authorId]);
    revisions.push([
      `brev_${index}`,
      id,
      1,
      JSON.stringify({ title, teamId, severity: SEVERITIES[index % 4], status, whatHappened: text }),
      authorId,
      "Created",
      started,
    ]);
    for (let entry = 0; entry < 3; entry++) {
      timeline.push([`btl_${index}_${entry}`, id, new Date(started.getTime() + entry * 600_000), `Step ${entry + 1} of the response to ${subject}`]);
    }
    factors.push([
      `bf_${index}`,
      id,
      categoryIds[index % categoryIds.length],
      `The ${subject} safeguard did not fire`,
      ["Why did it fail?", "Why was it not tested?", "Why was there no alarm?"],
      0,
    ]);
    coeIds.push(id);
    coeTeamIds.push(teamId);
  }
  await bulkInsert(
    client,
    "coes",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("team_id"),
      col.text("title"),
      col.enumArray("severity", "CoeSeverity"),
      col.enumArray("status", "CoeStatus"),
      col.timestamp("started_at"),
      col.timestamp("detected_at"),
      col.timestamp("mitigated_at"),
      col.timestamp("resolved_at"),
      col.text("what_happened"),
      col.text("customer_impact"),
      col.text("contributing_factors"),
      col.text("supporting_data"),
      col.text("lessons_learned"),
      col.text("corrective_actions_summary"),
      col.text("created_by_id"),
      col.timestamp("submitted_at"),
      col.timestamp("approved_at"),
      col.timestamp("closed_at"),
      col.timestamp("created_at"),
      col.timestamp("updated_at"),
    ],
    coes,
  );
  await bulkInsert(client, "coe_services", [col.text("coe_id"), col.text("service_id")], services);
  await bulkInsert(client, "coe_authors", [col.text("coe_id"), col.text("user_id")], authors);
  await bulkInsert(
    client,
    "coe_revisions",
    [col.text("id"), col.text("coe_id"), col.int("version"), col.jsonb("snapshot"), col.text("author_id"), col.text("summary"), col.timestamp("created_at")],
    revisions,
  );
  await bulkInsert(client, "timeline_entries", [col.text("id"), col.text("coe_id"), col.timestamp("occurred_at"), col.text("description")], timeline);
  // unnest() would flatten a text[][]; the five whys travel as array literals and are cast back.
  await bulkInsert(
    client,
    "contributing_factors",
    [col.text("id"), col.text("coe_id"), col.text("category_id"), col.text("description"), col.textArray("five_whys"), col.int("position")],
    factors.map((row) => [row[0], row[1], row[2], row[3], `{${(row[4] as string[]).map((why) => `"${why}"`).join(",")}}`, row[5]]),
  );
  return { coeIds, coeTeamIds, categoryIds };
}
