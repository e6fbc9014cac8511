/** Pure functions over the org tree. Teams arrive as flat `{ id, parentId }` rows. */
export type TeamNode = { id: string; parentId: string | null };

export function childrenByParent<T extends TeamNode>(teams: readonly T[]): Map<string | null, T[]> {
  const children = new Map<string | null, T[]>();
  for (const team of teams) {
    const siblings = children.get(team.parentId) ?? [];
    siblings.push(team);
    children.set(team.parentId, siblings);
  }
  return children;
}

/** The team and every team below it, parents before children. */
export function subtreeIds(teams: readonly TeamNode[], rootId: string): string[] {
  const children = childrenByParent(teams);
  const result: string[] = [];
  const queue = [rootId];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    result.push(id);
    for (const child of children.get(id) ?? []) queue.push(child.id);
  }
  return result;
}

/** The chain from the team up to its top-level ancestor, the team itself first. */
export function ancestorIds(teams: readonly TeamNode[], teamId: string): string[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const chain: string[] = [];
  let current = byId.get(teamId);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** Every team's `ancestorIds` chain, keyed by team id; an unknown team has no entry. */
export type AncestorIndex = ReadonlyMap<string, readonly string[]>;

/**
 * `ancestorIds` for every team, sharing one lookup map instead of building one per call: for code
 * that asks about thousands of rows (the reminder job).
 */
export function ancestorIndex(teams: readonly TeamNode[]): AncestorIndex {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const index = new Map<string, string[]>();
  for (const team of teams) {
    const chain: string[] = [];
    let current: TeamNode | undefined = team;
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    index.set(team.id, chain);
  }
  return index;
}

/** Moving `teamId` under `newParentId` creates a cycle when the new parent is in its subtree. */
export function wouldCreateCycle(teams: readonly TeamNode[], teamId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return subtreeIds(teams, teamId).includes(newParentId);
}

export type TreeRow<T extends TeamNode> = { team: T; depth: number };

/** Depth-first order for indented lists; siblings sorted by the given key. */
export function flattenTree<T extends TeamNode & { name: string }>(teams: readonly T[]): TreeRow<T>[] {
  const children = childrenByParent(teams);
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name));
  const ids = new Set(teams.map((team) => team.id));
  const roots = teams.filter((team) => team.parentId === null || !ids.has(team.parentId));
  roots.sort((a, b) => a.name.localeCompare(b.name));
  const rows: TreeRow<T>[] = [];
  const visit = (team: T, depth: number) => {
    rows.push({ team, depth });
    for (const child of children.get(team.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return rows;
}

/**
 * A team's text in a `<select>` of the tree. Options ignore CSS padding, so sub-teams are indented
 * with non-breaking spaces, which screen readers skip; no leading punctuation ("· ") that would be
 * read out or typed past when jumping to a team by its first letter.
 */
export function treeOptionLabel(name: string, depth: number): string {
  return `${"\u00a0".repeat(depth * 4)}${name}`;
}
