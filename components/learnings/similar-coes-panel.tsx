"use client";

import Link from "next/link";
import { useCallback, useEffect, useState, useTransition } from "react";
import { ActionStatusList } from "@/components/learnings/action-status-list";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { runAction } from "@/components/ui/run-action";
import { relateCoesAction } from "@/lib/learnings/actions";

type Similar = {
  id: string;
  title: string;
  status: string;
  teamName: string;
  score: number;
  textScore: number;
  sharedServices: string[];
  sharedCategories: string[];
  related: boolean;
  lessons: { id: string; statement: string }[];
  actions: { id: string; title: string; status: string; verifiedAt: string | null }[];
};

async function fetchSimilar(coeId: string): Promise<Similar[] | null> {
  try {
    const response = await fetch(`/api/v1/coes/${encodeURIComponent(coeId)}/similar`, { headers: { accept: "application/json" }, cache: "no-store" });
    if (!response.ok) return null;
    return ((await response.json()) as { data: Similar[] }).data;
  } catch {
    return null;
  }
}

/**
 * "Similar past COEs" while writing one: asked again whenever the author refreshes (the editor
 * saves as they type, so the suggestions follow the title, services and factors saved so far).
 */
export function SimilarCoesPanel({ coeId, canLink }: { coeId: string; canLink: boolean }) {
  const [similar, setSimilar] = useState<Similar[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const apply = useCallback((result: Similar[] | null) => {
    if (result) {
      setSimilar(result);
      setError(null);
    } else setError("Similar COEs could not be loaded. Try Refresh.");
  }, []);

  useEffect(() => {
    let current = true;
    void fetchSimilar(coeId).then((result) => {
      if (current) apply(result);
    });
    return () => {
      current = false;
    };
  }, [coeId, apply]);

  const load = () => void fetchSimilar(coeId).then(apply);

  function link(relatedCoeId: string) {
    startTransition(async () => {
      const result = await runAction(() => relateCoesAction({ coeId, relatedCoeId }));
      if (!result.ok) setError(result.error);
      else setSimilar((current) => current?.map((entry) => (entry.id === relatedCoeId ? { ...entry, related: true } : entry)) ?? null);
    });
  }

  return (
    <Card>
      <CardBody>
        <section aria-labelledby="similar-coes-heading" className="space-y-3">
          <div className="flex items-center justify-between gap-2">
            <h2 id="similar-coes-heading" className="text-sm font-semibold text-slate-900">
              Similar past COEs
            </h2>
            <Button size="sm" variant="ghost" onClick={load}>
              Refresh
            </Button>
          </div>
          <p className="text-xs text-slate-600">
            Same services, same contributing-factor categories and similar words in the title, what happened and the factors.
          </p>
          {error ? <Alert tone="error">{error}</Alert> : null}
          {similar === null && !error ? <p className="text-xs text-slate-600">Looking for similar COEs…</p> : null}
          {similar?.length === 0 ? <p className="text-xs text-slate-600">No similar COE yet. Add services and contributing factors, then Refresh.</p> : null}
          <ul className="space-y-4">
            {similar?.map((entry) => (
              <li key={entry.id} className="rounded-md border border-slate-200 p-3" aria-label={`Similar COE: ${entry.title}`}>
                <Link href={`/coes/${entry.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
                  {entry.title}
                </Link>
                <p className="text-xs text-slate-600">{entry.teamName}</p>
                <div className="mt-2 flex flex-wrap gap-1">
                  {entry.sharedServices.map((name) => (
                    <Badge key={`s-${name}`} tone="indigo">
                      Same service: {name}
                    </Badge>
                  ))}
                  {entry.sharedCategories.map((name) => (
                    <Badge key={`c-${name}`} tone="amber">
                      Same cause: {name}
                    </Badge>
                  ))}
                  {entry.textScore > 0 ? <Badge>Similar wording {Math.round(entry.textScore * 100)}%</Badge> : null}
                </div>
                {entry.lessons.length > 0 ? (
                  <div className="mt-2">
                    <p className="text-xs font-medium text-slate-800">Lessons</p>
                    <ul className="ml-4 list-disc text-xs text-slate-700">
                      {entry.lessons.slice(0, 3).map((lesson) => (
                        <li key={lesson.id}>{lesson.statement}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <div className="mt-2">
                  <p className="text-xs font-medium text-slate-800">Corrective actions</p>
                  <ActionStatusList actions={entry.actions} />
                </div>
                {canLink ? (
                  <div className="mt-2">
                    {entry.related ? (
                      <Badge tone="green">Linked as related</Badge>
                    ) : (
                      <Button size="sm" variant="secondary" pending={pending} onClick={() => link(entry.id)}>
                        Link as related
                      </Button>
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </CardBody>
    </Card>
  );
}
