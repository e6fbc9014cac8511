import "server-only";
import { db } from "@/lib/db";
import { cordJson, cordSelect } from "@/lib/cords/api-json";
import { CORD_SEVERITY_LABELS } from "@/lib/cords/labels";
import { formatSeconds } from "@/lib/metrics/format";
import type { AgendaSourceContext } from "@/lib/reviews/agenda-sources";
import type { SourceBlock, SourceEntry } from "@/lib/reviews/agenda-types";

const MAX_ENTRIES = 30;

/**
 * The week's Andon cords for the weekly review's "successes and failings": every cord of the
 * subtree that was pulled, resolved or still stopped during the week, oldest first, with who
 * pulled it (thanking them is part of the culture), how long the line stayed stopped and its COE.
 * One read on the cords' (team, pulled at) index.
 */
export async function weekCordsBlock({ organizationId, teamIds, window, timeZone }: AgendaSourceContext): Promise<SourceBlock> {
  const rows = await db.cord.findMany({
    where: {
      organizationId,
      teamId: { in: [...teamIds] },
      pulledAt: { lt: window.to },
      OR: [{ pulledAt: { gte: window.from } }, { resolvedAt: null }, { resolvedAt: { gte: window.from } }],
    },
    select: cordSelect,
    orderBy: [{ pulledAt: "asc" }, { id: "asc" }],
    take: MAX_ENTRIES + 1,
  });
  const label = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  // A cord still open is measured up to the end of the week (or now, mid-week).
  const until = Math.min(Date.now(), window.to.getTime());
  const entries = rows.slice(0, MAX_ENTRIES).map((row): SourceEntry => {
    const cord = cordJson(row);
    const stoppedFor = ((row.resolvedAt?.getTime() ?? until) - row.pulledAt.getTime()) / 1000;
    const plusOnes = cord.plusOnes > 0 ? ` (+${cord.plusOnes})` : "";
    return {
      id: cord.id,
      title: `${cord.service.name}: ${cord.problem}`,
      href: cord.url,
      meta: `Pulled by ${cord.pulledBy?.name ?? "a former user"}${plusOnes} on ${label.format(row.pulledAt)} · ${
        row.resolvedAt ? `line stopped ${formatSeconds(stoppedFor)}` : `still stopped (${formatSeconds(stoppedFor)} so far)`
      }`,
      badges: [
        ...(cord.status === "open" ? [{ label: "Line stopped", tone: "red" as const }] : []),
        ...(cord.severity === "CUSTOMER_DEFECT" ? [{ label: CORD_SEVERITY_LABELS.CUSTOMER_DEFECT, tone: "neutral" as const }] : []),
        ...(cord.coeDue ? [{ label: "COE due", tone: "amber" as const }] : []),
      ],
      links: cord.coeId ? [{ label: row.coe?.status === "DRAFT" ? "COE (draft)" : "COE", href: `/coes/${cord.coeId}` }] : [],
    };
  });
  const more = rows.length > MAX_ENTRIES ? " (the first 30; see Cords for all)" : "";
  return {
    source: "cords",
    title: `Andon cords pulled${more}`,
    empty: "No one stopped the line this week.",
    entries,
  };
}
