import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { teamOptions } from "../../team-options";
import { ServiceForm } from "../service-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAdmin } from "@/lib/auth/session";
import { findService, listTeams } from "@/lib/org/queries";

export const metadata: Metadata = { title: "Edit service" };

export default async function ServicePage({ params }: { params: Promise<{ serviceId: string }> }) {
  const user = await requirePageAdmin();
  const { serviceId } = await params;
  const service = await findService(user, serviceId);
  if (!service) notFound();
  const teams = await listTeams(user);
  const owner = teams.find((team) => team.id === service.teamId);
  return (
    <>
      <BackLink href="/settings/services" label="All services" />
      <PageHeader title={service.name} description={owner ? `Owned by ${owner.name}.` : undefined} />
      <Card className="max-w-2xl">
        <CardHeader title="Edit service" description="Rename it, describe it, or move it to another owning team." />
        <CardBody>
          <ServiceForm service={service} teamOptions={teamOptions(teams)} />
        </CardBody>
      </Card>
    </>
  );
}
