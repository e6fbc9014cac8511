"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runAction } from "@/components/ui/run-action";
import { StatusBadge } from "@/components/coes/coe-badges";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/form-field";
import { transitionCoeAction } from "@/lib/coes/actions";
import type { MissingItem } from "@/lib/coes/completeness";
import { type CoeStatus } from "@/lib/generated/prisma/enums";
import type { Transition } from "@/lib/coes/schemas";

/** Where the COE is in its lifecycle and the moves the reader may make. */
export function CoeReviewPanel({
  coeId,
  version,
  status,
  transitions,
  missing,
  isAuthor,
  changesRequested,
  openThreadCount,
}: {
  coeId: string;
  version: number;
  status: CoeStatus;
  transitions: { transition: Transition; label: string }[];
  missing: MissingItem[];
  isAuthor: boolean;
  /** A draft a reviewer sent back: the reviewer's note (its own state, not plain "draft"). */
  changesRequested: string | null;
  openThreadCount: number;
}) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const canReview = transitions.some((t) => t.transition === "approve");
  const [submitted, setSubmitted] = useState(false);
  // A reviewer never sees the authors' moves on a COE in review (withdrawing is the authors' call).
  const shown = transitions.filter(({ transition }) => !(transition === "withdraw" && !isAuthor));

  function run(transition: Transition) {
    startTransition(async () => {
      const result = await runAction(() => transitionCoeAction({ coeId, baseVersion: version, transition, note }));
      if (!result.ok) {
        setError(
          result.status === 409
            ? "This COE changed since you opened it. Reload the page to see the latest version."
            : (result.fieldErrors.note?.join(" ") ?? result.error),
        );
        return;
      }
      setNote("");
      setError(null);
      setSubmitted(transition === "submit");
      router.refresh();
    });
  }

  return (
    // Notifications about the review (changes requested) link to /coes/{id}#review.
    <Card id="review">
      <CardBody className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold text-slate-900">Review</h2>
          {changesRequested !== null ? (
            <span className="inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200">
              Changes requested
            </span>
          ) : (
            <StatusBadge status={status} />
          )}
        </div>
        {changesRequested !== null ? (
          <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            <p className="font-medium">
              A reviewer asked for changes{openThreadCount > 0 ? ` (${openThreadCount} open thread${openThreadCount === 1 ? "" : "s"} below)` : ""}.
            </p>
            {changesRequested ? <p className="mt-1 whitespace-pre-wrap">{changesRequested}</p> : null}
          </div>
        ) : null}
        {submitted && status === "IN_REVIEW" ? (
          <Alert tone="info">Submitted. The reviewers and managers of the owning team and the teams above it can review it; they were notified in Andon.</Alert>
        ) : null}
        {status === "DRAFT" && missing.length > 0 ? (
          <div className="text-sm">
            <p className="font-medium text-slate-800">Before review, this COE still needs:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700" aria-label="Missing for review">
              {missing.map((item) => (
                <li key={item.message}>
                  <Link href={`#${item.section}`} className="hover:underline">
                    {item.message}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {status === "IN_REVIEW" && isAuthor ? <p className="text-sm text-slate-600">Waiting for a reviewer who is not an author.</p> : null}
        {status === "APPROVED" ? (
          <p className="text-sm text-slate-600">Published to the organization. It closes when every corrective action is done.</p>
        ) : null}
        {canReview ? (
          <div>
            <label htmlFor="review-note" className="block text-xs font-medium text-slate-700">
              Note to the authors (needed to request changes)
            </label>
            <textarea id="review-note" rows={3} className={`${inputClasses} mt-1`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} />
          </div>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          {shown.map(({ transition, label }) => (
            <Button
              key={transition}
              size="sm"
              variant={transition === "approve" || transition === "submit" ? "primary" : "secondary"}
              onClick={() => run(transition)}
              pending={pending}
              // Submitting an incomplete draft is not an error to show later: the checklist above says what is missing.
              disabled={transition === "submit" && missing.length > 0}
              title={transition === "submit" && missing.length > 0 ? "Complete the items listed above first" : undefined}
            >
              {label}
            </Button>
          ))}
        </div>
      </CardBody>
    </Card>
  );
}
