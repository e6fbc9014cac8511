import type pg from "pg";
import { bulkInsert, col } from "./bulk-insert";
import { DAY } from "./seed-time";
import type { Scale } from "./scale";
import type { BenchIncidents } from "./seed-incidents";
import { BENCH_ORG_ID, randomGenerator, type BenchOrg } from "./seed-org";

// Every state, weighted as a real backlog: most work finished, a long open tail, some overdue.
const STATUSES = ["VERIFIED", "DONE", "DONE", "IN_PROGRESS", "OPEN", "OPEN", "WONT_DO"] as const;
const TYPES = ["PREVENT", "DETECT", "MITIGATE", "PROCESS"] as const;
const PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;

export async function seedActions(client: pg.PoolClient | pg.Client, scale: Scale, org: BenchOrg, incidents: BenchIncidents, now = new Date()): Promise<void> {
  const random = randomGenerator(13);
  const rows: unknown[][] = [];
  for (let index = 0; index < scale.actions; index++) {
    const coeIndex = index % incidents.coeIds.length;
    // Every tenth action belongs to the bench manager, so "my actions" has a real list.
    const ownerIndex = index % 10 === 0 ? 0 : Math.floor(random() * org.userIds.length);
    const status = STATUSES[index % STATUSES.length]!;
    const created = new Date(now.getTime() - random() * 700 * DAY);
    const due = new Date(created.getTime() + (14 + random() * 120) * DAY);
    const finished = status === "DONE" || status === "VERIFIED" ? new Date(Math.min(now.getTime(), due.getTime())) : null;
    rows.push([
      `bact_${index}`,
      BENCH_ORG_ID,
      incidents.coeIds[coeIndex],
      incidents.coeTeamIds[coeIndex],
      `Corrective action ${index}: add a safeguard and an alarm`,
      org.userIds[ownerIndex],
      TYPES[index % TYPES.length],
      PRIORITIES[index % PRIORITIES.length],
      due.toISOString().slice(0, 10),
      status,
      status === "WONT_DO" ? "Superseded by the platform migration" : null,
      finished,
      status === "VERIFIED" ? finished : null,
      status === "DONE" || status === "VERIFIED" ? "Merged change and a new alarm" : null,
      created,
      finished ?? created,
    ]);
  }
  await bulkInsert(
    client,
    "corrective_actions",
    [
      col.text("id"),
      col.text("organization_id"),
      col.text("coe_id"),
      col.text("team_id"),
      col.text("title"),
      col.text("owner_id"),
      col.enumArray("type", "CorrectiveActionType"),
      col.enumArray("priority", "CorrectiveActionPriority"),
      col.date("due_date"),
      col.enumArray("status", "CorrectiveActionStatus"),
      col.text("wont_do_reason"),
      col.timestamp("completed_at"),
      col.timestamp("verified_at"),
      col.text("evidence"),
      col.timestamp("created_at"),
      col.timestamp("updated_at"),
    ],
    rows,
  );
}
