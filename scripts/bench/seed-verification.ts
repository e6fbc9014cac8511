import type pg from "pg";
import { BUILT_IN_DIMENSIONS } from "../../lib/verification/dimensions";
import { defaultParameters, renderTemplate, TEMPLATES } from "../../lib/game-days/templates";
import { bulkInsert } from "./bulk-insert";
import { BENCH_ORG_ID, randomGenerator, type BenchOrg } from "./seed-org";

const DAY = 86_400_000;
const BENCH_GAME_DAYS = 500;

type State = "VERIFIED" | "EXPIRING" | "EXPIRED" | "FAILED" | "NEVER" | "NOT_APPLICABLE";

/** The mix of states over services × dimensions: cumulative thresholds of a uniform draw. */
const STATE_MIX: [number, State][] = [
  [0.4, "VERIFIED"],
  [0.5, "EXPIRING"],
  [0.65, "EXPIRED"],
  [0.75, "FAILED"],
  [0.92, "NEVER"],
  [1, "NOT_APPLICABLE"],
];

function stateFor(draw: number): State {
  return STATE_MIX.find(([threshold]) => draw < threshold)![1];
}

// timestamp(3) columns hold UTC wall time: an ISO string cast to timestamp keeps it whatever the session's zone.
const utc = (date: Date) => date.toISOString();

/**
 * Verification data for the benchmark: the five built-in dimensions, a tier on every tenth service,
 * and for every service × dimension a current verification in a mix of states (verified, expiring,
 * expired, failed, not applicable; about one in six never verified, i.e. no row) with its record; and
 * 500 game days over the last year and the next three months, each with a service in scope, its
 * facilitator as participant, a templated experiment, and a run for the finished ones.
 */
export async function seedVerification(
  client: pg.PoolClient | pg.Client,
  org: BenchOrg,
  now = new Date(),
): Promise<{ verifications: number; gameDays: number }> {
  const random = randomGenerator(31);
  const dimensionIds = BUILT_IN_DIMENSIONS.map((dimension) => `bdim_${dimension.key}`);
  await bulkInsert(
    client,
    "verification_dimensions",
    [
      { name: "id", type: "text" },
      { name: "organization_id", type: "text" },
      { name: "key", type: "text" },
      { name: "name", type: "text" },
      { name: "description", type: "text" },
      { name: "position", type: "int" },
      { name: "built_in", type: "boolean" },
      { name: "tracks_recovery", type: "boolean" },
      { name: "updated_at", type: "timestamp" },
    ],
    BUILT_IN_DIMENSIONS.map((dimension, position) => [
      dimensionIds[position],
      BENCH_ORG_ID,
      dimension.key,
      dimension.name,
      dimension.description,
      position,
      true,
      dimension.tracksRecovery,
      utc(now),
    ]),
  );
  const tiers = org.serviceIds.flatMap((serviceId, index) => (index % 10 === 0 ? [[serviceId, BENCH_ORG_ID, 1, utc(now)]] : []));
  await bulkInsert(
    client,
    "service_tiers",
    [
      { name: "service_id", type: "text" },
      { name: "organization_id", type: "text" },
      { name: "tier", type: "int" },
      { name: "updated_at", type: "timestamp" },
    ],
    tiers,
  );

  const current: unknown[][] = [];
  const records: unknown[][] = [];
  org.serviceIds.forEach((serviceId, serviceIndex) => {
    const interval = serviceIndex % 10 === 0 ? 30 : 90;
    const verifierId = org.userIds[serviceIndex % org.userIds.length];
    dimensionIds.forEach((dimensionId, dimensionIndex) => {
      const state = stateFor(random());
      if (state === "NEVER") return;
      const ageDays =
        state === "VERIFIED"
          ? Math.floor(random() * (interval - 15))
          : state === "EXPIRING"
            ? interval - 1 - Math.floor(random() * 13)
            : state === "EXPIRED"
              ? interval + 1 + Math.floor(random() * 200)
              : Math.floor(random() * 120);
      const performedAt = new Date(now.getTime() - ageDays * DAY - 3_600_000);
      const result = state === "FAILED" ? "FAILED" : state === "NOT_APPLICABLE" ? "NOT_APPLICABLE" : "PASSED";
      const method = result === "NOT_APPLICABLE" ? null : (["GAME_DAY", "AUTOMATED_TEST", "RESTORE_TEST", "TABLETOP", "MANUAL_CHECK"] as const)[dimensionIndex];
      const reason = result === "NOT_APPLICABLE" ? "Stateless worker: nothing to restore or spread." : null;
      const recordId = `bvr_${serviceIndex}_${dimensionIndex}`;
      const tracksRecovery = BUILT_IN_DIMENSIONS[dimensionIndex]!.tracksRecovery && result !== "NOT_APPLICABLE";
      records.push([
        recordId,
        BENCH_ORG_ID,
        serviceId,
        dimensionId,
        result,
        method,
        utc(performedAt),
        result === "NOT_APPLICABLE" ? "" : `Bench ${state.toLowerCase()} verification of ${serviceId}.`,
        reason,
        tracksRecovery ? 20 + (serviceIndex % 40) : null,
        verifierId,
      ]);
      current.push([
        `bsv_${serviceIndex}_${dimensionIndex}`,
        BENCH_ORG_ID,
        serviceId,
        dimensionId,
        result,
        method,
        reason,
        result === "NOT_APPLICABLE" ? null : utc(performedAt),
        result === "PASSED" ? utc(new Date(performedAt.getTime() + interval * DAY)) : null,
        verifierId,
        recordId,
        tracksRecovery ? 60 : null,
        tracksRecovery ? 20 + (serviceIndex % 40) : null,
        utc(now),
      ]);
    });
  });
  await bulkInsert(
    client,
    "verification_records",
    [
      { name: "id", type: "text" },
      { name: "organization_id", type: "text" },
      { name: "service_id", type: "text" },
      { name: "dimension_id", type: "text" },
      { name: "result", type: "text", cast: '"VerificationResult"' },
      { name: "method", type: "text", cast: '"VerificationHow"' },
      { name: "performed_at", type: "timestamp" },
      { name: "evidence", type: "text" },
      { name: "not_applicable_reason", type: "text" },
      { name: "rto_observed_minutes", type: "int" },
      { name: "verifier_id", type: "text" },
    ],
    records,
  );
  await bulkInsert(
    client,
    "service_verifications",
    [
      { name: "id", type: "text" },
      { name: "organization_id", type: "text" },
      { name: "service_id", type: "text" },
      { name: "dimension_id", type: "text" },
      { name: "result", type: "text", cast: '"VerificationResult"' },
      { name: "method", type: "text", cast: '"VerificationHow"' },
      { name: "not_applicable_reason", type: "text" },
      { name: "verified_at", type: "timestamp" },
      { name: "expires_at", type: "timestamp" },
      { name: "verifier_id", type: "text" },
      { name: "last_record_id", type: "text" },
      { name: "rto_target_minutes", type: "int" },
      { name: "rto_observed_minutes", type: "int" },
      { name: "updated_at", type: "timestamp" },
    ],
    current,
  );

  await seedGameDays(client, org, dimensionIds, now);
  return { verifications: current.length, gameDays: BENCH_GAME_DAYS };
}

async function seedGameDays(client: pg.PoolClient | pg.Client, org: BenchOrg, dimensionIds: string[], now: Date): Promise<void> {
  const gameDays: unknown[][] = [];
  const services: unknown[][] = [];
  const participants: unknown[][] = [];
  const experiments: unknown[][] = [];
  const runs: unknown[][] = [];
  for (let index = 0; index < BENCH_GAME_DAYS; index++) {
    const id = `bgd_${index}`;
    const serviceIndex = (index * 7) % org.serviceIds.length;
    const serviceId = org.serviceIds[serviceIndex]!;
    const teamId = org.serviceTeamIds[serviceIndex]!;
    const facilitatorId = org.userIds[(index * 3) % org.userIds.length]!;
    // Spread from a year ago to three months ahead: about four in five are past.
    const scheduledAt = new Date(now.getTime() + ((index * 455) / BENCH_GAME_DAYS) * DAY - 365 * DAY);
    const past = scheduledAt.getTime() + 2 * 3_600_000 < now.getTime();
    const status = past ? (index % 25 === 0 ? "CANCELLED" : "FINISHED") : "PLANNED";
    const template = TEMPLATES[index % TEMPLATES.length]!;
    const rendered = renderTemplate(template, defaultParameters(template));
    if (!rendered.ok) throw new Error(`bench template ${template.key} must render with its defaults`);
    const verdict = status !== "FINISHED" ? null : index % 5 === 0 ? "DEVIATED" : index % 17 === 0 ? "ABORTED" : "HELD";
    const endedAt = new Date(scheduledAt.getTime() + 2 * 3_600_000);
    gameDays.push([
      id,
      BENCH_ORG_ID,
      teamId,
      `Bench game day ${index}: ${template.title}`,
      utc(scheduledAt),
      120,
      index % 3 === 0 ? "production" : "staging",
      facilitatorId,
      status,
      past ? utc(scheduledAt) : null,
      status === "FINISHED" ? utc(endedAt) : null,
      facilitatorId,
      utc(now),
    ]);
    services.push([id, serviceId]);
    participants.push([id, facilitatorId]);
    const experimentId = `bgde_${index}`;
    experiments.push([
      experimentId,
      id,
      template.title,
      template.key,
      JSON.stringify(rendered.parameters),
      JSON.stringify(rendered.experiment.steadyStateHypothesis),
      JSON.stringify(rendered.experiment.method),
      JSON.stringify(rendered.experiment.rollbacks),
      serviceId,
      dimensionIds[3],
      verdict,
      verdict ? utc(endedAt) : null,
      utc(now),
    ]);
    if (verdict)
      runs.push([
        `bgdr_${index}`,
        BENCH_ORG_ID,
        id,
        experimentId,
        "RUN_MODE",
        `bench-${index}`,
        verdict === "ABORTED" ? "aborted" : "completed",
        verdict === "DEVIATED",
        verdict,
        utc(scheduledAt),
        utc(endedAt),
        facilitatorId,
      ]);
  }
  const text = (name: string) => ({ name, type: "text" });
  const timestamp = (name: string) => ({ name, type: "timestamp" });
  await bulkInsert(
    client,
    "game_days",
    [
      text("id"),
      text("organization_id"),
      text("team_id"),
      text("title"),
      timestamp("scheduled_at"),
      { name: "duration_minutes", type: "int" },
      text("environment"),
      text("facilitator_id"),
      { name: "status", type: "text", cast: '"GameDayStatus"' },
      timestamp("started_at"),
      timestamp("ended_at"),
      text("created_by_id"),
      timestamp("updated_at"),
    ],
    gameDays,
  );
  await bulkInsert(client, "game_day_services", [text("game_day_id"), text("service_id")], services);
  await bulkInsert(client, "game_day_participants", [text("game_day_id"), text("user_id")], participants);
  await bulkInsert(
    client,
    "game_day_experiments",
    [
      text("id"),
      text("game_day_id"),
      text("title"),
      text("template_key"),
      { name: "parameters", type: "text", cast: "jsonb" },
      { name: "steady_state_hypothesis", type: "text", cast: "jsonb" },
      { name: "method", type: "text", cast: "jsonb" },
      { name: "rollbacks", type: "text", cast: "jsonb" },
      text("service_id"),
      text("dimension_id"),
      { name: "verdict", type: "text", cast: '"ExperimentVerdict"' },
      timestamp("verdict_at"),
      timestamp("updated_at"),
    ],
    experiments,
  );
  await bulkInsert(
    client,
    "game_day_runs",
    [
      text("id"),
      text("organization_id"),
      text("game_day_id"),
      text("experiment_id"),
      { name: "source", type: "text", cast: '"GameDayRunSource"' },
      text("idempotency_key"),
      text("status"),
      { name: "deviated", type: "boolean" },
      { name: "verdict", type: "text", cast: '"ExperimentVerdict"' },
      timestamp("started_at"),
      timestamp("ended_at"),
      text("recorded_by_id"),
    ],
    runs,
  );
}
