"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { readFormDraft } from "@/components/ui/form-draft";
import { inputClasses } from "@/components/ui/form-field";
import { useFormDraft } from "@/components/ui/use-form-draft";
import type { ActionResult } from "@/lib/action";
import { addDecisionAction, createCorrectiveActionFromReviewAction } from "@/lib/reviews/actions";
import type { MeetingItem, MeetingProps } from "./meeting-view";

export type Runner = <T extends { version: number }>(call: (version: number) => Promise<ActionResult<T>>, after?: (data: T) => void) => void;

/** Where a meeting keeps what was typed into an item's decision or new-action title until it is recorded. */
const draftKey = (kind: "decision" | "action", seriesId: string, isoWeek: string, itemKey: string) => `andon:review-${kind}:${seriesId}:${isoWeek}:${itemKey}`;

/**
 * Publishing ends the meeting: a decision or an action typed under any item and not recorded yet would
 * not reach the minutes, so publishing waits for it (the sentence names the item).
 */
export function unrecordedMeetingDrafts(seriesId: string, isoWeek: string, items: MeetingItem[]): string | null {
  for (const item of items) {
    const decision = readFormDraft(window.localStorage, draftKey("decision", seriesId, isoWeek, item.key), { text: "" });
    if (decision?.value.text.trim())
      return `The decision typed under "${item.title}" is not recorded yet, so nothing was published. Record it (or clear it) first.`;
    const action = readFormDraft(window.localStorage, draftKey("action", seriesId, isoWeek, item.key), { title: "" });
    if (action?.value.title.trim())
      return `The new action typed under "${item.title}" is not created yet, so nothing was published. Create it (or clear its title) first.`;
  }
  return null;
}

/** One agenda item's decisions; what is typed stays with the item (and this browser) until recorded. */
export function DecisionForm({
  seriesId,
  isoWeek,
  itemKey,
  decisions,
  pending,
  run,
}: {
  seriesId: string;
  isoWeek: string;
  itemKey: string;
  decisions: MeetingProps["decisions"];
  pending: boolean;
  run: Runner;
}) {
  const draft = useFormDraft({ storageKey: draftKey("decision", seriesId, isoWeek, itemKey), initial: { text: "" } });
  const decision = draft.value.text;
  return (
    <div>
      <h2 className="text-lg font-semibold">{itemKey === "best-practices" ? "Decisions (each becomes a best practice)" : "Decisions"}</h2>
      {itemKey === "best-practices" ? (
        <p className="mt-1 text-sm text-slate-600">
          A decision recorded here is added to the{" "}
          <Link className="font-medium text-indigo-700 underline underline-offset-2" href="/learnings">
            learnings library
          </Link>{" "}
          as a best practice that other teams can adopt.
        </p>
      ) : null}
      <ul className="mt-2 list-disc space-y-1 pl-5 text-base" data-testid="decisions">
        {decisions.map((entry) => (
          <li key={entry.id}>{entry.text}</li>
        ))}
        {decisions.length === 0 ? <li className="list-none pl-0 text-slate-500">None yet.</li> : null}
      </ul>
      <form
        className="mt-2 flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (decision.trim().length < 3) return;
          run(
            (latest) => addDecisionAction({ seriesId, isoWeek, version: latest, itemKey, text: decision }),
            () => draft.clear(),
          );
        }}
      >
        <input
          aria-label="Decision"
          className={`${inputClasses} text-base`}
          value={decision}
          onChange={(event) => draft.update({ text: event.target.value })}
          placeholder={itemKey === "best-practices" ? "Every team will…" : "We decided…"}
        />
        <Button type="submit" variant="secondary" pending={pending}>
          Record
        </Button>
      </form>
    </div>
  );
}

export function NewActionForm(props: MeetingProps & { itemKey: string; version: number; pending: boolean; run: Runner }) {
  const draft = useFormDraft({
    storageKey: draftKey("action", props.seriesId, props.isoWeek, props.itemKey),
    initial: { title: "", ownerId: props.people[0]?.id ?? "", teamId: props.defaultTeamId, dueDate: props.defaultDueDate },
  });
  const { title, ownerId, teamId, dueDate } = draft.value;
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim().length < 3) return;
        props.run(
          (latest) =>
            createCorrectiveActionFromReviewAction({
              seriesId: props.seriesId,
              isoWeek: props.isoWeek,
              version: latest,
              itemKey: props.itemKey,
              title,
              ownerId,
              teamId,
              type: "PROCESS",
              dueDate,
            }),
          () => draft.clear(),
        );
      }}
    >
      <h2 className="text-lg font-semibold">New corrective action</h2>
      <input
        aria-label="Action title"
        className={`${inputClasses} text-base`}
        value={title}
        onChange={(event) => draft.update({ title: event.target.value })}
        placeholder="What will be done"
      />
      <div className="grid gap-2 sm:grid-cols-2">
        <select aria-label="Owner" className={inputClasses} value={ownerId} onChange={(event) => draft.update({ ownerId: event.target.value })}>
          {props.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
        <select aria-label="Team" className={inputClasses} value={teamId} onChange={(event) => draft.update({ teamId: event.target.value })}>
          {props.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <input
          aria-label="Due date"
          type="date"
          className={`${inputClasses} sm:col-span-2`}
          value={dueDate}
          onChange={(event) => draft.update({ dueDate: event.target.value })}
        />
      </div>
      <Button type="submit" variant="secondary" pending={props.pending}>
        Create action
      </Button>
    </form>
  );
}
