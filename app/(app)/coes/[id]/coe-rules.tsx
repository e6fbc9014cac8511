import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/principal";
import { teamsWith } from "@/lib/permissions";
import type { CoeRule } from "@/lib/policies/coe-rules";
import { coeRuleResults } from "@/lib/policies/queries";

/** On a COE: the rules its lessons became, and "Make this a rule" for anyone who may propose one (member and above). */
export async function CoeRules({ user, coeId, rules: made }: { user: CurrentUser; coeId: string; rules: CoeRule[] }) {
  const rules = await coeRuleResults(user, made);
  const proposer = teamsWith(user, "policy.facts");
  const canWrite = proposer === "all" || proposer.length > 0;
  if (rules.length === 0 && !canWrite) return null;
  return (
    <Card>
      <CardBody>
        <h2 className="text-sm font-semibold text-slate-900">Propagate the lesson</h2>
        {rules.length === 0 ? <p className="mt-2 text-sm text-slate-700">No rule checks this lesson yet.</p> : null}
        <ul className="mt-2 space-y-2 text-sm">
          {rules.map((rule) => (
            <li key={rule.id} data-testid="coe-rule">
              <Link className="font-medium text-indigo-700 hover:underline" href={`/policies/rules/${rule.id}`}>
                {rule.name}
              </Link>
              <p className="text-slate-700">
                {rule.status === "ENFORCED" ? "This lesson now checks" : "Would check"} {rule.checks} service{rule.checks === 1 ? "" : "s"}: {rule.failing}{" "}
                failing
              </p>
            </li>
          ))}
        </ul>
        {canWrite ? (
          <ButtonLink className="mt-3" href={`/policies/rules/new?coe=${coeId}`} variant="secondary" size="sm">
            Make this a rule
          </ButtonLink>
        ) : null}
      </CardBody>
    </Card>
  );
}
