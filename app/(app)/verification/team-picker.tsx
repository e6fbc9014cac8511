"use client";

import { useRouter } from "next/navigation";
import { inputClasses } from "@/components/ui/form-field";

/** Changing the team loads that subtree's grid (the URL keeps it, so it can be shared). */
export function TeamPicker({ teams, value }: { teams: { id: string; label: string }[]; value: string }) {
  const router = useRouter();
  return (
    <div className="max-w-sm">
      <label htmlFor="verification-team" className="block text-sm font-medium text-slate-800">
        Team (and its sub-teams)
      </label>
      <select
        id="verification-team"
        className={`${inputClasses} mt-1.5`}
        value={value}
        onChange={(event) => router.push(event.target.value ? `/verification?teamId=${event.target.value}` : "/verification")}
      >
        {value === "" ? <option value="">Choose a team…</option> : null}
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.label}
          </option>
        ))}
      </select>
    </div>
  );
}
