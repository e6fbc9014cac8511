import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { CatalogImportForm } from "./catalog-import-form";

export const metadata: Metadata = { title: "Import the service catalog" };

/** Admins import Backstage catalog-info.yaml files: preview the changes, then apply them. */
export default async function CatalogImportPage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) redirect("/forbidden");
  return (
    <>
      <PageHeader
        title="Import the service catalog"
        description="Backstage catalog-info.yaml: Group entities become teams (spec.parent places them), Component entities services (spec.owner names their team), matched by name. Lifecycle, type and annotations become catalog.* facts."
      />
      <p className="mb-4 text-sm">
        <Link className="text-indigo-700 underline" href="/policies">
          ← Compliance
        </Link>
      </p>
      <Card>
        <CardBody>
          <CatalogImportForm />
        </CardBody>
      </Card>
    </>
  );
}
