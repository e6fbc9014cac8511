import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { listGameDays } from "@/lib/game-days/queries";
import { gameDayListQuerySchema } from "@/lib/game-days/schemas";
import { teamsWith } from "@/lib/permissions";
import { GameDayStatusBadge } from "./verdict-badge";

export const metadata: Metadata = { title: "Game days" };

const TABS = [
  { when: "upcoming", label: "Upcoming" },
  { when: "past", label: "Finished" },
  { when: "all", label: "All" },
] as const;

/** Game days of the teams the caller reads: upcoming soonest first, finished latest first. */
export default async function GameDaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const parsed = gameDayListQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { when: "upcoming" as const, page: 1, teamId: undefined };
  const { gameDays, total, page, pageCount } = await listGameDays(user, query);
  const runnable = teamsWith(user, "verification.record");
  const canPlan = runnable === "all" || runnable.length > 0;
  return (
    <>
      <PageHeader
        title="Game days"
        description="Chaos experiments started simple and local: stop a container, load the health endpoint, burn CPU, add latency, block DNS. A held hypothesis verifies the service."
        actions={canPlan ? <ButtonLink href="/game-days/new">Plan a game day</ButtonLink> : null}
      />
      <nav aria-label="Which game days" className="mb-4 flex gap-2">
        {TABS.map((tab) => (
          <Link
            key={tab.when}
            href={`/game-days?when=${tab.when}`}
            aria-current={query.when === tab.when ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${query.when === tab.when ? "bg-indigo-600 text-white" : "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {gameDays.length === 0 ? (
        <EmptyState
          title={query.when === "upcoming" ? "No game day planned" : "No game days yet"}
          action={canPlan ? <ButtonLink href="/game-days/new">Plan a game day</ButtonLink> : undefined}
        >
          Pick a service, a template (add network latency is a good first one) and an hour with the team.
        </EmptyState>
      ) : (
        <Card>
          <Table caption="Game days">
            <thead className="bg-slate-50">
              <tr>
                <Th>Game day</Th>
                <Th>When</Th>
                <Th>Team</Th>
                <Th>Environment</Th>
                <Th>Experiments</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {gameDays.map((gameDay) => (
                <tr key={gameDay.id}>
                  <Td>
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/game-days/${gameDay.id}`}>
                      {gameDay.title}
                    </Link>
                    {gameDay.facilitator ? <p className="text-xs text-slate-600">Facilitated by {gameDay.facilitator.name}</p> : null}
                  </Td>
                  <Td>
                    <DateTime value={gameDay.scheduledAt} />
                  </Td>
                  <Td>{gameDay.team.name}</Td>
                  <Td>{gameDay.environment}</Td>
                  <Td>
                    {gameDay._count.experiments} ({gameDay._count.runs} runs)
                  </Td>
                  <Td>
                    <GameDayStatusBadge status={gameDay.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={page} pageCount={pageCount} total={total} noun="game day" hrefFor={(next) => `/game-days?when=${query.when}&page=${next}`} />
        </Card>
      )}
    </>
  );
}
