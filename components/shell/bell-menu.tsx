"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/components/ui/format-date";
import { Popover } from "@/components/ui/popover";
import { runAction } from "@/components/ui/run-action";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { BellRow } from "@/lib/notifications/group";

type BellList = { state: "idle" } | { state: "loading" } | { state: "failed" } | { state: "loaded"; items: BellRow[] };

const KIND_LABELS: Record<string, string> = {
  ASSIGNED: "Assigned",
  DUE_SOON: "Due soon",
  OVERDUE: "Overdue",
  ESCALATED: "Escalated",
  WONT_DO_REQUESTED: "Decision needed",
  ACTION_AWAITING_VERIFICATION: "Verify",
  COE_SUBMITTED: "Review requested",
  COE_CHANGES_REQUESTED: "Changes requested",
  COE_APPROVED: "Approved",
  COE_CLOSED: "Closed",
  REVIEW_COMMENT: "Comment",
  AGENDA_READY: "Agenda ready",
  MINUTES_PUBLISHED: "Minutes",
  CORD_PULLED: "Line stopped",
  CORD_COE_DUE: "COE due",
  FINDING_OPENED: "Policy finding",
  ACKNOWLEDGMENT_REQUESTED: "Waiver requested",
  ACKNOWLEDGMENT_DECIDED: "Waiver decided",
  ACKNOWLEDGMENT_EXPIRED: "Waiver expired",
  VERIFICATION_EXPIRING: "Verification expiring",
  WEBHOOK_ENDPOINT_DISABLED: "Webhook disabled",
  TICKET_SYNC_FAILING: "Ticket sync failing",
  LEARNINGS_DIGEST: "Digest",
};

/** Fetches the bell's list from /api/notifications when the bell is opened. */
function useBellList() {
  const [list, setList] = useState<BellList>({ state: "idle" });
  const load = useCallback(async () => {
    setList({ state: "loading" });
    try {
      const response = await fetch("/api/notifications", { cache: "no-store" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = (await response.json()) as { items: BellRow[] };
      setList({ state: "loaded", items: body.items });
    } catch {
      setList({ state: "failed" });
    }
  }, []);
  return { list, load };
}

/** In the sidebar the panel hangs from the bell; in the phone header it spans the header's width. */
export function BellMenu({ unread, placement }: { unread: number; placement: "sidebar" | "header" }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { list, load } = useBellList();
  const mark = (ids?: string[]) =>
    startTransition(async () => {
      await runAction(() => markNotificationsReadAction({ ids }));
      router.refresh();
      await load();
    });
  const inSidebar = placement === "sidebar";
  return (
    <Popover
      className={inSidebar ? "relative" : undefined}
      mountOnOpen
      panelLabel="Notifications"
      triggerLabel={unread > 0 ? `Notifications, ${unread > 99 ? "more than 99" : unread} unread` : "Notifications"}
      triggerClassName="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-300 hover:bg-slate-800 hover:text-white"
      panelClassName={cn(
        "absolute top-full z-40 mt-2 rounded-lg bg-white text-left shadow-xl ring-1 ring-slate-200",
        inSidebar ? "left-0 w-80" : "inset-x-2 mt-0",
      )}
      onOpenChange={(open) => (open ? void load() : undefined)}
      trigger={
        <>
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
            strokeLinecap="round"
            strokeLinejoin="round"
            className="size-5"
            aria-hidden
          >
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {unread > 0 ? (
            <span data-testid="bell-unread" className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </>
      }
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
        <p className="text-sm font-semibold text-slate-900">Notifications</p>
        {unread > 0 ? (
          <button
            type="button"
            onClick={() => mark()}
            disabled={pending}
            className="text-xs font-medium text-indigo-700 hover:underline disabled:text-slate-400"
          >
            Mark all read
          </button>
        ) : null}
      </div>
      {list.state === "idle" || list.state === "loading" ? (
        <p className="px-4 py-6 text-center text-sm text-slate-600" role="status">
          Loading…
        </p>
      ) : list.state === "failed" ? (
        <p className="px-4 py-6 text-center text-sm text-slate-700" role="alert">
          Notifications could not be loaded.{" "}
          <button type="button" onClick={() => void load()} className="font-medium text-indigo-700 hover:underline">
            Try again
          </button>
        </p>
      ) : list.items.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-600">Nothing yet. You hear about COEs, actions and reviews that need you here.</p>
      ) : (
        <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
          {list.items.map((item) => (
            <li key={item.ids[0]} data-testid="bell-row">
              <Link
                href={item.href}
                onClick={() => (item.read ? undefined : mark(item.ids))}
                className={`block px-4 py-2.5 text-sm hover:bg-slate-50 ${item.read ? "text-slate-600" : "font-medium text-slate-900"}`}
              >
                <span className="block text-xs font-normal text-slate-500">
                  {KIND_LABELS[item.kind] ?? item.kind} · {formatDateTime(item.createdAt)}
                </span>
                {item.title}
                {item.count > 1 ? (
                  <span className="mt-0.5 block text-xs font-normal text-slate-600" data-testid="bell-row-count">
                    and {item.count - 1} earlier about this
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}
