"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { runAction } from "@/components/ui/run-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format-date";
import { replyToThreadAction, resolveThreadAction, startReviewThreadAction } from "@/lib/coes/actions";
import { sectionLabel, type SectionKey } from "@/lib/coes/questions";

export type ThreadView = {
  id: string;
  section: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  comments: { id: string; body: string; createdAt: string; author: string }[];
};

/** Review comments on one section: open threads first, resolved ones folded away. */
export function ReviewThreads({ coeId, section, threads, canComment }: { coeId: string; section: string; threads: ThreadView[]; canComment: boolean }) {
  const router = useRouter();
  const [composing, setComposing] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const open = threads.filter((thread) => !thread.resolvedAt);
  const resolved = threads.filter((thread) => thread.resolvedAt);
  const linkedResolved = useLinkedThread(resolved.map((thread) => thread.id));
  const label = sectionLabel(section);

  function start() {
    startTransition(async () => {
      const result = await runAction(() => startReviewThreadAction({ coeId, section: section as SectionKey, body }));
      if (!result.ok) return setError(result.fieldErrors.body?.join(" ") ?? result.error);
      setBody("");
      setComposing(false);
      setError(null);
      router.refresh();
    });
  }

  if (threads.length === 0 && !canComment) return null;
  return (
    <div className="no-print mt-3 space-y-2" aria-label={`Review comments on ${label}`}>
      {open.map((thread) => (
        <Thread key={thread.id} coeId={coeId} thread={thread} canComment={canComment} />
      ))}
      {resolved.length > 0 ? (
        <details className="text-sm" open={linkedResolved || undefined}>
          <summary className="cursor-pointer text-xs text-slate-500">
            {resolved.length} resolved thread{resolved.length === 1 ? "" : "s"}
          </summary>
          <div className="mt-2 space-y-2">
            {resolved.map((thread) => (
              <Thread key={thread.id} coeId={coeId} thread={thread} canComment={canComment} />
            ))}
          </div>
        </details>
      ) : null}
      {canComment ? (
        composing ? (
          <div className="space-y-2 rounded-md bg-amber-50/50 p-3 ring-1 ring-amber-200">
            <label className="block text-xs font-medium text-slate-700" htmlFor={`new-thread-${section}`}>
              Comment on {label}
            </label>
            <textarea id={`new-thread-${section}`} className={inputClasses} rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
            {error ? <Alert tone="error">{error}</Alert> : null}
            <div className="flex gap-2">
              <Button size="sm" onClick={start} pending={pending}>
                Add comment
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setComposing(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setComposing(true)} aria-label={`Comment on ${label}`}>
            + Comment
          </Button>
        )
      ) : null}
    </div>
  );
}

function Thread({ coeId, thread, canComment }: { coeId: string; thread: ThreadView; canComment: boolean }) {
  const router = useRouter();
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function send() {
    startTransition(async () => {
      const result = await runAction(() => replyToThreadAction({ coeId, threadId: thread.id, body: reply }));
      if (!result.ok) return setError(result.fieldErrors.body?.join(" ") ?? result.error);
      setReply("");
      setError(null);
      router.refresh();
    });
  }
  function toggle() {
    startTransition(async () => {
      const result = await runAction(() => resolveThreadAction({ coeId, threadId: thread.id, resolved: !thread.resolvedAt }));
      if (!result.ok) return setError(result.error);
      router.refresh();
    });
  }

  return (
    <div
      className={`rounded-md p-3 text-sm ring-1 ${thread.resolvedAt ? "bg-slate-50 ring-slate-200" : "bg-amber-50 ring-amber-200"}`}
      data-testid="review-thread"
      id={`thread-${thread.id}`}
    >
      <ul className="space-y-2">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="text-xs text-slate-500">
              <span className="font-medium text-slate-700">{comment.author}</span> · {formatDateTime(comment.createdAt)}
            </p>
            <p className="whitespace-pre-wrap text-slate-800">{comment.body}</p>
          </li>
        ))}
      </ul>
      {thread.resolvedAt ? <p className="mt-2 text-xs text-slate-500">Resolved by {thread.resolvedBy ?? "a former user"}.</p> : null}
      {error ? (
        <Alert tone="error" className="mt-2">
          {error}
        </Alert>
      ) : null}
      {canComment ? (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          {!thread.resolvedAt ? (
            <>
              <label className="sr-only" htmlFor={`reply-${thread.id}`}>
                Reply
              </label>
              <input
                id={`reply-${thread.id}`}
                className={`${inputClasses} min-w-48 flex-1`}
                placeholder="Reply…"
                value={reply}
                onChange={(e) => setReply(e.target.value)}
                maxLength={5000}
              />
              <Button size="sm" variant="secondary" onClick={send} disabled={reply.trim() === ""} pending={pending}>
                Reply
              </Button>
            </>
          ) : null}
          <Button size="sm" variant="ghost" onClick={toggle} disabled={pending}>
            {thread.resolvedAt ? "Reopen" : "Resolve"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * True when the page was opened at (or moved to) one of these threads, e.g. from a notification's
 * `#thread-4`: a resolved thread sits in a closed <details>, which must open for the link to land.
 */
function useLinkedThread(threadIds: string[]): boolean {
  const [linked, setLinked] = useState(false);
  const ids = threadIds.join(" ");
  useEffect(() => {
    const follow = () => {
      const hash = window.location.hash;
      const target = hash.slice("#thread-".length);
      if (!hash.startsWith("#thread-") || !ids.split(" ").includes(target)) return;
      setLinked(true);
      requestAnimationFrame(() => document.getElementById(`thread-${target}`)?.scrollIntoView());
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [ids]);
  return linked;
}
