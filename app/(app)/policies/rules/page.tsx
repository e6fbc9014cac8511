import type { Metadata } from "next";
import Link from "next/link";
import { RuleStatusBadge, SeverityBadge } from "@/components/policies/policy-badges";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableEmpty, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { draftTeams, manageableTeams } from "@/lib/policies/page-data";
import { listRules } from "@/lib/policies/queries";
import { canManageRuleScope } from "@/lib/policies/rule-access";
import { RuleStatusControl } from "./rule-status-control";

export const metadata: Metadata = { title: "Policy rules" };

export default async function RulesPage() {
  const user = await requirePageUser();
  const [rules, teams, proposerTeams] = await Promise.all([listRules(user), manageableTeams(user), draftTeams(user)]);
  return (
    <>
      <PageHeader
        title="Policy rules"
        description="Checks over service facts. The built-in library ships disabled: enforce what applies to you and edit its thresholds."
        actions={proposerTeams.length > 0 || user.isAdmin ? <ButtonLink href="/policies/rules/new">New rule</ButtonLink> : undefined}
      />
      <p className="mb-4 text-sm">
        <Link className="text-indigo-700 underline" href="/policies">
          ← Compliance
        </Link>
      </p>
      <Card>
        {rules.length === 0 ? (
          <TableEmpty>No rules yet.</TableEmpty>
        ) : (
          <Table caption="Rules">
            <TableHead columns={["Rule", "Status", "Severity", "Checks", "Failing", "Acknowledged"]} actions />
            <TableBody>
              {rules.map((rule) => {
                const manageable = canManageRuleScope(user, rule.scopeTeamId) || (rule.scopeTeamId === null && rule.status !== "ENFORCED" && teams.length > 0);
                return (
                  <tr key={rule.id}>
                    <Td>
                      <Link className="font-medium text-indigo-700 hover:underline" href={`/policies/rules/${rule.id}`}>
                        {rule.name}
                      </Link>
                      {rule.sourceCoe ? <span className="block text-xs text-slate-600">from COE “{rule.sourceCoe.title}”</span> : null}
                    </Td>
                    <Td>
                      <RuleStatusBadge status={rule.status} />
                    </Td>
                    <Td>
                      <SeverityBadge severity={rule.severity} />
                    </Td>
                    <Td>{rule.scopeTeam?.name ?? "Whole organization"}</Td>
                    <Td>{rule.counts.open}</Td>
                    <Td>{rule.counts.acknowledged}</Td>
                    <Td>
                      {manageable ? (
                        <RuleStatusControl
                          ruleId={rule.id}
                          ruleName={rule.name}
                          version={rule.version}
                          status={rule.status}
                          chooseTeam={rule.scopeTeamId === null && !user.isAdmin}
                          teams={teams}
                        />
                      ) : null}
                    </Td>
                  </tr>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
