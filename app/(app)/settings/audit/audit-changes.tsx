import { TEAM_ROLE_LABELS } from "@/lib/permissions";
import { type TeamRole } from "@/lib/generated/prisma/enums";

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  description: "Description",
  parentId: "Parent team",
  teamId: "Team",
  role: "Role",
  isAdmin: "Admin",
};

// Team ids are opaque in the log; these fields show the team's current name instead.
const TEAM_FIELDS = new Set(["parentId", "teamId"]);

type FromTo = { from: unknown; to: unknown };

function isFromTo(value: unknown): value is FromTo {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "from" in value && "to" in value;
}

function describeValue(field: string, value: unknown, teamNames: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === "") return field === "parentId" ? "top level" : "none";
  if (typeof value === "string") {
    if (TEAM_FIELDS.has(field)) return teamNames.get(value) ?? "a deleted team";
    if (field === "role" && value in TEAM_ROLE_LABELS) return TEAM_ROLE_LABELS[value as TeamRole];
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** An audit event's `changes` JSON, as "field: from → to" lines. */
export function AuditChanges({ changes, teamNames }: { changes: unknown; teamNames: ReadonlyMap<string, string> }) {
  if (typeof changes !== "object" || changes === null || Array.isArray(changes)) return null;
  const entries = Object.entries(changes as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <dl className="space-y-0.5 text-xs">
      {entries.map(([field, value]) => (
        <div key={field} className="flex flex-wrap gap-x-1">
          <dt className="font-medium text-slate-700">{FIELD_LABELS[field] ?? field}:</dt>
          <dd className="break-words text-slate-600">
            {isFromTo(value) ? (
              <>
                <span className="line-through decoration-slate-400">{describeValue(field, value.from, teamNames)}</span>
                <span aria-label="changed to"> → </span>
                <span className="text-slate-900">{describeValue(field, value.to, teamNames)}</span>
              </>
            ) : (
              describeValue(field, value, teamNames)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
