"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionStatusBadge, OverdueBadge, PriorityBadge } from "@/components/actions/action-badges";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { Table, Td, Th } from "@/components/ui/table";
import { TypeAhead } from "@/components/ui/type-ahead";
import { TableBody, TableEmpty } from "@/components/ui/table-parts";
import { useActionForm } from "@/components/ui/use-action-form";
import { type CoeSeverity, type CorrectiveActionPriority, type CorrectiveActionStatus, type CorrectiveActionType } from "@/lib/generated/prisma/enums";
import { bulkUpdateCorrectiveActionsAction } from "@/lib/actions/actions";
import { bulkActionSchema } from "@/lib/actions/schemas";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";

export type ActionTableRow = {
  id: string;
  title: string;
  status: CorrectiveActionStatus;
  priority: CorrectiveActionPriority;
  type: CorrectiveActionType;
  dueDate: string | null;
  daysOverdue: number | null;
  ownerName: string | null;
  teamName: string;
  coe: { id: string; title: string; severity: CoeSeverity } | null;
  wontDoRequested: boolean;
  editable: boolean;
};

/** The list with row checkboxes and the bulk bar: reassign, move the due date (one reason), set a status. */
export function ActionTable({ rows, filtered }: { rows: ActionTableRow[]; filtered: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [ownerId, setOwnerId] = useState("");
  // The owner picker keeps its own text: a new key gives a fresh, empty one after an update.
  const [ownerPickerKey, setOwnerPickerKey] = useState(0);
  const [dueDate, setDueDate] = useState("");
  const [dueDateReason, setDueDateReason] = useState("");
  const [status, setStatus] = useState("");
  const form = useActionForm();
  const editable = rows.filter((row) => row.editable);
  const allSelected = editable.length > 0 && editable.every((row) => selected.has(row.id));

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function apply() {
    const input = {
      actionIds: [...selected],
      ownerId: ownerId || undefined,
      dueDate: dueDate || undefined,
      dueDateReason: dueDateReason.trim() || undefined,
      status: (status || undefined) as "OPEN" | "IN_PROGRESS" | undefined,
    };
    form.submit({
      schema: bulkActionSchema,
      input,
      action: bulkUpdateCorrectiveActionsAction,
      onSuccess: (data) => {
        setSelected(new Set());
        setOwnerId("");
        setOwnerPickerKey((key) => key + 1);
        setDueDate("");
        setDueDateReason("");
        setStatus("");
        return { success: `Updated ${data.updated} action${data.updated === 1 ? "" : "s"}.` };
      },
    });
  }

  if (rows.length === 0) {
    return (
      <TableEmpty>{filtered ? "No actions match these filters." : "No corrective actions here yet. Actions are created in a COE's sixth question."}</TableEmpty>
    );
  }
  return (
    <>
      {form.success ? (
        <Alert tone="success" className="mx-5 mt-4">
          {form.success}
        </Alert>
      ) : null}
      {selected.size > 0 ? (
        <section aria-label="Bulk change" className="space-y-3 border-b border-slate-200 bg-indigo-50/50 px-5 py-4">
          <p className="text-sm font-medium text-slate-900">{selected.size} selected</p>
          {form.error ? <Alert tone="error">{form.error}</Alert> : null}
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <TypeAhead
                key={ownerPickerKey}
                id="bulk-ownerId"
                name="bulkOwnerId"
                label="Reassign to"
                source={LOOKUP_SOURCES.owners}
                placeholder="Keep owners"
                emptyLabel="Keep owners"
                errors={form.fieldErrors.ownerId}
                onChange={(choice) => setOwnerId(choice?.value ?? "")}
              />
            </div>
            <FormField label="New due date" errors={form.fieldErrors.dueDate}>
              <input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} className={inputClasses} />
            </FormField>
            <FormField label="Reason for the new due date" errors={form.fieldErrors.dueDateReason} hint="Kept in each action's history.">
              <input value={dueDateReason} onChange={(event) => setDueDateReason(event.target.value)} className={inputClasses} maxLength={2000} />
            </FormField>
            <FormField label="Set status" errors={form.fieldErrors.status}>
              <select value={status} onChange={(event) => setStatus(event.target.value)} className={inputClasses}>
                <option value="">Keep statuses</option>
                <option value="OPEN">Open</option>
                <option value="IN_PROGRESS">In progress</option>
              </select>
            </FormField>
          </div>
          {form.fieldErrors._form ? (
            <p className="text-sm text-red-700" role="alert">
              {form.fieldErrors._form.join(" ")}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button onClick={apply} pending={form.pending}>
              Apply to {selected.size} action{selected.size === 1 ? "" : "s"}
            </Button>
            <Button variant="ghost" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </div>
        </section>
      ) : null}
      <Table caption="Corrective actions">
        <thead className="bg-slate-50">
          <tr>
            {/* Nothing to select for someone who may change none of the rows (a viewer). */}
            {editable.length > 0 ? (
              <Th className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select all actions on this page"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(editable.map((row) => row.id)))}
                  className="size-4 rounded border-slate-300"
                />
              </Th>
            ) : null}
            <Th>Action</Th>
            <Th>Status</Th>
            <Th>Owner</Th>
            <Th>Team</Th>
            <Th>Priority</Th>
            <Th>Due</Th>
          </tr>
        </thead>
        <TableBody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="action-row" className={row.daysOverdue ? "bg-red-50/40" : undefined}>
              {editable.length > 0 ? (
                <Td>
                  {row.editable ? (
                    <input
                      type="checkbox"
                      aria-label={`Select “${row.title}”`}
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                      className="size-4 rounded border-slate-300"
                    />
                  ) : null}
                </Td>
              ) : null}
              <Td className="max-w-md">
                <Link href={`/actions/${row.id}`} className="font-medium text-indigo-700 hover:underline">
                  {row.title}
                </Link>
                {row.coe ? (
                  <p className="mt-0.5 truncate text-xs text-slate-500">
                    {row.coe.severity} ·{" "}
                    <Link href={`/coes/${row.coe.id}`} className="hover:underline">
                      {row.coe.title}
                    </Link>
                  </p>
                ) : null}
              </Td>
              <Td>
                <ActionStatusBadge status={row.status} wontDoRequested={row.wontDoRequested} />
              </Td>
              <Td>{row.ownerName ?? <span className="text-slate-500">Unassigned</span>}</Td>
              <Td>{row.teamName}</Td>
              <Td>
                <PriorityBadge priority={row.priority} />
              </Td>
              <Td className="whitespace-nowrap">
                {row.dueDate ?? "—"}
                <div>
                  <OverdueBadge days={row.daysOverdue} />
                </div>
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
