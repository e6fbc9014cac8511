import type pg from "pg";
import { bulkInsert } from "./bulk-insert";
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
      { name: "id", type: "text" },
      { name: "organization_id", type: "text" },
      { name: "service_id", type: "text" },
      { name: "team_id", type: "text" },
      { name: "severity", type: "text", cast: '"CordSeverity"' },
      { name: "problem", type: "text" },
      { name: "pulled_by_id", type: "text" },
      { name: "pulled_at", type: "timestamp" },
      { name: "resolved_at", type: "timestamp" },
      { name: "resolved_by_id", type: "text" },
      { name: "resolution_note", type: "text" },
      { name: "open_service_id", type: "text" },
      { name: "created_at", type: "timestamp" },
      { name: "updated_at", type: "timestamp" },
    ],
    cords,
  );
  await bulkInsert(
    client,
    "cord_events",
    [
      { name: "cord_id", type: "text" },
      { name: "kind", type: "text", cast: '"CordEventKind"' },
      { name: "actor_id", type: "text" },
      { name: "body", type: "text" },
      { name: "deploy_ref", type: "text" },
      { name: "created_at", type: "timestamp" },
    ],
    events,
  );
}
