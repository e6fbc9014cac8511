import { Th } from "@/components/ui/table";

/** The header row of a list table; `actions` adds the unlabelled column for per-row buttons. */
export function TableHead({ columns, actions = false }: { columns: string[]; actions?: boolean }) {
  return (
    <thead className="bg-slate-50">
      <tr>
        {columns.map((column) => (
          <Th key={column}>{column}</Th>
        ))}
        {actions ? (
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        ) : null}
      </tr>
    </thead>
  );
}

export function TableBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

/** Takes the table's place inside a card when there are no rows to show. */
export function TableEmpty({ children }: { children: React.ReactNode }) {
  return <p className="px-5 py-8 text-center text-sm text-slate-600">{children}</p>;
}
