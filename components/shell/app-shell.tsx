import Link from "next/link";
import { Suspense } from "react";
import { MobileMenu } from "@/components/shell/mobile-menu";
import { NavigationProgress } from "@/components/shell/navigation-progress";
import { NavLinks } from "@/components/shell/nav-links";
import { NotificationBell } from "@/components/shell/notification-bell";
import { UserMenu, type ShellUser } from "@/components/shell/user-menu";

export type { ShellUser };

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

/** The frame around every signed-in page: it draws, it does not guard (pages authorize themselves). */
export function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <Suspense fallback={null}>
        <NavigationProgress />
      </Suspense>
      {/* The sidebar is the page's banner on wide screens (the header below is on narrow ones): an
          aside here would be a second, unnamed complementary landmark beside the pages' own asides. */}
      <header className="no-print sticky top-0 z-30 hidden h-screen w-60 shrink-0 flex-col bg-slate-900 py-5 lg:flex">
        <div className="px-5">
          <div className="flex items-center justify-between gap-2">
            <Brand />
            <NotificationBell placement="sidebar" />
          </div>
          <p className="mt-1 truncate text-xs text-slate-400">{user.organizationName}</p>
        </div>
        <nav aria-label="Main" className="mt-8 flex-1 overflow-y-auto px-3">
          <NavLinks />
        </nav>
        <div className="border-t border-slate-800 px-2 pt-3">
          <UserMenu user={user} />
        </div>
      </header>
      <header className="no-print relative z-30 flex items-center justify-between gap-2 bg-slate-900 px-4 py-3 lg:hidden">
        <Brand />
        <div className="flex items-center gap-2">
          <NotificationBell placement="header" />
          <MobileMenu user={user} />
        </div>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:py-10">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
