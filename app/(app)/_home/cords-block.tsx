import { Badge } from "@/components/ui/badge";
import type { CurrentUser } from "@/lib/auth/principal";
import { openCordsForHome } from "@/lib/home/queries";
import { HomeBlock, HomeRow, daysAgo } from "./home-block";

/**
 * Stopped lines on the services of the caller's teams and everything below them: a cord deep in
 * the tree shows on the home of every team above it. Hidden while every line runs.
 */
export async function CordsBlock({ user }: { user: CurrentUser }) {
  const cords = await openCordsForHome(user);
  if (cords.total === 0) return null;
  return (
    <HomeBlock title="Line stopped" count={cords.total} href="/cords?status=open" linkLabel="Cords" empty="Every line runs.">
      {cords.rows.map((cord) => (
        <HomeRow
          key={cord.id}
          href={cord.url}
          title={`${cord.serviceName}: ${cord.problem}`}
          badge={cord.coeDue ? <Badge tone="amber">COE due</Badge> : <Badge tone="red">Stopped</Badge>}
          meta={`Pulled ${daysAgo(cord.pulledAt)} by ${cord.pulledByName ?? "a former user"}${cord.plusOnes > 0 ? ` · ${cord.plusOnes} +1` : ""}`}
        />
      ))}
    </HomeBlock>
  );
}
