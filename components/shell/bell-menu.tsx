"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { formatDateTime } from "@/components/ui/format-date";
import { runAction } from "@/components/ui/run-action";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

type BellItem = { id: string; kind: string; title: string; actionId: string; read: boolean; createdAt: string };

const KIND_LABELS: Record<string, string> = { ASSIGNED: "Assigned", DUE_SOON: "Due soon", OVERDUE: "Overdue", ESCALATED: "Escalated", WONT_DO_REQUESTED: "Decision needed" };

export function BellMenu({ unread, items }: { unread: number; items: BellItem[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const mark = (ids?: string[]) =>
    startTransition(async () => {
      await runAction(() => markNotificationsReadAction({ ids }));
      router.refresh();
    });
  return (
    <details className="group relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-300 hover:bg-slate-800 hover:text-white"
        aria-label={unread > 0 ? `Notifications, ${unread > 99 ? "more than 99" : unread} unread` : "Notifications"}
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" className="size-5" aria-hidden>
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span data-testid="bell-unread" className="rounded-full bg-red-500 px-1.5 text-xs font-semibold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </summary>
      <div className="absolute right-0 top-full z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] lg:left-0 lg:right-auto rounded-lg bg-white text-left shadow-xl ring-1 ring-slate-200">
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
          <p className="text-sm font-semibold text-slate-900">Notifications</p>
          {unread > 0 ? (
            <button type="button" onClick={() => mark()} disabled={pending} className="text-xs font-medium text-indigo-700 hover:underline disabled:text-slate-400">
              Mark all read
            </button>
          ) : null}
        </div>
        {items.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-slate-600">Nothing yet. You hear about actions you own or manage here.</p>
        ) : (
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
            {items.map((item) => (
              <li key={item.id}>
                <Link
                  href={`/actions/${item.actionId}`}
                  onClick={() => (item.read ? undefined : mark([item.id]))}
                  className={`block px-4 py-2.5 text-sm hover:bg-slate-50 ${item.read ? "text-slate-600" : "font-medium text-slate-900"}`}
                >
                  <span className="block text-xs font-normal text-slate-500">
                    {KIND_LABELS[item.kind] ?? item.kind} · {formatDateTime(item.createdAt)}
                  </span>
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
