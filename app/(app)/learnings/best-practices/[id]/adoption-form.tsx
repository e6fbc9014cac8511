"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { TypeAhead } from "@/components/ui/type-ahead";
import { useActionForm } from "@/components/ui/use-action-form";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";
import { decideAdoptionAction } from "@/lib/learnings/actions";
import { adoptBestPracticeSchema } from "@/lib/learnings/schemas";

/** A team adopts the practice (a corrective action for it) or says why it does not apply. */
export function AdoptionForm({ bestPracticeId, teams }: { bestPracticeId: string; teams: { id: string; name: string }[] }) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const [status, setStatus] = useState<"ADOPTED" | "NOT_APPLICABLE">("ADOPTED");
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [dueDate, setDueDate] = useState("");
  const [reason, setReason] = useState("");
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  return (
    <Card>
      <CardBody>
        <form
          aria-label="Adopt for a team"
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit({
              schema: adoptBestPracticeSchema,
              input: { bestPracticeId, teamId, status, ownerId, dueDate: dueDate || undefined, reason },
              action: decideAdoptionAction,
              onSuccess: (data) => ({
                success: data.correctiveActionId ? "Adopted: the team has a corrective action to put it in place." : "Decision recorded.",
              }),
            });
          }}
        >
          <h2 className="text-sm font-semibold text-slate-900">Decide for a team</h2>
          <FormField label="Team" errors={fieldErrors.teamId}>
            <select className={inputClasses} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </FormField>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Decision</legend>
            <div className="mt-1 space-y-1 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="status" checked={status === "ADOPTED"} onChange={() => setStatus("ADOPTED")} /> Adopt: create a corrective action
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="status" checked={status === "NOT_APPLICABLE"} onChange={() => setStatus("NOT_APPLICABLE")} /> Not applicable
              </label>
            </div>
          </fieldset>
          {status === "ADOPTED" ? (
            <>
              <TypeAhead
                id="adoption-owner"
                name="ownerId"
                label="Action owner"
                source={LOOKUP_SOURCES.owners}
                placeholder="Type a name"
                emptyLabel="Nobody yet"
                errors={fieldErrors.ownerId}
                onChange={(choice) => setOwnerId(choice?.value)}
              />
              <FormField label="Due date (optional)" hint="Defaults to 30 days from today." errors={fieldErrors.dueDate}>
                <input type="date" className={inputClasses} value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
              </FormField>
            </>
          ) : (
            <FormField label="Why it does not apply" errors={fieldErrors.reason}>
              <textarea className={inputClasses} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
            </FormField>
          )}
          <FormAlerts error={error} success={success} />
          <Button type="submit" pending={pending}>
            {status === "ADOPTED" ? "Adopt" : "Record decision"}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
