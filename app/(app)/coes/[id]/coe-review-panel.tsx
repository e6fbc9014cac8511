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
import type { CoeStatus } from "@/lib/coes/questions";
import type { Transition } from "@/lib/coes/schemas";

/** Where the COE is in its lifecycle and the moves the reader may make. */
export function CoeReviewPanel({
  coeId,
  version,
  status,
  transitions,
  missing,
  isAuthor,
}: {
  coeId: string;
  version: number;
  status: CoeStatus;
  transitions: { transition: Transition; label: string }[];
  missing: MissingItem[];
  isAuthor: boolean;
}) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const canReview = transitions.some((t) => t.transition === "approve");

  function run(transition: Transition) {
    startTransition(async () => {
      const result = await runAction(() => transitionCoeAction({ coeId, baseVersion: version, transition, note }));
      if (!result.ok) {
        setError(result.status === 409 ? "This COE changed since you opened it. Reload the page to see the latest version." : (result.fieldErrors.note?.join(" ") ?? result.error));
        return;
      }
      setNote("");
      setError(null);
      router.refresh();
    });
  }

  return (
    <Card>
      <CardBody className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold text-slate-900">Review</h2>
          <StatusBadge status={status} />
        </div>
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
        {status === "APPROVED" ? <p className="text-sm text-slate-600">Published to the organization. It closes when every corrective action is done.</p> : null}
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
          {transitions.map(({ transition, label }) => (
            <Button
              key={transition}
              size="sm"
              variant={transition === "approve" || transition === "submit" ? "primary" : "secondary"}
              onClick={() => run(transition)}
              pending={pending}
            >
              {label}
            </Button>
          ))}
        </div>
      </CardBody>
    </Card>
  );
}
