import type pg from "pg";
import { DEFAULT_FACTOR_CATEGORIES } from "../../lib/coes/questions";
import { bulkInsert } from "./bulk-insert";
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
const DAY = 86_400_000;

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
    [
      { name: "id", type: "text" },
      { name: "organization_id", type: "text" },
      { name: "name", type: "text" },
      { name: "description", type: "text" },
    ],
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
  const text = { type: "text" };
  const ts = { type: "timestamp" };
  await bulkInsert(
    client,
    "coes",
    [
      { name: "id", ...text },
      { name: "organization_id", ...text },
      { name: "team_id", ...text },
      { name: "title", ...text },
      { name: "severity", type: '"CoeSeverity"' },
      { name: "status", type: '"CoeStatus"' },
      { name: "started_at", ...ts },
      { name: "detected_at", ...ts },
      { name: "mitigated_at", ...ts },
      { name: "resolved_at", ...ts },
      { name: "what_happened", ...text },
      { name: "customer_impact", ...text },
      { name: "contributing_factors", ...text },
      { name: "supporting_data", ...text },
      { name: "lessons_learned", ...text },
      { name: "corrective_actions_summary", ...text },
      { name: "created_by_id", ...text },
      { name: "submitted_at", ...ts },
      { name: "approved_at", ...ts },
      { name: "closed_at", ...ts },
      { name: "created_at", ...ts },
      { name: "updated_at", ...ts },
    ],
    coes,
  );
  await bulkInsert(
    client,
    "coe_services",
    [
      { name: "coe_id", ...text },
      { name: "service_id", ...text },
    ],
    services,
  );
  await bulkInsert(
    client,
    "coe_authors",
    [
      { name: "coe_id", ...text },
      { name: "user_id", ...text },
    ],
    authors,
  );
  await bulkInsert(
    client,
    "coe_revisions",
    [
      { name: "id", ...text },
      { name: "coe_id", ...text },
      { name: "version", type: "int" },
      { name: "snapshot", type: "jsonb" },
      { name: "author_id", ...text },
      { name: "summary", ...text },
      { name: "created_at", ...ts },
    ],
    revisions,
  );
  await bulkInsert(
    client,
    "timeline_entries",
    [
      { name: "id", ...text },
      { name: "coe_id", ...text },
      { name: "occurred_at", ...ts },
      { name: "description", ...text },
    ],
    timeline,
  );
  // unnest() would flatten a text[][]; the five whys travel as array literals and are cast back.
  await bulkInsert(
    client,
    "contributing_factors",
    [
      { name: "id", ...text },
      { name: "coe_id", ...text },
      { name: "category_id", ...text },
      { name: "description", ...text },
      { name: "five_whys", type: "text", cast: "text[]" },
      { name: "position", type: "int" },
    ],
    factors.map((row) => [row[0], row[1], row[2], row[3], `{${(row[4] as string[]).map((why) => `"${why}"`).join(",")}}`, row[5]]),
  );
  return { coeIds, coeTeamIds, categoryIds };
}
