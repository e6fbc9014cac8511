import { flattenTree, treeOptionLabel } from "@/lib/org/tree";

export type TeamOption = { id: string; label: string };

/** Teams in tree order, each label indented by its depth, for `<select>` options. */
export function teamOptions(teams: readonly { id: string; parentId: string | null; name: string }[]): TeamOption[] {
  // Leading spaces in <option> text collapse; non-breaking ones keep the indentation visible.
  return flattenTree(teams).map(({ team, depth }) => ({ id: team.id, label: treeOptionLabel(team.name, depth) }));
}
