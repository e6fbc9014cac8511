import type pg from "pg";
import { defaultParameters, renderTemplate, TEMPLATES } from "../../lib/game-days/templates";
import { bulkInsert, col } from "./bulk-insert";
import { BENCH_ORG_ID, type BenchOrg } from "./seed-org";
import { DAY, utc } from "./seed-time";

export const BENCH_GAME_DAYS = 500;

/**
 * 500 game days over the last year and the next three months, each with a service in scope, its
 * facilitator as participant, a templated experiment, and a run for the finished ones.
 */
export async function seedGameDays(client: pg.PoolClient | pg.Client, org: BenchOrg, dimensionIds: string[], now: Date): Promise<void> {
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
  await bulkInsert(
    client,
    "game_days",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("team_id"),
      col.text("title"),
      col.timestamp("scheduled_at"),
      col.int("duration_minutes"),
      col.text("environment"),
      col.text("facilitator_id"),
      col.enumText("status", "GameDayStatus"),
      col.timestamp("started_at"),
      col.timestamp("ended_at"),
      col.text("created_by_id"),
      col.timestamp("updated_at"),
    ],
    gameDays,
  );
  await bulkInsert(client, "game_day_services", [col.text("game_day_id"), col.text("service_id")], services);
  await bulkInsert(client, "game_day_participants", [col.text("game_day_id"), col.text("user_id")], participants);
  await bulkInsert(
    client,
    "game_day_experiments",
    [
      col.text("id"),
      col.text("game_day_id"),
      col.text("title"),
      col.text("template_key"),
      col.jsonText("parameters"),
      col.jsonText("steady_state_hypothesis"),
      col.jsonText("method"),
      col.jsonText("rollbacks"),
      col.text("service_id"),
      col.text("dimension_id"),
      col.enumText("verdict", "ExperimentVerdict"),
      col.timestamp("verdict_at"),
      col.timestamp("updated_at"),
    ],
    experiments,
  );
  await bulkInsert(
    client,
    "game_day_runs",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("game_day_id"),
      col.text("experiment_id"),
      col.enumText("source", "GameDayRunSource"),
      col.text("idempotency_key"),
      col.text("status"),
      col.boolean("deviated"),
      col.enumText("verdict", "ExperimentVerdict"),
      col.timestamp("started_at"),
      col.timestamp("ended_at"),
      col.text("recorded_by_id"),
    ],
    runs,
  );
}
