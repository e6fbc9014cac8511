"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { CalendarIcon, ChartIcon, CheckIcon, DocumentIcon, HomeIcon, LightbulbIcon, ServicesIcon, SettingsIcon } from "@/components/shell/icons";

// The app's sections, kept in this client module: the frame renders <NavLinks /> without props, so
// the list and its icons are not sent with every page's server payload a second time. `within`:
// other paths that belong to the section (game days are opened from Verification).
type NavItem = { href: string; label: string; Icon: () => React.ReactNode; within?: string[] };

const NAV: NavItem[] = [
  { href: "/", label: "Home", Icon: HomeIcon },
  { href: "/coes", label: "COEs", Icon: DocumentIcon },
  { href: "/learnings", label: "Learnings", Icon: LightbulbIcon },
  { href: "/actions", label: "Actions", Icon: CheckIcon },
  { href: "/reviews", label: "Reviews", Icon: CalendarIcon },
  { href: "/services", label: "Services", Icon: ServicesIcon },
  { href: "/policies", label: "Policies", Icon: CheckIcon },
  { href: "/verification", label: "Verification", Icon: CheckIcon, within: ["/game-days"] },
  { href: "/metrics", label: "Metrics", Icon: ChartIcon },
  { href: "/settings", label: "Settings", Icon: SettingsIcon },
];

function isUnder(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.href === "/") return pathname === "/";
  return [item.href, ...(item.within ?? [])].some((path) => isUnder(pathname, path));
}

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {NAV.map((item) => {
        const { href, label, Icon } = item;
        const active = isCurrent(item, pathname);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
              )}
            >
              <span aria-hidden className="size-5 shrink-0">
                <Icon />
              </span>
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
