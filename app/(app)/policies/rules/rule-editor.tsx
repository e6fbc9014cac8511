"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { runAction } from "@/components/ui/run-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { createRuleAction, dryRunRuleAction, updateRuleAction } from "@/lib/policies/actions";
import { OPERATORS, OPERATOR_NAMES, type ConditionLeaf, type ConditionNode, type OperatorName } from "@/lib/policies/conditions";
import { RULE_KINDS, SEVERITIES, SEVERITY_LABELS } from "@/lib/policies/schemas";

export type RuleDraft = {
  ruleId?: string;
  version?: number;
  name: string;
  description: string;
  remediation: string;
  kind: (typeof RULE_KINDS)[number];
  severity: (typeof SEVERITIES)[number];
  category: string;
  scopeTeamId: string;
  ownerTeamId: string;
  applicableFactKey: string;
  sourceCoeId?: string;
  conditions: { all: ConditionNode[] } | { any: ConditionNode[] };
};

type Fact = { key: string; type: "number" | "boolean" | "string" | "datetime"; services: number };
type DryRun = { applicable: number; total: number; failing: { id: string; name: string; teamName: string }[] };

/** Leaves typed as the value the operator expects (numbers stay numbers, true/false booleans). */
function typedValue(operator: OperatorName, raw: string, factType: Fact["type"] | undefined): ConditionLeaf["value"] {
  if (operator === "missing" || operator === "present") return null;
  if (operator === "in" || operator === "notIn")
    return raw
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  if (OPERATORS[operator].types.length === 1 && OPERATORS[operator].types[0] === "number") return raw === "" ? raw : Number(raw);
  if (operator === "daysUntilLessThan" || operator === "daysSinceGreaterThan") return raw === "" ? raw : Number(raw);
  if (factType === "number" && raw !== "" && !Number.isNaN(Number(raw))) return Number(raw);
  if (factType === "boolean" || raw === "true" || raw === "false") return raw === "true";
  return raw;
}

/**
 * The rule editor that needs no JSON: rows of fact · operator · value joined by all/any, with a JSON
 * tab for nested groups, and a dry run before saving or enforcing. Anyone on a team saves drafts
 * owned by it; "Save and enforce" appears when the caller manages the scope (`canEnforce`).
 */
export function RuleEditor({
  initial,
  facts,
  teams,
  ownerTeams,
  enforceableTeamIds,
  isAdmin,
}: {
  initial: RuleDraft;
  facts: Fact[];
  /** Scopes offered besides the whole organization. */
  teams: { id: string; name: string }[];
  /** Teams the caller may own a draft with. */
  ownerTeams: { id: string; name: string }[];
  /** Scopes the caller may enforce (policy.manage); admins may enforce anything. */
  enforceableTeamIds: string[];
  isAdmin: boolean;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const flat = "all" in draft.conditions ? draft.conditions.all : draft.conditions.any;
  const simple = flat.every((node) => "fact" in node);
  const [tab, setTab] = useState<"builder" | "json">(simple ? "builder" : "json");
  const [json, setJson] = useState(JSON.stringify(draft.conditions, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [dryError, setDryError] = useState<string | null>(null);
  const form = useActionForm();
  const join = "all" in draft.conditions ? "all" : "any";
  const leaves = flat.filter((node): node is ConditionLeaf => "fact" in node);
  const factType = (key: string) => facts.find((fact) => fact.key === key)?.type;
  const canEnforce = isAdmin || (draft.scopeTeamId !== "" && enforceableTeamIds.includes(draft.scopeTeamId));

  function setLeaves(next: ConditionLeaf[], nextJoin = join) {
    const conditions = nextJoin === "all" ? { all: next } : { any: next };
    setDraft({ ...draft, conditions });
    setJson(JSON.stringify(conditions, null, 2));
  }

  function conditionsNow(): RuleDraft["conditions"] | null {
    if (tab === "builder") return draft.conditions;
    try {
      const parsed = JSON.parse(json) as RuleDraft["conditions"];
      setJsonError(null);
      return parsed;
    } catch (error) {
      setJsonError(`Not valid JSON: ${(error as Error).message}`);
      return null;
    }
  }

  async function runDry() {
    const conditions = conditionsNow();
    if (!conditions) return;
    setDryError(null);
    const result = await runAction(() =>
      dryRunRuleAction({ conditions, scopeTeamId: draft.scopeTeamId || undefined, applicableFactKey: draft.applicableFactKey || undefined }),
    );
    if (result.ok) setDryRun(result.data);
    else {
      setDryRun(null);
      setDryError([result.error, ...Object.entries(result.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`)].join(" "));
    }
  }

  function save(status: "DRAFT" | "ENFORCED") {
    const conditions = conditionsNow();
    if (!conditions) return;
    const fields = {
      ...draft,
      conditions,
      scopeTeamId: draft.scopeTeamId || undefined,
      ownerTeamId: draft.ownerTeamId || undefined,
      applicableFactKey: draft.applicableFactKey || undefined,
    };
    if (draft.ruleId && draft.version) {
      form.submit({
        input: { ...fields, ruleId: draft.ruleId, version: draft.version },
        action: updateRuleAction,
        onSuccess: (data) => {
          setDraft({ ...draft, version: data.version });
          return { success: "Saved." };
        },
      });
    } else {
      form.submit({ input: { ...fields, status }, action: createRuleAction, onSuccess: (data) => router.push(`/policies/rules/${data.id}`) });
    }
  }

  const conditionErrors = Object.entries(form.fieldErrors).filter(([field]) => field.startsWith("conditions"));

  return (
    <form aria-label="Rule" className="space-y-4" onSubmit={(event) => event.preventDefault()}>
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="Name" errors={form.fieldErrors.name}>
          <input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} className={inputClasses} />
        </FormField>
        <FormField
          label="Checks"
          hint="A manager of the team enforces the rule for its sub-teams; an admin for the whole organization."
          errors={form.fieldErrors.scopeTeamId}
        >
          <select value={draft.scopeTeamId} onChange={(event) => setDraft({ ...draft, scopeTeamId: event.target.value })} className={inputClasses}>
            <option value="">The whole organization</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name} and its sub-teams
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Owner team" hint="Its members may edit the rule while it is a draft." errors={form.fieldErrors.ownerTeamId}>
          <select value={draft.ownerTeamId} onChange={(event) => setDraft({ ...draft, ownerTeamId: event.target.value })} className={inputClasses}>
            {isAdmin || ownerTeams.every((team) => team.id !== draft.ownerTeamId) ? <option value="">{isAdmin ? "None" : "Choose a team"}</option> : null}
            {ownerTeams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Kind" errors={form.fieldErrors.kind}>
          <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as RuleDraft["kind"] })} className={inputClasses}>
            <option value="RISK">Risk</option>
            <option value="OPPORTUNITY">Opportunity</option>
          </select>
        </FormField>
        <FormField label="Severity" errors={form.fieldErrors.severity}>
          <select
            value={draft.severity}
            onChange={(event) => setDraft({ ...draft, severity: event.target.value as RuleDraft["severity"] })}
            className={inputClasses}
          >
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_LABELS[severity]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Category" hint="availability, security, cost, operations or your own" errors={form.fieldErrors.category}>
          <input value={draft.category} onChange={(event) => setDraft({ ...draft, category: event.target.value })} className={inputClasses} />
        </FormField>
        <FormField label="Only services that have the fact (optional)" errors={form.fieldErrors.applicableFactKey}>
          <input
            list="fact-keys"
            value={draft.applicableFactKey}
            onChange={(event) => setDraft({ ...draft, applicableFactKey: event.target.value })}
            className={inputClasses}
          />
        </FormField>
      </div>
      <FormField label="Description" errors={form.fieldErrors.description}>
        <input value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} className={inputClasses} />
      </FormField>
      <FormField label="Rationale and remediation (Markdown)" errors={form.fieldErrors.remediation}>
        <textarea rows={4} value={draft.remediation} onChange={(event) => setDraft({ ...draft, remediation: event.target.value })} className={inputClasses} />
      </FormField>

      <datalist id="fact-keys">
        {facts.map((fact) => (
          <option key={fact.key} value={fact.key}>{`${fact.type}, ${fact.services} services`}</option>
        ))}
      </datalist>

      <fieldset className="rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-900">A service fails the rule when</legend>
        <div className="mb-3 flex gap-2" role="tablist" aria-label="Condition editor">
          <Button
            size="sm"
            variant={tab === "builder" ? "primary" : "secondary"}
            role="tab"
            aria-selected={tab === "builder"}
            disabled={!simple && tab === "json"}
            onClick={() => setTab("builder")}
          >
            Conditions
          </Button>
          <Button size="sm" variant={tab === "json" ? "primary" : "secondary"} role="tab" aria-selected={tab === "json"} onClick={() => setTab("json")}>
            JSON
          </Button>
        </div>
        {tab === "builder" ? (
          <div className="space-y-2">
            <FormField label="Join">
              <select value={join} onChange={(event) => setLeaves(leaves, event.target.value as "all" | "any")} className={`${inputClasses} w-64`}>
                <option value="all">all of these hold</option>
                <option value="any">any of these holds</option>
              </select>
            </FormField>
            {leaves.map((leaf, index) => (
              <div key={index} className="flex flex-wrap items-end gap-2" data-testid="condition-row">
                <FormField label={`Fact ${index + 1}`} errors={form.fieldErrors[`conditions.${join}.${index}.fact`]}>
                  <input
                    list="fact-keys"
                    value={leaf.fact}
                    onChange={(event) => setLeaves(leaves.map((item, i) => (i === index ? { ...item, fact: event.target.value } : item)))}
                    className={`${inputClasses} w-56`}
                  />
                </FormField>
                <FormField label={`Operator ${index + 1}`} errors={form.fieldErrors[`conditions.${join}.${index}.operator`]}>
                  <select
                    value={leaf.operator}
                    onChange={(event) =>
                      setLeaves(
                        leaves.map((item, i) =>
                          i === index
                            ? {
                                ...item,
                                operator: event.target.value as OperatorName,
                                value: typedValue(event.target.value as OperatorName, String(item.value ?? ""), factType(item.fact)),
                              }
                            : item,
                        ),
                      )
                    }
                    className={inputClasses}
                  >
                    {OPERATOR_NAMES.filter((name) => !factType(leaf.fact) || (OPERATORS[name].types as readonly string[]).includes(factType(leaf.fact)!)).map(
                      (name) => (
                        <option key={name} value={name}>
                          {OPERATORS[name].label}
                        </option>
                      ),
                    )}
                  </select>
                </FormField>
                {leaf.operator === "missing" || leaf.operator === "present" ? null : (
                  <FormField label={`Value ${index + 1}`} errors={form.fieldErrors[`conditions.${join}.${index}.value`]}>
                    <input
                      value={Array.isArray(leaf.value) ? leaf.value.join(", ") : String(leaf.value ?? "")}
                      onChange={(event) =>
                        setLeaves(
                          leaves.map((item, i) =>
                            i === index ? { ...item, value: typedValue(item.operator, event.target.value, factType(item.fact)) } : item,
                          ),
                        )
                      }
                      className={`${inputClasses} w-40`}
                    />
                  </FormField>
                )}
                <Button size="sm" variant="secondary" onClick={() => setLeaves(leaves.filter((_, i) => i !== index))} disabled={leaves.length === 1}>
                  Remove
                </Button>
              </div>
            ))}
            <Button size="sm" variant="secondary" onClick={() => setLeaves([...leaves, { fact: facts[0]?.key ?? "", operator: "equal", value: "" }])}>
              Add a condition
            </Button>
          </div>
        ) : (
          <FormField label="Conditions (json-rules-engine)" errors={jsonError ? [jsonError] : undefined}>
            <textarea rows={10} value={json} onChange={(event) => setJson(event.target.value)} className={`${inputClasses} font-mono text-xs`} />
          </FormField>
        )}
        {conditionErrors.length > 0 && tab === "json" ? (
          <Alert tone="error">{conditionErrors.map(([field, messages]) => `${field}: ${messages.join(" ")}`).join(" · ")}</Alert>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void runDry()}>
          Dry run
        </Button>
        <Button variant="secondary" onClick={() => save("DRAFT")} pending={form.pending}>
          {draft.ruleId ? "Save" : "Save as draft"}
        </Button>
        {draft.ruleId || !canEnforce ? null : (
          <Button onClick={() => save("ENFORCED")} pending={form.pending}>
            Save and enforce
          </Button>
        )}
      </div>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
      {dryError ? <Alert tone="error">{dryError}</Alert> : null}
      {dryRun ? (
        <section aria-label="Dry run" className="rounded-lg border border-slate-200 p-4 text-sm">
          <p className="font-medium text-slate-900" data-testid="dry-run-summary">
            Would fail {dryRun.failing.length} of {dryRun.applicable} services
            {dryRun.applicable !== dryRun.total ? ` (${dryRun.total - dryRun.applicable} not applicable)` : ""}
          </p>
          <ul className="mt-2 max-h-64 list-disc overflow-y-auto pl-5 text-slate-700">
            {dryRun.failing.map((service) => (
              <li key={service.id}>
                {service.name} <span className="text-slate-600">({service.teamName})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </form>
  );
}
