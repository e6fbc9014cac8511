import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { findServiceForPage } from "@/lib/services/queries";
import { CordSection } from "./cord-section";
import { ServiceHeader } from "./service-header";
import { ServiceIncidentsSection } from "./incidents-section";
import { VerificationSection } from "./verification-section";
import { PolicySection } from "./policy-section";

export const metadata: Metadata = { title: "Service" };

/**
 * One service: who owns it, whether its line is stopped, its COEs and open actions. Each feature
 * draws its own section (a server component taking `{ user, service }` in this folder): add one
 * line to the list below.
 */
export default async function ServicePage({ params }: { params: Promise<{ serviceId: string }> }) {
  const user = await requirePageUser();
  const { serviceId } = await params;
  // Every signed-in member of the organization may read a service (and pull its cord); the
  // sections scope their own data to what the reader may see.
  const service = await findServiceForPage(user, serviceId);
  if (!service) notFound();
  return (
    <>
      <ServiceHeader service={service} />
      <div className="space-y-6">
        <CordSection user={user} service={service} />
        <ServiceIncidentsSection user={user} service={service} />
        <VerificationSection user={user} service={service} />
        <PolicySection user={user} service={service} />
      </div>
    </>
  );
}
