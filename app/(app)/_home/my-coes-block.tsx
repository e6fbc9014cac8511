import { Badge } from "@/components/ui/badge";
import type { CurrentUser } from "@/lib/auth/principal";
import { myOpenCoes } from "@/lib/home/queries";
import { HomeBlock, HomeRow, daysAgo } from "./home-block";

/** Authors: their drafts and COEs in review, changes requested and stale drafts first. */
export async function MyCoesBlock({ user }: { user: CurrentUser }) {
  const mine = await myOpenCoes(user);
  if (!mine) return null;
  return (
    <HomeBlock
      title="Your COEs"
      count={mine.needsMe}
      href={`/coes?authorId=${encodeURIComponent(user.userId)}`}
      empty="You have no COE in draft or in review. When an incident happens on your team, the write-up starts here."
    >
      {mine.rows.map((coe) => (
        <HomeRow
          key={coe.id}
          href={coe.status === "DRAFT" ? `/coes/${coe.id}/edit` : `/coes/${coe.id}`}
          title={coe.title}
          badge={
            coe.changesRequested ? (
              <Badge tone="amber">Changes requested</Badge>
            ) : coe.staleDays > 0 ? (
              <Badge tone="amber">Untouched {coe.staleDays} days</Badge>
            ) : coe.status === "IN_REVIEW" ? (
              <Badge tone="indigo">In review</Badge>
            ) : (
              <Badge>Draft</Badge>
            )
          }
          meta={`${coe.team.name} · last edited ${daysAgo(coe.updatedAt)}`}
        />
      ))}
    </HomeBlock>
  );
}
