"use client";

import Link from "next/link";
import { Popover } from "@/components/ui/popover";
import { SignOutButton } from "@/components/shell/sign-out-button";

export type ShellUser = { name: string; email: string; organizationName: string; roleSummary: string };

/** Who is signed in, at the foot of the sidebar; opens upwards to account settings and sign out. */
export function UserMenu({ user }: { user: ShellUser }) {
  return (
    <Popover
      className="relative"
      mountOnOpen
      panelLabel="Your account"
      triggerClassName="w-full rounded-md px-3 py-2 text-left hover:bg-slate-800/60 aria-expanded:bg-slate-800"
      panelClassName="absolute bottom-full left-0 right-0 z-40 mb-2 rounded-lg bg-white py-1 text-sm shadow-xl ring-1 ring-slate-200"
      trigger={
        <>
          <span className="block truncate text-sm font-medium text-white">{user.name}</span>
          <span className="block truncate text-xs text-slate-400">{user.roleSummary}</span>
        </>
      }
    >
      <p className="truncate border-b border-slate-200 px-4 py-2 text-xs text-slate-600">{user.email}</p>
      <Link href="/settings/account" className="block px-4 py-2 text-slate-800 hover:bg-slate-50">
        Account settings
      </Link>
      <SignOutButton className="block w-full px-4 py-2 text-left text-slate-800 hover:bg-slate-50" />
    </Popover>
  );
}
