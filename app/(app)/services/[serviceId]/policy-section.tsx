import Link from "next/link";
import { FindingStatusBadge, SeverityBadge, factText } from "@/components/policies/policy-badges";
import { Card, CardHeader } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/permissions";
import { listFindings, serviceFacts } from "@/lib/policies/queries";
import type { ServicePageService } from "@/lib/services/queries";
import { FactsUpload } from "./facts-upload";

/** The service's policy findings (readers of the owning team) and its facts, with a CSV upload for the team's members. */
export async function PolicySection({ user, service }: { user: CurrentUser; service: ServicePageService }) {
  if (!can(user, "team.view", service.teamId)) return null;
  const [findings, facts] = await Promise.all([listFindings(user, { serviceId: service.id }, { limit: 20 }), serviceFacts(user, service.id)]);
  return (
    <Card>
      <CardHeader
        title="Policy findings and facts"
        description="Rules that fail for this service, and the facts they look at."
        actions={
          <Link href={`/policies?team=${service.teamId}`} className="text-sm font-medium text-indigo-700 hover:underline">
            Compliance
          </Link>
        }
      />
      {findings.length === 0 ? (
        <p className="px-5 py-3 text-sm text-slate-700">No open findings: every enforced rule passes.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {findings.slice(0, 20).map((finding) => (
            <li key={finding.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
              <Link className="font-medium text-indigo-700 hover:underline" href={`/policies/findings/${finding.id}`}>
                {finding.rule.name}
              </Link>
              <span className="flex gap-2">
                <SeverityBadge severity={finding.rule.severity} />
                <FindingStatusBadge status={finding.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <details className="border-t border-slate-200 px-5 py-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-900">Facts ({facts.length})</summary>
        <div className="relative mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Facts about the service</caption>
            <thead>
              <tr className="text-slate-700">
                <th className="py-1 pr-4 font-medium">Key</th>
                <th className="py-1 pr-4 font-medium">Value</th>
                <th className="py-1 pr-4 font-medium">Source</th>
                <th className="py-1 font-medium">Observed</th>
              </tr>
            </thead>
            <tbody>
              {facts.map((fact) => (
                <tr key={fact.key} className="border-t border-slate-100">
                  <td className="py-1 pr-4 font-mono text-slate-800">{fact.key}</td>
                  <td className="py-1 pr-4 text-slate-900">{factText(fact.value)}</td>
                  <td className="py-1 pr-4 text-slate-700">{fact.source}</td>
                  <td className="py-1 text-slate-700">{fact.observedAt.toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {can(user, "policy.facts", service.teamId) ? <FactsUpload serviceId={service.id} /> : null}
      </details>
    </Card>
  );
}
