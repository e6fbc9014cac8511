"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { AgendaItemData } from "./agenda-item-data";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { runAction } from "@/components/ui/run-action";
import type { ActionResult } from "@/lib/action";
import { addCustomItemAction, saveAgendaAction } from "@/lib/reviews/actions";
import { moveKey, type AgendaEdits } from "@/lib/reviews/agenda-edits";
import { SECTION_LABELS, type AgendaItem, type ScheduledItem } from "@/lib/reviews/agenda-types";

/** An item as the editor shows it: everything but its data, which the "Data" disclosure loads when opened. */
export type EditorItem = Omit<AgendaItem, "detail"> & Partial<Pick<ScheduledItem, "startLabel">>;
import { MAX_ITEM_SLOTS } from "@/lib/reviews/slotting";

type Props = {
  seriesId: string;
  isoWeek: string;
  version: number;
  items: EditorItem[];
  deferred: EditorItem[];
  edits: AgendaEdits;
  removedTitles: { key: string; title: string }[];
  editable: boolean;
};

/**
 * The week's agenda in slots, with the organizer's controls: move up/down, slot count, pin,
 * remove, add a custom item. Every change saves the whole edit set against the version it was
 * based on; a conflict shows the other organizer's change after a reload.
 */
export function AgendaEditor({ seriesId, isoWeek, version, items, deferred, edits, removedTitles, editable }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const allKeys = [...items, ...deferred].map((item) => item.key);

  function save(call: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const result = await runAction(call);
      if (!result.ok) {
        setError(result.error);
        if (result.status === 409) router.refresh();
        return;
      }
      setError(null);
      router.refresh();
    });
  }
  const saveEdits = (next: AgendaEdits) => save(() => saveAgendaAction({ seriesId, isoWeek, version, edits: next }));
  const move = (key: string, direction: -1 | 1) => saveEdits({ ...edits, order: moveKey(allKeys, key, direction) });
  const setSlots = (key: string, slots: number) => saveEdits({ ...edits, slots: { ...edits.slots, [key]: Math.min(MAX_ITEM_SLOTS, Math.max(1, slots)) } });
  const togglePin = (key: string) =>
    saveEdits({ ...edits, pinned: edits.pinned.includes(key) ? edits.pinned.filter((entry) => entry !== key) : [...edits.pinned, key] });
  const remove = (key: string) => saveEdits({ ...edits, removed: [...edits.removed, key], custom: edits.custom.filter((item) => item.key !== key) });
  const restore = (key: string) => saveEdits({ ...edits, removed: edits.removed.filter((entry) => entry !== key) });

  const row = (item: EditorItem, index: number, scheduled: boolean) => (
    <li key={item.key} data-testid="agenda-item" data-key={item.key} className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-14 shrink-0 font-mono text-sm tabular-nums text-slate-600">{item.startLabel ?? "—"}</span>
        <div className="min-w-0 flex-1 basis-52">
          <p className="font-medium text-slate-900" data-testid="agenda-item-title">
            {item.title}
          </p>
          <p className="mt-0.5 flex flex-wrap gap-1 text-xs">
            <Badge>{SECTION_LABELS[item.section]}</Badge>
            <Badge tone="indigo">{`${item.slots} × 15 min`}</Badge>
            {item.pinned ? <Badge tone="amber">Pinned</Badge> : null}
            {item.custom ? <Badge>Custom</Badge> : null}
            {item.carriedFrom ? <Badge tone="amber">{`Carried from ${item.carriedFrom}`}</Badge> : null}
            {!scheduled ? <Badge tone="red">Deferred</Badge> : null}
          </p>
        </div>
        {editable ? (
          // On a phone the controls take their own line under the time and title.
          <div className="flex flex-wrap items-center gap-1 max-sm:-ml-3 max-sm:w-full">
            <Button size="sm" variant="ghost" aria-label={`Move “${item.title}” up`} disabled={pending || index === 0} onClick={() => move(item.key, -1)}>
              ↑
            </Button>
            <Button size="sm" variant="ghost" aria-label={`Move “${item.title}” down`} disabled={pending} onClick={() => move(item.key, 1)}>
              ↓
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Fewer slots for “${item.title}”`}
              disabled={pending || item.slots <= 1}
              onClick={() => setSlots(item.key, item.slots - 1)}
            >
              −
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`More slots for “${item.title}”`}
              disabled={pending || item.slots >= MAX_ITEM_SLOTS}
              onClick={() => setSlots(item.key, item.slots + 1)}
            >
              +
            </Button>
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => togglePin(item.key)}>
              {item.pinned ? "Unpin" : "Pin"}
            </Button>
            <Button size="sm" variant="ghost" aria-label={`Remove “${item.title}”`} disabled={pending} onClick={() => remove(item.key)}>
              Remove
            </Button>
          </div>
        ) : null}
      </div>
      <AgendaItemData key={`${item.key}@${version}`} seriesId={seriesId} isoWeek={isoWeek} itemKey={item.key} />
    </li>
  );

  return (
    <div>
      {error ? (
        <div className="px-4 pt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <ol className="divide-y divide-slate-100" aria-label="Agenda">
        {items.map((item, index) => row(item, index, true))}
      </ol>
      {deferred.length > 0 ? (
        <div className="border-t border-slate-200 bg-amber-50/40">
          <h3 className="px-4 pt-3 text-sm font-semibold text-amber-900">Deferred: does not fit the meeting; carried to next week unless reached</h3>
          <ol className="divide-y divide-slate-100" aria-label="Deferred items">
            {deferred.map((item, index) => row(item, items.length + index, false))}
          </ol>
        </div>
      ) : null}
      {editable && removedTitles.length > 0 ? (
        <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
          Removed:{" "}
          {removedTitles.map((entry) => (
            <button key={entry.key} type="button" className="mr-2 text-indigo-700 hover:underline" onClick={() => restore(entry.key)}>
              {entry.title} (restore)
            </button>
          ))}
        </p>
      ) : null}
      {editable ? <CustomItemForm pending={pending} onAdd={(item) => save(() => addCustomItemAction({ seriesId, isoWeek, version, item }))} /> : null}
    </div>
  );
}

function CustomItemForm({
  pending,
  onAdd,
}: {
  pending: boolean;
  onAdd: (item: { title: string; description: string; section: "custom"; slots: number }) => void;
}) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [slots, setSlots] = useState(1);
  return (
    <form
      className="flex flex-wrap items-end gap-3 border-t border-slate-200 px-4 py-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim().length < 2) return;
        onAdd({ title: title.trim(), description: description.trim(), section: "custom", slots });
        setTitle("");
        setDescription("");
      }}
    >
      <FormField label="Add a custom item" className="min-w-64 flex-1">
        <input className={inputClasses} value={title} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. On-call handover" />
      </FormField>
      <FormField label="Notes for the item" className="min-w-64 flex-1">
        <input className={inputClasses} value={description} onChange={(event) => setDescription(event.target.value)} />
      </FormField>
      <FormField label="Slots" className="w-24">
        <input
          className={inputClasses}
          type="number"
          min={1}
          max={MAX_ITEM_SLOTS}
          value={slots}
          onChange={(event) => setSlots(Number(event.target.value) || 1)}
        />
      </FormField>
      <Button type="submit" variant="secondary" pending={pending}>
        Add item
      </Button>
    </form>
  );
}
