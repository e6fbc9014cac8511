import { SettingsNav } from "./settings-nav";
import { getCurrentUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/permissions";
import { canManageWebhooks } from "@/lib/webhooks/access";

// Draws the sub-navigation only; every settings page authorizes itself (CONTRIBUTING.md rule 3).
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const groups = [
    {
      title: "You",
      links: [
        { href: "/settings/account", label: "Account" },
        { href: "/settings/tokens", label: "API tokens" },
      ],
    },
    ...(user && canManageWebhooks(user)
      ? [
          {
            title: "Integrations",
            links: [
              { href: "/settings/webhooks", label: "Webhooks" },
              { href: "/settings/integrations", label: "Ticket sync" },
            ],
          },
        ]
      : []),
    ...(user && canAdminister(user)
      ? [
          {
            title: "Organization",
            links: [
              { href: "/settings/teams", label: "Teams" },
              { href: "/settings/services", label: "Services" },
              { href: "/verification/dimensions", label: "Verification dimensions" },
              { href: "/settings/users", label: "Users" },
              { href: "/settings/audit", label: "Audit log" },
            ],
          },
        ]
      : []),
  ];
  return (
    <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-10">
      <nav aria-label="Settings" className="mb-6 border-b border-slate-200 pb-4 lg:mb-0 lg:border-b-0 lg:pb-0">
        <SettingsNav groups={groups} />
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
