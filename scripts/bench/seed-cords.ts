import type pg from "pg";
import { bulkInsert, col } from "./bulk-insert";
import { BENCH_ORG_ID, type BenchOrg } from "./seed-org";

const HOUR = 3_600_000;

/**
 * Andon cords on the first services: a resolved one each (pulled, a blocked deploy, resolved) over
 * the last months, and an open one on every tenth service from the second on. `bs_0` stays without
 * an open cord, so the bench's deploy-gate route measures the common "allowed" answer.
 */
export async function seedCords(client: pg.PoolClient | pg.Client, org: BenchOrg, now = new Date()): Promise<void> {
  const services = org.serviceIds.slice(0, 200);
  const cords: unknown[][] = [];
  const events: unknown[][] = [];
  services.forEach((serviceId, index) => {
    const teamId = org.serviceTeamIds[index];
    const pulledBy = org.userIds[index % org.userIds.length];
    const pulled = new Date(now.getTime() - (24 + index * 7) * HOUR);
    const resolved = new Date(pulled.getTime() + (1 + (index % 5)) * HOUR);
    const resolvedId = `bcord_r_${index}`;
    cords.push([
      resolvedId,
      BENCH_ORG_ID,
      serviceId,
      teamId,
      index % 3 === 0 ? "CUSTOMER_DEFECT" : "STOP_DEPLOYS",
      `Bench defect ${index}`,
      pulledBy,
      pulled,
      resolved,
      pulledBy,
      "Fixed",
      null,
      pulled,
      resolved,
    ]);
    events.push([resolvedId, "PULLED", pulledBy, `Bench defect ${index}`, null, pulled]);
    events.push([resolvedId, "DEPLOY_BLOCKED", pulledBy, "", `sha-${index}`, new Date(pulled.getTime() + HOUR / 2)]);
    events.push([resolvedId, "RESOLVED", pulledBy, "Fixed", null, resolved]);
    if (index % 10 === 1) {
      const openId = `bcord_o_${index}`;
      const openPulled = new Date(now.getTime() - (index % 7) * HOUR);
      cords.push([
        openId,
        BENCH_ORG_ID,
        serviceId,
        teamId,
        "STOP_DEPLOYS",
        `Open bench defect ${index}`,
        pulledBy,
        openPulled,
        null,
        null,
        null,
        serviceId,
        openPulled,
        openPulled,
      ]);
      events.push([openId, "PULLED", pulledBy, `Open bench defect ${index}`, null, openPulled]);
    }
  });
  await bulkInsert(
    client,
    "cords",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("service_id"),
      col.text("team_id"),
      col.enumText("severity", "CordSeverity"),
      col.text("problem"),
      col.text("pulled_by_id"),
      col.timestamp("pulled_at"),
      col.timestamp("resolved_at"),
      col.text("resolved_by_id"),
      col.text("resolution_note"),
      col.text("open_service_id"),
      col.timestamp("created_at"),
      col.timestamp("updated_at"),
    ],
    cords,
  );
  await bulkInsert(
    client,
    "cord_events",
    [col.text("cord_id"), col.enumText("kind", "CordEventKind"), col.text("actor_id"), col.text("body"), col.text("deploy_ref"), col.timestamp("created_at")],
    events,
  );
}
