import "server-only";
import { db } from "@/lib/db";
import type { ExperimentVerdict, GameDayStatus } from "@/lib/generated/prisma/client";
import type { AgendaSourceContext } from "@/lib/reviews/agenda-sources";
import type { SourceBadge, SourceBlock, SourceEntry } from "@/lib/reviews/agenda-types";

const MAX_ENTRIES = 20;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const VERDICT_BADGES: Record<ExperimentVerdict, SourceBadge> = {
  HELD: { label: "Hypothesis held", tone: "green" },
  DEVIATED: { label: "Deviated", tone: "red" },
  ABORTED: { label: "Aborted", tone: "amber" },
};

type GameDayRow = { scheduledAt: Date; durationMinutes: number; status: GameDayStatus; experiments: { verdict: ExperimentVerdict | null }[] };

/**
 * What the room is told about a game day: only a finished one was held (with its verdicts); one
 * still planned after its slot has passed was not held, which the review should hear about.
 */
function whatHappened(row: GameDayRow, weekEnd: Date, now: number): { when: string; badges: SourceBadge[] } {
  const verdicts = [...new Set(row.experiments.flatMap((experiment) => (experiment.verdict ? [experiment.verdict] : [])))].map(
    (verdict) => VERDICT_BADGES[verdict],
  );
  if (row.status === "FINISHED") return { when: "held", badges: verdicts };
  if (row.status === "RUNNING") return { when: "under way, scheduled", badges: [{ label: "Under way", tone: "amber" }, ...verdicts] };
  if (row.scheduledAt >= weekEnd) return { when: "planned for", badges: [{ label: "Next week", tone: "neutral" }] };
  const slotOver = row.scheduledAt.getTime() + row.durationMinutes * 60_000 <= now;
  return { when: "planned for", badges: [slotOver ? { label: "Not held", tone: "amber" } : { label: "Planned", tone: "neutral" }] };
}

/**
 * The subtree's game days for the weekly review's "successes and failings": those of the week (held,
 * with each experiment's verdict, a deviation being a failing found before customers found it; under
 * way; or not held), and those planned for the week after, so the room knows what is coming. One read
 * on the game days' (team, scheduled at) index.
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
      durationMinutes: true,
      environment: true,
      status: true,
      team: { select: { name: true } },
      experiments: { select: { title: true, verdict: true }, orderBy: { position: "asc" } },
    },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: MAX_ENTRIES,
  });
  const label = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const now = Date.now();
  const entries = rows.map((row): SourceEntry => {
    const { when, badges } = whatHappened(row, window.to, now);
    return {
      id: row.id,
      title: row.title,
      href: `/game-days/${row.id}`,
      meta: `${row.team.name} · ${row.environment} · ${when} ${label.format(row.scheduledAt)} · ${row.experiments.length} experiment${
        row.experiments.length === 1 ? "" : "s"
      }`,
      badges,
      links: [],
    };
  });
  return { source: "game-days", title: "Game days this week and next", empty: "No game day this week or next.", entries };
}
