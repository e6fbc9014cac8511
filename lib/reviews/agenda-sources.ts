import "server-only";
import { weekCordsBlock } from "@/lib/cords/agenda-source";
import { weekGameDaysBlock } from "@/lib/game-days/agenda-source";
import type { AgendaSection, SourceBlock } from "@/lib/reviews/agenda-types";
import type { WeekWindow } from "@/lib/reviews/iso-week";

/** What a provider is asked for: one week of one team's subtree, and the series' time zone for labels. */
export type AgendaSourceContext = { organizationId: string; teamIds: readonly string[]; window: WeekWindow; timeZone: string };

/** One data source of the agenda: which section's item shows its block, and the one read that builds it. */
export type AgendaSourceProvider = { source: string; section: AgendaSection; load: (context: AgendaSourceContext) => Promise<SourceBlock> };

/**
 * The agenda's providers from other domains. Each is one function in its own domain's folder
 * returning a SourceBlock; to bring in another, write its the same way and add a line here. The
 * agenda renders, exports and serves every block alike. (Policy findings are read in the agenda's
 * one statement instead, agenda-reads.ts, and shaped by lib/policies/agenda-source.ts.)
 */
const AGENDA_SOURCES: readonly AgendaSourceProvider[] = [
  { source: "cords", section: "successes", load: weekCordsBlock },
  { source: "game-days", section: "successes", load: weekGameDaysBlock },
];

/** Runs the providers side by side and groups their blocks by section, in the order listed. */
export async function loadSourceBlocks(
  context: AgendaSourceContext,
  providers: readonly AgendaSourceProvider[] = AGENDA_SOURCES,
): Promise<Partial<Record<AgendaSection, SourceBlock[]>>> {
  const blocks = await Promise.all(providers.map((provider) => provider.load(context)));
  const bySection: Partial<Record<AgendaSection, SourceBlock[]>> = {};
  providers.forEach((provider, index) => {
    (bySection[provider.section] ??= []).push(blocks[index]!);
  });
  return bySection;
}
