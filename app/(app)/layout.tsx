import { AppShell } from "@/components/shell/app-shell";
import { CordBanner } from "@/components/shell/cord-banner";
import { requirePageUser } from "@/lib/auth/session";
import { TEAM_ROLE_LABELS } from "@/lib/permissions";
import type { CurrentUser } from "@/lib/auth/principal";

function roleSummary(user: CurrentUser): string {
  if (user.isAdmin) return "Organization admin";
  const roles = new Set(user.directTeamIds.map((teamId) => user.teamRoles.get(teamId)).filter(Boolean));
  if (roles.size === 0) return "No team yet";
  return [...roles].map((role) => TEAM_ROLE_LABELS[role!]).join(", ");
}

// The frame only: each page checks its own permissions (CONTRIBUTING.md rule 3).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <AppShell user={{ name: user.name, email: user.email, organizationName: user.organizationName, roleSummary: roleSummary(user) }}>
      <CordBanner />
      {children}
    </AppShell>
  );
}
