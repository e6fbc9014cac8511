import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RuleStatusBadge, SeverityBadge } from "@/components/policies/policy-badges";
import { RuleRemediation } from "@/components/policies/rule-remediation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { draftTeams, manageableTeams } from "@/lib/policies/page-data";
import { factCatalog, getRule, incidentsAfterFindings } from "@/lib/policies/queries";
import { canEditRule, canManageRuleScope } from "@/lib/policies/rule-access";
import { conditionsSchema } from "@/lib/policies/conditions";
import { RuleEditor } from "../rule-editor";
import { RuleStatusControl } from "../rule-status-control";
import { DeleteRuleButton } from "../delete-rule-button";

export const metadata: Metadata = { title: "Rule" };

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const rule = await getRule(user, (await params).id);
  if (!rule) notFound();
  const [facts, teams, proposerTeams, incidents] = await Promise.all([
    factCatalog(user),
    manageableTeams(user),
    draftTeams(user),
    incidentsAfterFindings(user, rule.id),
  ]);
  const canEdit = canEditRule(user, rule);
  const canSetStatus = canManageRuleScope(user, rule.scopeTeamId) || (rule.scopeTeamId === null && rule.status !== "ENFORCED" && teams.length > 0);
  // The editor's pickers: the caller's teams, plus the rule's own so that saving keeps them.
  const withRuleTeam = (list: { id: string; name: string }[], team: { id: string; name: string } | null) =>
    team && !list.some((item) => item.id === team.id) ? [...list, team] : list;
  const conditions = conditionsSchema.safeParse(rule.conditions);
  return (
    <>
      <PageHeader title={rule.name} description={rule.description || undefined} />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <RuleStatusBadge status={rule.status} />
        <SeverityBadge severity={rule.severity} />
        <span className="text-slate-700">
          {rule.kind === "RISK" ? "Risk" : "Opportunity"} · {rule.category} · checks {rule.scopeTeam?.name ?? "the whole organization"}
        </span>
        {rule.sourceCoe ? (
          <Link className="text-indigo-700 underline" href={`/coes/${rule.sourceCoe.id}`} data-testid="rule-source-coe">
            from COE “{rule.sourceCoe.title}”
          </Link>
        ) : null}
        <Link className="text-indigo-700 underline" href={`/policies?team=${rule.scopeTeamId ?? ""}`}>
          Compliance
        </Link>
        {canEdit ? (
          <span className="ml-auto">
            <DeleteRuleButton ruleId={rule.id} ruleName={rule.name} version={rule.version} findings={rule._count.findings} />
          </span>
        ) : null}
      </div>
      {rule.status === "DRAFT" && !canSetStatus ? (
        <p className="mb-6 text-sm text-slate-700" data-testid="rule-draft-note">
          A draft: a manager of {rule.scopeTeam?.name ?? "the team it should check"} enforces it.
        </p>
      ) : null}
      {canSetStatus ? (
        <div className="mb-6">
          <RuleStatusControl
            ruleId={rule.id}
            ruleName={rule.name}
            version={rule.version}
            status={rule.status}
            chooseTeam={rule.scopeTeamId === null && !user.isAdmin}
            teams={teams}
          />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader title={canEdit ? "Edit" : "Conditions"} description="A service fails the rule when the conditions hold." />
          <CardBody>
            {canEdit && conditions.success ? (
              <RuleEditor
                key={rule.version}
                facts={facts}
                teams={withRuleTeam(proposerTeams, rule.scopeTeam)}
                ownerTeams={withRuleTeam(proposerTeams, rule.ownerTeam)}
                enforceableTeamIds={teams.map((team) => team.id)}
                isAdmin={user.isAdmin}
                initial={{
                  ruleId: rule.id,
                  version: rule.version,
                  name: rule.name,
                  description: rule.description,
                  remediation: rule.remediation,
                  kind: rule.kind,
                  severity: rule.severity,
                  category: rule.category,
                  scopeTeamId: rule.scopeTeamId ?? "",
                  ownerTeamId: rule.ownerTeamId ?? "",
                  applicableFactKey: rule.applicableFactKey ?? "",
                  conditions: conditions.data,
                }}
              />
            ) : (
              <>
                <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs text-slate-800">{JSON.stringify(rule.conditions, null, 2)}</pre>
                <RuleRemediation source={rule.remediation} />
              </>
            )}
          </CardBody>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Did ignoring it hurt?" description="Incidents that started on services while they failed this rule." />
            <CardBody>
              {incidents.length === 0 ? (
                <p className="text-sm text-slate-700">None so far.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {incidents.map((coe) => (
                    <li key={coe.id}>
                      <Link className="text-indigo-700 underline" href={`/coes/${coe.id}`}>
                        {coe.title}
                      </Link>{" "}
                      <span className="text-slate-600">({coe.severity})</span>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="History" description="Who changed what." />
            <CardBody>
              <ol className="space-y-1 text-sm text-slate-700">
                {rule.revisions.map((revision) => (
                  <li key={revision.id.toString()}>
                    v{revision.version} · {revision.createdAt.toISOString().slice(0, 10)} · {revision.changedBy?.name ?? "Andon"}: {revision.summary}
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
