"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/form-field";
import { TypeAhead } from "@/components/ui/type-ahead";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";
import { ACTION_PRIORITIES, ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, ACTION_TYPES } from "@/lib/actions/labels";
import type { CoeSnapshot } from "@/lib/coes/snapshot";
import type { FieldErrors } from "@/lib/errors";
import type { EditorForm, EditorOptions } from "./editor-model";
import { addRow, errorsUnder, RowField, type RememberNames, type Update } from "./editor-parts";

type ActionRow = EditorForm["actions"][number];
type SavedAction = CoeSnapshot["actions"][number];

/**
 * The COE's corrective actions. The server saves them through the actions' own write path, so the
 * rows follow its rules: an owner once given is replaced, not removed, and a saved due date moves
 * with a reason (applied with a button, so autosave never keeps half a sentence). Actions under way
 * or finished are tracked work: read-only here, with a link to their own page.
 */
export function ActionsEditor({
  form,
  update,
  errors,
  options,
  saved,
  remember,
}: {
  form: EditorForm;
  update: Update;
  errors: FieldErrors;
  options: EditorOptions;
  /** The actions as the server last saved them. */
  saved: SavedAction[];
  remember: RememberNames;
}) {
  const savedById = new Map(saved.map((action) => [action.id, action]));
  const setAction = (id: string, change: Partial<ActionRow>) =>
    update((f) => ({ ...f, actions: f.actions.map((action) => (action.id === id ? { ...action, ...change } : action)) }));
  return (
    <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold text-slate-800">Corrective actions</h3>
      {form.actions.map((action, index) =>
        action.status === "OPEN" ? (
          <OpenActionRow
            key={action.id}
            action={action}
            index={index}
            saved={savedById.get(action.id)}
            errors={errorsUnder(errors, `actions.${index}`)}
            options={options}
            remember={remember}
            onChange={(change) => setAction(action.id, change)}
            onRemove={() => update((f) => ({ ...f, actions: f.actions.filter((row) => row.id !== action.id) }))}
          />
        ) : (
          <TrackedActionRow key={action.id} action={action} index={index} options={options} />
        ),
      )}
      <Button
        size="sm"
        variant="secondary"
        onClick={() =>
          addRow((id) =>
            update((f) => ({
              ...f,
              actions: [...f.actions, { id, title: "", ownerId: "", type: "PREVENT", priority: "MEDIUM", dueDate: "", status: "OPEN" }],
            })),
          )
        }
      >
        Add corrective action
      </Button>
    </div>
  );
}

function OpenActionRow({
  action,
  index,
  saved,
  errors,
  options,
  remember,
  onChange,
  onRemove,
}: {
  action: ActionRow;
  index: number;
  saved: SavedAction | undefined;
  errors: string[] | undefined;
  options: EditorOptions;
  remember: RememberNames;
  onChange: (change: Partial<ActionRow>) => void;
  onRemove: () => void;
}) {
  const label = `Action ${index + 1}`;
  return (
    <fieldset data-row={action.id} className="grid items-end gap-2 rounded-md bg-white p-3 ring-1 ring-slate-200 md:grid-cols-6">
      <legend className="sr-only">{label}</legend>
      <RowField text="Title" className="md:col-span-6">
        <input
          aria-label={`${label} title`}
          placeholder="What will change"
          className={inputClasses}
          value={action.title}
          maxLength={300}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </RowField>
      <TypeAhead
        id={`action-${action.id}-owner`}
        name={`action-${action.id}-owner`}
        label="Owner"
        ariaLabel={`${label} owner`}
        labelClassName="block text-xs font-medium text-slate-600"
        className="md:col-span-2"
        source={LOOKUP_SOURCES.owners}
        value={action.ownerId}
        defaultLabel={options.users.find((user) => user.id === action.ownerId)?.name}
        emptyLabel="No owner yet"
        placeholder="Type a name…"
        // An owner once saved is replaced, not removed (the actions' rule).
        clearable={!saved?.ownerId}
        onChange={(choice) => {
          if (choice) remember({ users: [{ id: choice.value, name: choice.label }] });
          onChange({ ownerId: choice?.value ?? "" });
        }}
      />
      <RowField text="Type">
        <select
          aria-label={`${label} type`}
          className={inputClasses}
          value={action.type}
          onChange={(e) => onChange({ type: e.target.value as ActionRow["type"] })}
        >
          {ACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {ACTION_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </RowField>
      <RowField text="Priority">
        <select
          aria-label={`${label} priority`}
          className={inputClasses}
          value={action.priority}
          onChange={(e) => onChange({ priority: e.target.value as ActionRow["priority"] })}
        >
          {ACTION_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {ACTION_PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </RowField>
      <DueDateField label={label} value={action.dueDate} savedDue={saved?.dueDate ?? null} onChange={onChange} />
      <div className="flex items-center justify-between gap-2">
        <Badge tone="neutral">{ACTION_STATUS_LABELS[action.status]}</Badge>
        <Button size="sm" variant="ghost" aria-label={`Remove action ${index + 1}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
      {errors ? <p className="text-sm text-red-700 md:col-span-6">{errors.join(" ")}</p> : null}
    </fieldset>
  );
}

/** A first due date is simply set; moving a saved one asks why before it reaches the form. */
function DueDateField({
  label,
  value,
  savedDue,
  onChange,
}: {
  label: string;
  value: string;
  savedDue: string | null;
  onChange: (change: { dueDate: string; dueDateReason?: string }) => void;
}) {
  const [pending, setPending] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const choose = (next: string) => {
    if (!savedDue || next === savedDue) {
      setPending(null);
      onChange({ dueDate: next, dueDateReason: undefined });
    } else {
      setPending(next);
    }
  };
  const apply = () => {
    onChange({ dueDate: pending!, dueDateReason: reason.trim() });
    setPending(null);
    setReason("");
  };
  return (
    <>
      <RowField text="Due date">
        <input type="date" aria-label={`${label} due date`} className={inputClasses} value={pending ?? value} onChange={(e) => choose(e.target.value)} />
      </RowField>
      {pending !== null ? (
        <div className="flex flex-wrap items-end gap-2 md:col-span-6">
          {pending === "" ? (
            <p className="text-sm text-slate-700">An action keeps its due date once it has one: choose the new date.</p>
          ) : (
            <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm text-slate-700">
              Why does the due date move from {savedDue}? (kept in the action&apos;s history)
              <input
                aria-label={`${label}: why the due date moves`}
                className={inputClasses}
                value={reason}
                maxLength={2000}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          )}
          <Button size="sm" variant="secondary" disabled={pending === "" || reason.trim().length < 3} onClick={apply}>
            Move due date
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setPending(null);
              setReason("");
            }}
          >
            Keep {savedDue}
          </Button>
        </div>
      ) : null}
    </>
  );
}

const STATUS_TONES = { IN_PROGRESS: "amber", DONE: "green", VERIFIED: "green", WONT_DO: "neutral", OPEN: "neutral" } as const;

/** An action under way or finished: tracked on its own page, shown here as it is. */
function TrackedActionRow({ action, index, options }: { action: ActionRow; index: number; options: EditorOptions }) {
  const owner = options.users.find((user) => user.id === action.ownerId)?.name;
  return (
    <div data-row={action.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-white p-3 text-sm ring-1 ring-slate-200">
      <span className="font-medium text-slate-900">{action.title}</span>
      <Badge tone={STATUS_TONES[action.status]}>{ACTION_STATUS_LABELS[action.status]}</Badge>
      <span className="text-slate-600">
        {owner ?? "No owner"} · due {action.dueDate || "—"}
      </span>
      <Link href={`/actions/${action.id}`} className="ml-auto font-medium text-indigo-700 underline">
        Open the action<span className="sr-only"> {index + 1}</span>
      </Link>
      <p className="w-full text-xs text-slate-600">Under way or finished, so it is tracked on its own page and read-only here.</p>
    </div>
  );
}
