"use client";

import type { PolicyRuleStatus } from "@/lib/generated/prisma/enums";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { setRuleStatusAction } from "@/lib/policies/actions";

/**
 * Enforce or disable a rule. An organization-wide rule that is not enforced yet can be enforced by a
 * manager for a team they manage (it is then scoped to that team).
 */
export function RuleStatusControl({
  ruleId,
  ruleName,
  version,
  status,
  chooseTeam,
  teams,
}: {
  ruleId: string;
  ruleName: string;
  version: number;
  status: PolicyRuleStatus;
  chooseTeam: boolean;
  teams: { id: string; name: string }[];
}) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const form = useActionForm();
  const set = (next: "ENFORCED" | "DISABLED") =>
    form.submit({
      input: { ruleId, version, status: next, ...(chooseTeam && next === "ENFORCED" && teamId ? { scopeTeamId: teamId } : {}) },
      action: setRuleStatusAction,
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "ENFORCED" ? (
        <Button size="sm" variant="secondary" onClick={() => set("DISABLED")} pending={form.pending} aria-label={`Disable ${ruleName}`}>
          Disable
        </Button>
      ) : (
        <>
          {chooseTeam ? (
            <select
              aria-label={`Team to enforce ${ruleName} for`}
              value={teamId}
              onChange={(event) => setTeamId(event.target.value)}
              className={`${inputClasses} h-8 w-44 py-0`}
            >
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          ) : null}
          <Button size="sm" onClick={() => set("ENFORCED")} pending={form.pending} aria-label={`Enforce ${ruleName}`}>
            Enforce
          </Button>
        </>
      )}
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
    </div>
  );
}
