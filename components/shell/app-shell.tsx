import Link from "next/link";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { NotificationBell } from "@/components/shell/notification-bell";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { CalendarIcon, ChartIcon, CheckIcon, DocumentIcon, HomeIcon, SettingsIcon } from "@/components/shell/icons";

const NAV: NavItem[] = [
  { href: "/", label: "Home", icon: <HomeIcon /> },
  { href: "/coes", label: "COEs", icon: <DocumentIcon /> },
  { href: "/actions", label: "Actions", icon: <CheckIcon /> },
  { href: "/reviews", label: "Reviews", icon: <CalendarIcon /> },
  { href: "/metrics", label: "Metrics", icon: <ChartIcon /> },
  { href: "/settings", label: "Settings", icon: <SettingsIcon /> },
];

export type ShellUser = { name: string; email: string; organizationName: string; roleSummary: string };

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 text-white">
      <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-brand-400 text-sm font-bold text-slate-900">
        A
      </span>
      <span className="text-lg font-semibold tracking-tight">Andon</span>
    </Link>
  );
}

function UserBlock({ user }: { user: ShellUser }) {
  return (
    <div className="border-t border-slate-800 px-3 pt-4">
      <p className="truncate text-sm font-medium text-white">{user.name}</p>
      <p className="truncate text-xs text-slate-400">{user.email}</p>
      <p className="mt-1 truncate text-xs text-slate-400">{user.roleSummary}</p>
      <SignOutButton className="mt-3 text-slate-300 hover:text-white" />
    </div>
  );
}

/** The frame around every signed-in page: it draws, it does not guard (pages authorize themselves). */
export function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  return (
    <div className="min-h-screen lg:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="no-print hidden w-60 shrink-0 flex-col bg-slate-900 py-5 lg:flex">
        <div className="px-5">
          <div className="flex items-center justify-between gap-2">
            <Brand />
            <NotificationBell />
          </div>
          <p className="mt-1 truncate text-xs text-slate-400">{user.organizationName}</p>
        </div>
        <nav aria-label="Main" className="mt-8 flex-1 px-3">
          <NavLinks items={NAV} />
        </nav>
        <UserBlock user={user} />
      </aside>
      <header className="no-print relative bg-slate-900 lg:hidden">
        <div className="absolute right-20 top-3 z-30">
          <NotificationBell />
        </div>
        <details className="group">
          <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3">
            <Brand />
            <span className="rounded-md px-2 py-1 text-sm text-slate-300 ring-1 ring-slate-700">Menu</span>
          </summary>
          <nav aria-label="Main" className="px-3 pb-4">
            <NavLinks items={NAV} />
            <div className="mt-4">
              <UserBlock user={user} />
            </div>
          </nav>
        </details>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:py-10">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
