import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { scheduleLabel } from "@/lib/reviews/format";
import type { SeriesAbove } from "@/lib/reviews/queries";

/**
 * "Checkout is reviewed in Retail's weekly review": for someone whose teams have no series of their
 * own, the series above them and what they may do there. Neither submitter nor viewer may open the
 * parent's agenda (it covers the whole subtree), so there is no link to it here.
 */
export function ReviewedAbove({ entries }: { entries: SeriesAbove[] }) {
  return (
    <Card>
      <CardHeader
        title="Where your team is reviewed"
        description="Your team has no weekly review of its own; it is reviewed in the meeting of a team above it."
      />
      <CardBody>
        <ul className="space-y-4 text-sm" aria-label="Where your team is reviewed">
          {entries.map(({ team, series, canSubmit, role }) => (
            <li key={`${team.id}-${series.id}`} className="space-y-1">
              <p className="text-slate-900">
                <span className="font-medium">{team.name}</span> is reviewed in <span className="font-medium">{series.name}</span>, held by {series.team.name} (
                {scheduleLabel(series)}).
              </p>
              <p className="text-slate-700">
                {canSubmit
                  ? `You can submit a success, a failing or a best-practice proposal to it below. Its agenda and minutes are open to ${series.team.name}'s readers.`
                  : `Read-only for you: ${
                      role === "VIEWER" ? `as a viewer of ${team.name}` : `with your role on ${team.name}`
                    } you cannot submit items to it, and its agenda and minutes are open to ${series.team.name}'s readers. A member of ${team.name} can bring a success or failing to it.`}
              </p>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
