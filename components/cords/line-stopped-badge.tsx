import Link from "next/link";
import { cn } from "@/components/ui/cn";

/**
 * "Line stopped" beside a service wherever a page lists it (metrics, policies): a link to the
 * service page, where the open cord, its timeline and the +1 form are.
 */
export function LineStoppedBadge({ serviceId, className }: { serviceId: string; className?: string }) {
  return (
    <Link
      href={`/services/${serviceId}`}
      className={cn(
        "inline-flex shrink-0 items-center rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2",
        className,
      )}
    >
      Line stopped
    </Link>
  );
}
