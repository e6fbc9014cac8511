import { cn } from "@/components/ui/cn";

export function Table({ children, caption }: { children: React.ReactNode; caption?: string }) {
  return (
    // relative: the box scrolls, and screen-reader-only text in a far column must not widen the page.
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className }: { children?: React.ReactNode; className?: string }) {
  return (
    <th scope="col" className={cn("th", className)}>
      {children}
    </th>
  );
}

export function Td({ children, className }: { children?: React.ReactNode; className?: string }) {
  return <td className={cn("td", className)}>{children}</td>;
}
