import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreButton } from "./restore-button";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { coeToMarkdown } from "@/lib/coes/export-markdown";
import { getCoeForView, getRevisionSnapshots, listRevisions } from "@/lib/coes/queries";
import { boundedLineDiff, splitDiff, type DiffRow } from "@/lib/coes/revision-diff";

export const metadata: Metadata = { title: "COE history" };

export default async function CoeHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  const query = await searchParams;
  const [coe, revisions] = await Promise.all([getCoeForView(user, id), listRevisions(user, id)]);
  if (!coe || !revisions) notFound();
  const latest = revisions[0]?.version ?? coe.version;
  const number = (value: string | string[] | undefined, fallback: number) => {
    const parsed = Number(Array.isArray(value) ? value[0] : value);
    return Number.isInteger(parsed) && parsed >= 1 && parsed <= latest ? parsed : fallback;
  };
  const to = number(query.to, latest);
  const from = number(query.from, Math.max(1, to - 1));
  const snapshots = await getRevisionSnapshots(user, coe.id, [from, to]);
  const before = snapshots?.get(from);
  const after = snapshots?.get(to);
  const beforeText = before ? coeToMarkdown(before) : "";
  const afterText = after ? coeToMarkdown(after) : "";
  // null: too different to diff line by line within the bound; both versions are shown whole instead.
  const bounded = before && after ? boundedLineDiff(beforeText, afterText) : [];
  const diff = bounded ?? [];
  const changed = diff.filter((row) => row.kind !== "same").length;
  const sideBySide = query.view === "split";
  const viewHref = (split: boolean) => `/coes/${coe.id}/history?from=${from}&to=${to}${split ? "&view=split" : ""}`;

  return (
    <>
      <PageHeader
        title={`History: ${coe.snapshot.title}`}
        description="Every save is a revision. Compare any two; restoring an old one saves it again as the newest revision, so nothing is lost."
        actions={
          <ButtonLink href={`/coes/${coe.id}`} variant="secondary">
            Back to the COE
          </ButtonLink>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[24rem_minmax(0,1fr)]">
        <Card>
          <CardHeader title="Revisions" description="Pick two to compare." />
          <form method="get">
            {sideBySide ? <input type="hidden" name="view" value="split" /> : null}
            <Table caption="Revisions">
              <thead className="bg-slate-50">
                <tr>
                  <Th>From</Th>
                  <Th>To</Th>
                  <Th>Version</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {revisions.map((revision) => (
                  <tr key={revision.version}>
                    <Td>
                      <input
                        type="radio"
                        name="from"
                        value={revision.version}
                        defaultChecked={revision.version === from}
                        aria-label={`Compare from version ${revision.version}`}
                      />
                    </Td>
                    <Td>
                      <input
                        type="radio"
                        name="to"
                        value={revision.version}
                        defaultChecked={revision.version === to}
                        aria-label={`Compare to version ${revision.version}`}
                      />
                    </Td>
                    <Td>
                      <p className="font-medium">
                        v{revision.version} · {revision.summary}
                      </p>
                      <p className="text-xs text-slate-500">
                        {revision.author?.name ?? "Former user"} · <DateTime value={revision.createdAt} />
                      </p>
                      {coe.permissions.edit && revision.version !== latest ? (
                        <RestoreButton coeId={coe.id} baseVersion={coe.version} version={revision.version} />
                      ) : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-200 px-4 py-3">
              <Button type="submit" variant="secondary">
                Compare
              </Button>
            </div>
          </form>
        </Card>
        <Card>
          <CardHeader
            title={`Version ${from} → version ${to}`}
            description={
              bounded === null
                ? "These versions are too different to diff line by line; both are shown in full, side by side."
                : changed === 0
                  ? "No differences in the document."
                  : `${changed} changed line${changed === 1 ? "" : "s"}.`
            }
            actions={
              <div className="flex gap-1" role="group" aria-label="Diff layout">
                <ButtonLink href={viewHref(false)} size="sm" variant={sideBySide ? "ghost" : "secondary"} aria-current={!sideBySide ? "page" : undefined}>
                  Inline
                </ButtonLink>
                <ButtonLink href={viewHref(true)} size="sm" variant={sideBySide ? "secondary" : "ghost"} aria-current={sideBySide ? "page" : undefined}>
                  Side by side
                </ButtonLink>
              </div>
            }
          />
          <CardBody>
            {bounded === null ? (
              <div className="grid gap-4 md:grid-cols-2" aria-label={`Version ${from} and version ${to} in full`}>
                {[
                  { version: from, text: beforeText },
                  { version: to, text: afterText },
                ].map(({ version, text }) => (
                  <div key={version} className="min-w-0">
                    <h3 className="pb-2 text-xs font-medium text-slate-600">Version {version}</h3>
                    <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs leading-5 text-slate-800">
                      {text}
                    </pre>
                  </div>
                ))}
              </div>
            ) : sideBySide ? (
              <table className="w-full table-fixed text-xs leading-5" aria-label={`Version ${from} and version ${to} side by side`}>
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="w-1/2 pb-2 font-medium">Version {from}</th>
                    <th className="w-1/2 pb-2 font-medium">Version {to}</th>
                  </tr>
                </thead>
                <tbody className="font-mono">
                  {splitDiff(diff).map((pair, index) => (
                    <tr key={index}>
                      <DiffCell row={pair.left} />
                      <DiffCell row={pair.right} />
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <pre className="overflow-x-auto whitespace-pre-wrap text-xs leading-5" aria-label={`Differences between version ${from} and version ${to}`}>
                {diff.map((row, index) => (
                  <div
                    key={index}
                    className={
                      row.kind === "added"
                        ? "bg-emerald-50 text-emerald-900"
                        : row.kind === "removed"
                          ? "bg-red-50 text-red-900 line-through decoration-red-300"
                          : "text-slate-600"
                    }
                  >
                    <span aria-hidden className="select-none">
                      {row.kind === "added" ? "+ " : row.kind === "removed" ? "− " : "  "}
                    </span>
                    {row.kind === "added" ? <ins className="no-underline">{row.text}</ins> : row.kind === "removed" ? <del>{row.text}</del> : row.text}
                  </div>
                ))}
              </pre>
            )}
            <p className="mt-4 text-xs text-slate-500">
              Or{" "}
              <Link className="text-indigo-700 hover:underline" href={`/coes/${coe.id}/export`} prefetch={false}>
                download the current version as Markdown
              </Link>
              .
            </p>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function DiffCell({ row }: { row: DiffRow | null }) {
  if (!row) return <td className="bg-slate-50 align-top" />;
  const tone = row.kind === "added" ? "bg-emerald-50 text-emerald-900" : row.kind === "removed" ? "bg-red-50 text-red-900" : "text-slate-600";
  // A non-breaking space keeps blank lines as tall as the others, so the two columns stay aligned.
  const text = row.text || "\u00a0";
  return (
    <td className={`whitespace-pre-wrap break-words px-2 align-top ${tone}`}>
      {row.kind === "added" ? <ins className="no-underline">{text}</ins> : row.kind === "removed" ? <del className="no-underline">{text}</del> : text}
    </td>
  );
}
