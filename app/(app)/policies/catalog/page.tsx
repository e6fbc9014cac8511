import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { CatalogImportForm } from "./catalog-import-form";
import { LibraryRulesButton } from "./library-rules-button";

export const metadata: Metadata = { title: "Import the service catalog" };

/**
 * Admins import Backstage catalog-info.yaml files (preview the changes, then apply them), and give an
 * organization set up before the rule library existed the library rules it lacks.
 */
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
      <Card className="mt-6">
        <CardHeader
          title="Built-in rule library"
          description="New organizations start with the library's rules, disabled. Organizations set up earlier can add the ones they lack here; rules already present, edited or not, stay as they are."
        />
        <CardBody>
          <LibraryRulesButton />
        </CardBody>
      </Card>
    </>
  );
}
