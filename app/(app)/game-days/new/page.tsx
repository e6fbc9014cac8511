import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { teamsWith } from "@/lib/permissions";
import { planningChoices } from "@/lib/game-days/queries";
import { NewGameDayForm } from "./new-game-day-form";
import { searchParam, type RawSearchParams } from "@/lib/validation/search-params";

export const metadata: Metadata = { title: "Plan a game day" };

/** Plans a game day with its first experiment; `?coeId=` prefills it from a COE ("Reproduce this COE"). */
export default async function NewGameDayPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser();
  const runnable = teamsWith(user, "verification.record");
  if (runnable !== "all" && runnable.length === 0) redirect("/forbidden");
  const coeId = searchParam(await searchParams, "coeId", 64);
  const { teams, services, dimensions, prefill } = await planningChoices(user, coeId);
  return (
    <>
      <BackLink href="/game-days" label="Game days" />
      <PageHeader
        title={prefill ? `Reproduce “${prefill.coeTitle}”` : "Plan a game day"}
        description="Start simple and local: one service, one template, a health check as the steady state, and a rollback ready before you begin."
      />
      <Card>
        <CardBody>
          <NewGameDayForm teams={teams} services={services} dimensions={dimensions} prefill={prefill} />
        </CardBody>
      </Card>
    </>
  );
}
