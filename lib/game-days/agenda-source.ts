import "server-only";
import { db } from "@/lib/db";
import type { ExperimentVerdict } from "@/lib/generated/prisma/client";
import type { AgendaSourceContext } from "@/lib/reviews/agenda-sources";
import type { SourceBadge, SourceBlock, SourceEntry } from "@/lib/reviews/agenda-types";

const MAX_ENTRIES = 20;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const VERDICT_BADGES: Record<ExperimentVerdict, SourceBadge> = {
  HELD: { label: "Hypothesis held", tone: "green" },
  DEVIATED: { label: "Deviated", tone: "red" },
  ABORTED: { label: "Aborted", tone: "amber" },
};

/**
 * The subtree's game days for the weekly review's "successes and failings": those held during the
 * week with each experiment's verdict (a deviation is a failing found before customers found it),
 * and those planned for the week after, so the room knows what is coming. One read on the game
 * days' (team, scheduled at) index.
 */
export async function weekGameDaysBlock({ organizationId, teamIds, window, timeZone }: AgendaSourceContext): Promise<SourceBlock> {
  const rows = await db.gameDay.findMany({
    where: {
      organizationId,
      teamId: { in: [...teamIds] },
      scheduledAt: { gte: window.from, lt: new Date(window.to.getTime() + WEEK_MS) },
      status: { not: "CANCELLED" },
    },
    select: {
      id: true,
      title: true,
      scheduledAt: true,
      environment: true,
      status: true,
      team: { select: { name: true } },
      experiments: { select: { title: true, verdict: true }, orderBy: { position: "asc" } },
    },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: MAX_ENTRIES,
  });
  const label = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const entries = rows.map((row): SourceEntry => {
    const upcoming = row.scheduledAt >= window.to;
    const verdicts = row.experiments.flatMap((experiment) => (experiment.verdict ? [experiment.verdict] : []));
    return {
      id: row.id,
      title: row.title,
      href: `/game-days/${row.id}`,
      meta: `${row.team.name} · ${row.environment} · ${upcoming ? "planned for" : "held"} ${label.format(row.scheduledAt)} · ${row.experiments.length} experiment${
        row.experiments.length === 1 ? "" : "s"
      }`,
      badges: upcoming ? [{ label: "Next week", tone: "neutral" }] : [...new Set(verdicts)].map((verdict) => VERDICT_BADGES[verdict]),
      links: [],
    };
  });
  return { source: "game-days", title: "Game days this week and next", empty: "No game day this week or next.", entries };
}
