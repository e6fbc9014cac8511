"use client";

import { useId, useState } from "react";
import { PullCordForm } from "@/components/cords/pull-cord-form";
import { Popover } from "@/components/ui/popover";
import { TypeAhead } from "@/components/ui/type-ahead";
import { LOOKUP_SOURCES, type LookupItem } from "@/lib/lookup/schemas";

/**
 * "Pull the cord" from anywhere in the app: choose the service by type-ahead, then say what is
 * wrong. A popover, not a modal: no focus trap, and what was typed survives closing it.
 */
export function PullCordEntry() {
  const id = useId();
  const [service, setService] = useState<LookupItem | null>(null);
  return (
    <Popover
      className="relative"
      mountOnOpen
      panelLabel="Pull the cord"
      triggerClassName="inline-flex h-8 items-center gap-1.5 rounded-md bg-white px-3 text-sm font-medium text-red-700 shadow-sm ring-1 ring-inset ring-red-300 hover:bg-red-50"
      panelClassName="absolute right-0 top-full z-40 mt-2 w-[min(28rem,calc(100vw-2rem))] space-y-4 rounded-lg bg-white p-4 shadow-lg ring-1 ring-slate-200"
      trigger={
        <>
          <span aria-hidden className="size-2 rounded-full bg-red-600" />
          Pull the cord
        </>
      }
    >
      <p className="text-sm text-slate-700">Anyone can stop the line on a defect. The service&apos;s team is told at once and its deploys are blocked.</p>
      <TypeAhead id={`${id}-service`} name="serviceId" label="Service" source={LOOKUP_SOURCES.services} emptyLabel="Choose a service" onChange={setService} />
      {service ? <PullCordForm key={service.value} serviceId={service.value} serviceName={service.label} stopped={false} /> : null}
    </Popover>
  );
}
