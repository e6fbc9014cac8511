"use client";

import { useState } from "react";
import { AgendaItemDetail } from "@/components/reviews/agenda-item-detail";
import type { AgendaDetail } from "@/lib/reviews/agenda-types";

const NOT_LOADED = "The data could not be loaded. Try again.";

type State = { status: "closed" | "loading" } | { status: "error"; message: string } | { status: "loaded"; detail: AgendaDetail };

/**
 * An agenda item's "Data" disclosure on the week page. The data loads when it is first opened:
 * a large org's agenda holds hundreds of overdue actions and flagged metrics, and carrying them
 * all in the page made it a megabyte. Each opening after a refresh loads the fresh data again.
 */
export function AgendaItemData({ seriesId, isoWeek, itemKey }: { seriesId: string; isoWeek: string; itemKey: string }) {
  const [state, setState] = useState<State>({ status: "closed" });

  async function load() {
    setState({ status: "loading" });
    try {
      const response = await fetch(
        `/reviews/${encodeURIComponent(seriesId)}/weeks/${encodeURIComponent(isoWeek)}/item-data?${new URLSearchParams({ key: itemKey })}`,
        { headers: { accept: "application/json" } },
      );
      if (response.ok) {
        setState({ status: "loaded", detail: (await response.json()) as AgendaDetail });
      } else {
        // Errors come as problem+json; its `detail` is the sentence for the reader.
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        setState({ status: "error", message: problem?.detail ?? NOT_LOADED });
      }
    } catch {
      setState({ status: "error", message: NOT_LOADED });
    }
  }

  return (
    <details
      className="mt-2 pl-[4.25rem]"
      onToggle={(event) => {
        if (event.currentTarget.open && (state.status === "closed" || state.status === "error")) void load();
      }}
    >
      <summary className="cursor-pointer text-sm text-indigo-700">Data</summary>
      <div className="mt-2">
        {state.status === "loaded" ? <AgendaItemDetail detail={state.detail} /> : null}
        {state.status === "loading" ? <p className="text-sm text-slate-500">Loading…</p> : null}
        {state.status === "error" ? (
          <p className="text-sm text-red-700" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
    </details>
  );
}
