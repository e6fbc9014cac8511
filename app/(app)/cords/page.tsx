import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/cords/local-time";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { CORD_SEVERITY_LABELS } from "@/lib/cords/labels";
import { listCordsPage } from "@/lib/cords/queries";

export const metadata: Metadata = { title: "Andon cords" };

const STATUSES = [
  { value: undefined, label: "All" },
  { value: "open", label: "Line stopped" },
  { value: "resolved", label: "Resolved" },
] as const;

export default async function CordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Cords are readable by everyone in the organization (lib/cords/queries.ts).
  const user = await requirePageUser();
  const params = await searchParams;
  const status = params.status === "open" || params.status === "resolved" ? params.status : undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof params.page === "string" ? params.page : "1", 10) || 1));
  const { rows, total, pageCount } = await listCordsPage(user, { status }, page);
  const hrefFor = (next: number, nextStatus = status) => `/cords?${new URLSearchParams({ ...(nextStatus ? { status: nextStatus } : {}), page: String(next) })}`;
  return (
    <>
      <PageHeader
        title="Andon cords"
        description="Every stop of the line in the organization, newest first. Thank the people who pulled them."
        actions={
          <ButtonLink href="/freeze-windows" variant="secondary">
            Freeze windows
          </ButtonLink>
        }
      />
      <nav aria-label="Cord status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {STATUSES.map((option) => (
          <Link
            key={option.label}
            href={hrefFor(1, option.value)}
            aria-current={status === option.value ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ring-1 ring-inset ring-slate-300 ${status === option.value ? "bg-slate-900 text-white" : "bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {option.label}
          </Link>
        ))}
      </nav>
      <Card>
        {rows.length === 0 ? (
          <TableEmpty>
            {status === "open" ? "No line is stopped right now." : "No cords yet. Anyone can pull one from a service page when something is wrong."}
          </TableEmpty>
        ) : (
          <Table caption="Andon cords">
            <TableHead columns={["Service", "What is wrong", "Pulled", "Status"]} />
            <TableBody>
              {rows.map((cord) => (
                <tr key={cord.id}>
                  <Td className="whitespace-nowrap font-mono">
                    <Link href={`/services/${cord.service.id}`} className="hover:text-indigo-700 hover:underline">
                      {cord.service.name}
                    </Link>
                  </Td>
                  <Td>
                    <Link href={cord.url} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                      {cord.problem}
                    </Link>
                    <p className="text-xs text-slate-600">{CORD_SEVERITY_LABELS[cord.severity]}</p>
                  </Td>
                  <Td className="whitespace-nowrap text-slate-700">
                    {cord.pulledBy?.name ?? "a former user"}
                    <br />
                    <LocalTime value={cord.pulledAt} className="text-xs" />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {cord.status === "open" ? <Badge tone="red">Line stopped</Badge> : <Badge tone="green">Resolved</Badge>}
                    {cord.coeDue ? (
                      <Badge tone="amber" className="ml-1">
                        COE due
                      </Badge>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
        {total > 0 ? <Pagination page={page} pageCount={pageCount} total={total} noun="cord" hrefFor={(next) => hrefFor(next)} /> : null}
      </Card>
    </>
  );
}
