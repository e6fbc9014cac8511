import { EVENT_TYPES, SUBSCRIBABLE_EVENT_TYPES } from "@/lib/events/catalog";
import type { EventGroup } from "./endpoint-form";

/** The catalog grouped by subject (coe.*, action.*, …) for the checkbox tree; the weekly digest is its own checkbox. */
export function eventGroups(): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const type of SUBSCRIBABLE_EVENT_TYPES) {
    const description = EVENT_TYPES[type];
    const name = type.split(".")[0]!;
    const group = groups.get(name) ?? { name, types: [] };
    group.types.push({ type, description });
    groups.set(name, group);
  }
  return [...groups.values()];
}
