import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A row of links acting as a switch (severity, window, weeks); the current one is marked. */
export function SegmentedLinks({ label, options }: { label: string; options: { label: string; href: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex items-center gap-2">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <ul className="inline-flex overflow-hidden rounded-md bg-white shadow-sm ring-1 ring-inset ring-slate-300">
        {options.map((option) => (
          <li key={option.href}>
            <Link
              href={option.href}
              aria-current={option.current ? "page" : undefined}
              scroll={false}
              className={cn("block px-2.5 py-1.5 text-xs font-medium", option.current ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-50")}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
