import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { draftTeams, manageableTeams } from "@/lib/policies/page-data";
import { coeForRule, factCatalog } from "@/lib/policies/queries";
import { RuleEditor, type RuleDraft } from "../rule-editor";
import { searchParam, type RawSearchParams } from "@/lib/validation/search-params";

export const metadata: Metadata = { title: "New rule" };

/**
 * `?coe=<id>` prefills the rule from that COE's lessons ("make this a rule"). Anyone on a team may
 * propose a draft owned by it; managers (of the scope) may also enforce it at once.
 */
export default async function NewRulePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser();
  const [teams, managed] = await Promise.all([draftTeams(user), manageableTeams(user)]);
  if (teams.length === 0 && !user.isAdmin) redirect("/forbidden");
  const coeId = searchParam(await searchParams, "coe", 64);
  const [facts, coe] = await Promise.all([factCatalog(user), coeId ? coeForRule(user, coeId.slice(0, 100)) : null]);
  const lesson = coe?.lessonsLearned
    .split("\n")
    .map((line) => line.replace(/^[\s*#>-]+/, "").trim())
    .find(Boolean);
  const initial: RuleDraft = {
    name: coe ? (lesson ?? `Lesson from ${coe.title}`).slice(0, 150) : "",
    description: "",
    remediation: coe ? `Learned in the COE [“${coe.title}”](/coes/${coe.id}).\n\n${coe.lessonsLearned}`.slice(0, 20000) : "",
    kind: "RISK",
    severity: "HIGH",
    category: "operations",
    // A lesson checks its own team's subtree by default; the scope can widen before the dry run.
    scopeTeamId: user.isAdmin ? "" : (teams.find((team) => team.id === coe?.teamId) ?? managed[0] ?? teams[0]!).id,
    ownerTeamId: (teams.find((team) => team.id === coe?.teamId) ?? teams[0])?.id ?? "",
    applicableFactKey: "",
    sourceCoeId: coe?.id,
    conditions: { all: [{ fact: facts[0]?.key ?? "tls.expiresAt", operator: "present", value: null }] },
  };
  return (
    <>
      <PageHeader
        title={coe ? "Make this lesson a rule" : "New rule"}
        description={
          coe
            ? `From the COE “${coe.title}”: dry-run it across the organization, then enforce it.`
            : "Describe when a service fails the rule, dry-run it, then save."
        }
      />
      <RuleEditor initial={initial} facts={facts} teams={teams} ownerTeams={teams} enforceableTeamIds={managed.map((team) => team.id)} isAdmin={user.isAdmin} />
    </>
  );
}
