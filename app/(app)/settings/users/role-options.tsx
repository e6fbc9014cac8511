import { TEAM_ROLES, TEAM_ROLE_LABELS } from "@/lib/permissions";

/** One line to place beside every role picker, so admins know what a role reaches. */
export const ROLE_SCOPE_NOTE =
  "A role on a team applies to all of its sub-teams; managers manage the whole subtree (they run its reviews and see its escalations).";

export function RoleOptions() {
  return TEAM_ROLES.map((role) => (
    <option key={role} value={role}>
      {TEAM_ROLE_LABELS[role]}
    </option>
  ));
}
