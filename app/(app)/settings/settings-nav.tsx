"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type SettingsLink = { href: string; label: string };

export function SettingsNav({ groups }: { groups: { title: string; links: SettingsLink[] }[] }) {
  const pathname = usePathname();
  return (
    <div className="flex gap-6 overflow-x-auto lg:flex-col lg:gap-5">
      {groups.map((group) => (
        <div key={group.title} className="shrink-0">
          <p className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{group.title}</p>
          <ul className="mt-1 flex gap-1 lg:flex-col">
            {group.links.map((link) => {
              const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium",
                      active ? "bg-white text-indigo-700 shadow-sm ring-1 ring-slate-200" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                    )}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
