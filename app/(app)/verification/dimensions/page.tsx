import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { dimensionSettings, mayConfigureDimensions } from "@/lib/verification/dimension-queries";
import { DimensionSettingsForm, NewDimensionForm } from "./dimension-forms";

export const metadata: Metadata = { title: "Verification dimensions" };

const days = (value: number | null) => (value === null ? "–" : `${value} days`);

/**
 * The organization's verification dimensions: everyone reads what is verified and how often; an
 * admin or a manager of a top-level team adds the organization's own, renames, sets the intervals
 * per tier, archives and restores (the mutations check the same rule again).
 */
export default async function VerificationDimensionsPage() {
  const user = await requirePageUser();
  const [dimensions, canConfigure] = await Promise.all([dimensionSettings(user), mayConfigureDimensions(user)]);
  return (
    <>
      <BackLink href="/verification" label="Verification" />
      <PageHeader
        title="Verification dimensions"
        description="What every service proves, and how long a proof counts. Tier 1 services are re-verified more often; never verified and expired never count as passing."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Dimensions" description="In the order of the grid. The key names the dimension in policy facts and the API; a rename keeps it." />
          <Table caption="Verification dimensions and their intervals">
            <thead className="bg-slate-50">
              <tr>
                <Th>Dimension</Th>
                <Th>Key</Th>
                <Th>Interval</Th>
                <Th>Tier 1</Th>
                <Th>Tier 2</Th>
                <Th>Tier 3</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {dimensions.map((dimension) => (
                <tr key={dimension.id}>
                  <Td className="font-medium">
                    {dimension.name} {dimension.builtIn ? <Badge>built in</Badge> : null} {dimension.archivedAt ? <Badge tone="amber">archived</Badge> : null}
                  </Td>
                  <Td className="font-mono text-xs">{dimension.key}</Td>
                  <Td>{days(dimension.intervalDays)}</Td>
                  <Td>{days(dimension.tier1IntervalDays)}</Td>
                  <Td>{days(dimension.tier2IntervalDays)}</Td>
                  <Td>{days(dimension.tier3IntervalDays)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {canConfigure ? null : (
            <CardBody>
              <p className="text-sm text-slate-700">Only an admin or a manager of a top-level team can add dimensions or change their intervals.</p>
            </CardBody>
          )}
        </Card>
        {canConfigure ? (
          <>
            <Card>
              <CardHeader title="Add a dimension" description="A resilience property your organization verifies beyond the five from the seed." />
              <CardBody>
                <NewDimensionForm />
              </CardBody>
            </Card>
            {dimensions.map((dimension) => (
              <Card key={dimension.id}>
                <CardHeader
                  title={dimension.name}
                  description={dimension.archivedAt ? "Archived: not in the grid; its history is kept." : dimension.description}
                />
                <CardBody>
                  <DimensionSettingsForm
                    dimension={{
                      id: dimension.id,
                      name: dimension.name,
                      description: dimension.description,
                      builtIn: dimension.builtIn,
                      intervalDays: dimension.intervalDays,
                      tier1IntervalDays: dimension.tier1IntervalDays,
                      tier2IntervalDays: dimension.tier2IntervalDays,
                      tier3IntervalDays: dimension.tier3IntervalDays,
                      archived: dimension.archivedAt !== null,
                      version: dimension.version,
                    }}
                  />
                </CardBody>
              </Card>
            ))}
          </>
        ) : null}
      </div>
    </>
  );
}
