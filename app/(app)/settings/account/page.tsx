import type { Metadata } from "next";
import { PasswordForm } from "./password-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { TEAM_ROLE_LABELS } from "@/lib/permissions";
import { findUser } from "@/lib/users/queries";
import { notificationOptOutsFor } from "@/lib/notifications/queries";
import { NotificationPreferences } from "./notification-preferences";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser();
  const [account, optedOut] = await Promise.all([findUser(user, user.userId), notificationOptOutsFor(user)]);
  const memberships = account?.memberships ?? [];
  return (
    <>
      <PageHeader title="Account" description="Who you are in Andon, the teams you belong to, and your password." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Profile" description={`Your account in ${user.organizationName}. An organization admin can change your name, email and roles.`} />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium text-slate-600">Name</dt>
              <dd className="text-slate-900">{user.name}</dd>
              <dt className="font-medium text-slate-600">Email</dt>
              <dd className="text-slate-900">{user.email}</dd>
              <dt className="font-medium text-slate-600">Organization role</dt>
              <dd>{user.isAdmin ? <Badge tone="indigo">Organization admin</Badge> : <span className="text-slate-900">Member of the organization</span>}</dd>
              <dt className="font-medium text-slate-600">Teams</dt>
              <dd>
                {memberships.length === 0 ? (
                  <span className="text-slate-600">You are not on a team yet. Ask an organization admin to add you to yours.</span>
                ) : (
                  <>
                    <ul className="space-y-1.5">
                      {memberships.map((membership) => (
                        <li key={membership.team.id} className="flex items-center gap-2">
                          <span className="text-slate-900">{membership.team.name}</span>
                          <Badge tone="indigo">{TEAM_ROLE_LABELS[membership.role]}</Badge>
                        </li>
                      ))}
                    </ul>
                    <p className="mt-2 text-xs text-slate-600">A role on a team also applies to all of its sub-teams.</p>
                  </>
                )}
              </dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Notifications"
            description="What Andon tells you about, in the bell and by email when email is set up. Action reminders (assigned, due, overdue, escalated) always come."
          />
          <CardBody>
            <NotificationPreferences optedOut={optedOut} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Change password" description="Changing your password signs you out everywhere else; this browser stays signed in." />
          <CardBody>
            <PasswordForm email={user.email} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
