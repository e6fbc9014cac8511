import { SeverityBadge } from "@/components/coes/coe-badges";
import type { CurrentUser } from "@/lib/auth/principal";
import { coesAwaitingMyReview } from "@/lib/home/queries";
import { HomeBlock, HomeRow, daysAgo } from "./home-block";

/** Reviewers and managers: COEs in review on their teams that someone else wrote. */
export async function ReviewQueueBlock({ user }: { user: CurrentUser }) {
  const queue = await coesAwaitingMyReview(user);
  if (!queue) return null;
  return (
    <HomeBlock
      title="COEs awaiting your review"
      count={queue.total}
      href="/coes?status=IN_REVIEW"
      empty="No COE is waiting for a review on your teams. Every submitted write-up has had its bar-raiser."
    >
      {queue.rows.map((coe) => (
        <HomeRow
          key={coe.id}
          href={`/coes/${coe.id}`}
          title={coe.title}
          badge={<SeverityBadge severity={coe.severity} />}
          meta={`${coe.team.name} · submitted ${coe.submittedAt ? daysAgo(coe.submittedAt) : "recently"}`}
        />
      ))}
    </HomeBlock>
  );
}
