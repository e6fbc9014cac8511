import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format-date";
import type { CurrentUser } from "@/lib/auth/principal";
import { actionsAwaitingMyVerification, myDueActions } from "@/lib/home/queries";
import { totalLabel } from "@/lib/sql-sections";
import { HomeBlock, HomeRow, daysAgo } from "./home-block";

/** Action owners: their actions overdue or due within a week. */
export async function MyActionsBlock({ user }: { user: CurrentUser }) {
  const due = await myDueActions(user);
  if (!due) return null;
  return (
    <HomeBlock
      title="Your actions due"
      count={due.rows.length}
      href="/actions?view=mine"
      linkLabel={due.ownedOpen > 0 ? `All ${totalLabel(due.ownedOpen)} open` : "My actions"}
      empty={
        due.ownedOpen > 0
          ? `Nothing overdue or due this week. ${totalLabel(due.ownedOpen)} open action${due.ownedOpen === 1 ? "" : "s"} of yours ${due.ownedOpen === 1 ? "is" : "are"} on schedule.`
          : "You own no open corrective action. Nothing overdue, nothing due this week."
      }
    >
      {due.rows.map((action) => (
        <HomeRow
          key={action.id}
          href={`/actions/${action.id}`}
          title={action.title}
          badge={action.overdue ? <Badge tone="red">Overdue</Badge> : <Badge tone="amber">Due this week</Badge>}
          meta={`${action.team.name} · due ${action.dueDate ? formatDate(action.dueDate) : "—"}`}
        />
      ))}
    </HomeBlock>
  );
}

/** Reviewers and managers: done actions on their teams waiting for proof that they worked. */
export async function VerificationQueueBlock({ user }: { user: CurrentUser }) {
  const queue = await actionsAwaitingMyVerification(user);
  if (!queue) return null;
  return (
    <HomeBlock
      title="Actions waiting for your verification"
      count={queue.total}
      href="/actions?view=team&status=DONE"
      empty="No done action is waiting for verification on your teams: every finished fix has its proof."
    >
      {queue.rows.map((action) => (
        <HomeRow
          key={action.id}
          href={`/actions/${action.id}`}
          title={action.title}
          meta={`${action.team.name} · ${action.owner?.name ?? "no owner"} · done ${action.completedAt ? daysAgo(action.completedAt) : "recently"}`}
        />
      ))}
    </HomeBlock>
  );
}
