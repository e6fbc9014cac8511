import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canCreateCoe } from "@/lib/coes/queries";
import { CordsBlock } from "./_home/cords-block";
import { HomeGrid } from "./_home/home-block";
import { MetricsBlock } from "./_home/metrics-block";
import { PolicyBlock } from "./_home/policy-block";
import { MyActionsBlock, VerificationQueueBlock } from "./_home/my-actions-block";
import { MyCoesBlock } from "./_home/my-coes-block";
import { NextReviewBlock } from "./_home/next-review-block";
import { ReviewQueueBlock } from "./_home/review-queue-block";
import { VerificationBlock } from "./_home/verification-block";

/**
 * Home: what needs the caller today, one block per kind of work, each scoped to what they may see
 * and hidden when their roles can never fill it. Features add a block as a server component in
 * `_home/<domain>-block.tsx` taking `{ user }`, and one line in the list below.
 */
export default async function HomePage() {
  const user = await requirePageUser();
  const firstName = user.name.split(" ")[0] ?? user.name;
  const onATeam = user.directTeamIds.length > 0 || user.isAdmin;
  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={`What needs you in ${user.organizationName} today.`}
        actions={canCreateCoe(user) ? <ButtonLink href="/coes/new">Write a COE</ButtonLink> : undefined}
      />
      {onATeam ? (
        <HomeGrid>
          <CordsBlock user={user} />
          <ReviewQueueBlock user={user} />
          <MyCoesBlock user={user} />
          <MyActionsBlock user={user} />
          <VerificationQueueBlock user={user} />
          <NextReviewBlock user={user} />
          <MetricsBlock user={user} />
          <PolicyBlock user={user} />
          <VerificationBlock user={user} />
        </HomeGrid>
      ) : (
        <EmptyState title="You are not on a team yet">
          Ask an organization admin to add you to your team. You can still read approved COEs across the organization.
        </EmptyState>
      )}
      <p className="mt-8 text-sm text-slate-600">
        Looking for a team or a service? See{" "}
        <Link className="font-medium text-indigo-700 underline underline-offset-2" href="/services">
          teams and services
        </Link>
        .
      </p>
    </>
  );
}
