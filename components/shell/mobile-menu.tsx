"use client";

import Link from "next/link";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import type { ShellUser } from "@/components/shell/user-menu";
import { Popover } from "@/components/ui/popover";

/** The phone menu's account block: the sidebar's user menu, laid out flat. */
function MobileUserBlock({ user }: { user: ShellUser }) {
  return (
    <div className="mt-4 border-t border-slate-800 px-3 pt-4">
      <p className="truncate text-sm font-medium text-white">{user.name}</p>
      <p className="truncate text-xs text-slate-400">{user.email}</p>
      <p className="mt-1 truncate text-xs text-slate-400">{user.roleSummary}</p>
      <div className="mt-3 flex gap-4">
        <Link href="/settings/account" className="text-sm font-medium text-slate-300 hover:text-white">
          Account settings
        </Link>
        <SignOutButton className="text-slate-300 hover:text-white" />
      </div>
    </div>
  );
}

/**
 * The phone header's menu: the sections and the account, in a modal panel under the header (Tab
 * stays inside until it closes) that closes on Escape, a tap outside and every navigation. Its
 * markup is added when it is first opened.
 */
export function MobileMenu({ user }: { user: ShellUser }) {
  return (
    <Popover
      trapFocus
      mountOnOpen
      panelLabel="Menu"
      trigger="Menu"
      triggerClassName="rounded-md px-2 py-1 text-sm text-slate-300 ring-1 ring-slate-700 hover:text-white aria-expanded:bg-slate-800 aria-expanded:text-white"
      panelClassName="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-3.5rem)] overflow-y-auto bg-slate-900 px-3 pb-4 pt-1 shadow-xl"
    >
      <nav aria-label="Main">
        <NavLinks />
      </nav>
      <MobileUserBlock user={user} />
    </Popover>
  );
}
