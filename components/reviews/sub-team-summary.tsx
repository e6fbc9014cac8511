import { Card, CardHeader } from "@/components/ui/card";
import { TableBody, TableHead } from "@/components/ui/table-parts";
import type { SubTeamLine } from "@/lib/reviews/agenda-types";
import { formatMttrChange } from "@/lib/reviews/format";

const hours = (value: number | null) => (value === null ? "—" : value < 1 ? `${Math.round(value * 60)} min` : `${value.toFixed(1)} h`);

/** One line per sub-team of a parent team's review: overdue actions, new COEs, MTTR change. */
export function SubTeamSummary({ lines, large = false }: { lines: SubTeamLine[]; large?: boolean }) {
  return (
    <Card>
      <CardHeader title="Sub-teams" description="Each line counts the sub-team's whole subtree. MTTR: median over the last 28 days against the 28 before." />
      <div className="relative overflow-x-auto">
        <table className={`min-w-full divide-y divide-slate-200 ${large ? "text-lg" : "text-sm"}`}>
          <TableHead columns={["Team", "Overdue actions", "New COEs this week", "MTTR", "MTTR change"]} />
          <TableBody>
            {lines.map((line) => (
              <tr key={line.teamId}>
                <td className="px-4 py-2 font-medium">{line.teamName}</td>
                <td className={`px-4 py-2 tabular-nums ${line.overdueActions > 0 ? "font-semibold text-red-700" : ""}`}>{line.overdueActions}</td>
                <td className="px-4 py-2 tabular-nums">{line.newCoes}</td>
                <td className="px-4 py-2 tabular-nums">{hours(line.mttrHours)}</td>
                <td
                  className={`px-4 py-2 tabular-nums ${line.mttrChangePct !== null && line.mttrChangePct > 0 ? "text-red-700" : line.mttrChangePct !== null ? "text-emerald-700" : ""}`}
                >
                  {formatMttrChange(line.mttrChangePct)}
                </td>
              </tr>
            ))}
          </TableBody>
        </table>
      </div>
    </Card>
  );
}
