import { Badge } from "@/components/ui/badge";
import type { CurrentUser } from "@/lib/auth/principal";
import { openCordsInMyScope } from "@/lib/cords/queries";
import { HomeBlock, HomeRow, daysAgo } from "./home-block";

/**
 * Stopped lines on the services of the caller's teams and everything below them: a cord deep in
 * the tree shows on the home of every team above it. Hidden while every line runs.
 */
export async function CordsBlock({ user }: { user: CurrentUser }) {
  const cords = await openCordsInMyScope(user);
  if (cords.total === 0) return null;
  return (
    <HomeBlock title="Line stopped" count={cords.total} href="/cords?status=open" linkLabel="Cords" empty="Every line runs.">
      {cords.rows.map((cord) => (
        <HomeRow
          key={cord.id}
          href={cord.url}
          title={`${cord.service.name}: ${cord.problem}`}
          badge={cord.coeDue ? <Badge tone="amber">COE due</Badge> : <Badge tone="red">Stopped</Badge>}
          meta={`Pulled ${daysAgo(new Date(cord.pulledAt))} by ${cord.pulledBy?.name ?? "a former user"}${cord.plusOnes > 0 ? ` · ${cord.plusOnes} +1` : ""}`}
        />
      ))}
    </HomeBlock>
  );
}
