import "server-only";
import { db } from "@/lib/db";

export const PILOT_METRIC_LABELS = { MTTR: "MTTR (time to resolve)", TIME_TO_DETECT: "Time to detect", TIME_TO_MITIGATE: "Time to mitigate" } as const;
export const PILOT_MEASURE = { MTTR: "ttr", TIME_TO_DETECT: "ttd", TIME_TO_MITIGATE: "ttm" } as const;

export async function pilotsOf(organizationId: string, teamIds: readonly string[]) {
  return db.improvementPilot.findMany({
    where: { organizationId, teamId: { in: [...teamIds] } },
    select: { teamId: true, metric: true, baselineMedianSec: true, baselineP90Sec: true, baselineMeanSec: true, baselineCount: true, baselineFrom: true, startedAt: true, startedBy: { select: { name: true } } },
  });
}
export type Pilot = Awaited<ReturnType<typeof pilotsOf>>[number];
