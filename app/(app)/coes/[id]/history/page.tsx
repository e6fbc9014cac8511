import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionStepList } from "./revision-step-list";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { coeToMarkdown } from "@/lib/coes/export-markdown";
import { getCoeForView, getRevisionSnapshots, listRevisionSteps } from "@/lib/coes/queries";
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
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const requested = (value: string | string[] | undefined) => {
    const parsed = Number(first(value));
    return Number.isInteger(parsed) && parsed >= 0 ? parsed : undefined;
  };
  const requestedPage = requested(query.page);
  const [coe, history] = await Promise.all([
    getCoeForView(user, id),
    listRevisionSteps(user, id, { page: requestedPage || undefined, containing: requested(query.to) }),
  ]);
  if (!coe || !history) notFound();
  const latest = history.latestVersion || coe.version;
  const inRange = (value: number | undefined, min: number) => (value !== undefined && value >= min && value <= latest ? value : undefined);
  // Without a choice, the newest step's changes; version 0 is the empty document before the COE was created.
  const to = inRange(requested(query.to), 1) ?? latest;
  const from = inRange(requested(query.from), 0) ?? (query.to === undefined ? history.newestStepBase : to - 1);
  const snapshots = await getRevisionSnapshots(user, coe.id, [from, to]);
  const before = from === 0 ? null : snapshots?.get(from);
  const after = snapshots?.get(to);
  const beforeText = before ? coeToMarkdown(before) : "";
  const afterText = after ? coeToMarkdown(after) : "";
  // null: too different to diff line by line within the bound; both versions are shown whole instead.
  const bounded = after && before !== undefined ? boundedLineDiff(beforeText, afterText) : [];
  const diff = bounded ?? [];
  const changed = diff.filter((row) => row.kind !== "same").length;
  const sideBySide = query.view === "split";
  const versionName = (version: number) => (version === 0 ? "the empty COE" : `version ${version}`);
  const versionTitle = (version: number) => (version === 0 ? "The empty COE" : `Version ${version}`);
  const historyHref = (comparison: { from: number; to: number }, options: { split?: boolean; page?: number } = {}) =>
    `/coes/${coe.id}/history?from=${comparison.from}&to=${comparison.to}${options.page ? `&page=${options.page}` : ""}${(options.split ?? sideBySide) ? "&view=split" : ""}`;
  const viewHref = (split: boolean) => historyHref({ from, to }, { split, page: requestedPage });

  return (
    <>
      <PageHeader
        title={`History: ${coe.snapshot.title}`}
        description="Every save is kept as a revision. Compare any two; restoring an old one saves it again as the newest revision, so nothing is lost."
        actions={
          <ButtonLink href={`/coes/${coe.id}`} variant="secondary">
            Back to the COE
          </ButtonLink>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[24rem_minmax(0,1fr)]">
        <Card>
          <CardHeader
            title="Revisions"
            description="One step per person per sitting: saves less than 10 minutes apart by the same author. Open a step for its single saves."
          />
          <RevisionStepList
            steps={history.steps}
            current={{ from, to }}
            latestVersion={latest}
            // On a phone the list sits above the changes: a picked step jumps down to them.
            hrefFor={(comparison) => `${historyHref(comparison, { page: history.page })}#changes`}
            restore={coe.permissions.edit ? { coeId: coe.id, baseVersion: coe.version } : null}
          />
          {history.pageCount > 1 ? (
            <Pagination
              page={history.page}
              pageCount={history.pageCount}
              total={history.stepCount}
              noun="step"
              hrefFor={(page) => historyHref({ from, to }, { page })}
            />
          ) : null}
          <form method="get" className="flex flex-wrap items-end gap-2 border-t border-slate-200 px-4 py-3 text-sm">
            {sideBySide ? <input type="hidden" name="view" value="split" /> : null}
            <label className="flex flex-col gap-1">
              <span className="text-xs font-medium text-slate-600">From version</span>
              <input type="number" name="from" min={0} max={latest} defaultValue={from} className="w-24 rounded-md border-slate-300 text-sm" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-xs font-medium text-slate-600">To version</span>
              <input type="number" name="to" min={1} max={latest} defaultValue={to} className="w-24 rounded-md border-slate-300 text-sm" />
            </label>
            <Button type="submit" variant="secondary">
              Compare
            </Button>
          </form>
        </Card>
        <div id="changes" className="min-w-0 scroll-mt-4">
          <Card>
            <CardHeader
              title={`${versionTitle(from)} → ${versionName(to)}`}
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
                <div className="grid gap-4 md:grid-cols-2" aria-label={`${versionTitle(from)} and ${versionName(to)} in full`}>
                  {[
                    { version: from, text: beforeText },
                    { version: to, text: afterText },
                  ].map(({ version, text }) => (
                    <div key={version} className="min-w-0">
                      <h3 className="pb-2 text-xs font-medium text-slate-600">{versionTitle(version)}</h3>
                      <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs leading-5 text-slate-800">
                        {text}
                      </pre>
                    </div>
                  ))}
                </div>
              ) : sideBySide ? (
                <table className="w-full table-fixed text-xs leading-5" aria-label={`${versionTitle(from)} and ${versionName(to)} side by side`}>
                  <thead>
                    <tr className="text-left text-slate-500">
                      <th className="w-1/2 pb-2 font-medium">{versionTitle(from)}</th>
                      <th className="w-1/2 pb-2 font-medium">{versionTitle(to)}</th>
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
                <pre
                  className="overflow-x-auto whitespace-pre-wrap text-xs leading-5"
                  aria-label={`Differences between ${versionName(from)} and ${versionName(to)}`}
                >
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
