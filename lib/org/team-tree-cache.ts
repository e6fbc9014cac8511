import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { db } from "@/lib/db";

export type OrgTeam = { id: string; name: string; parentId: string | null; description: string | null };

/**
 * The team tree per organization, kept in this process with the `tree_version` it was read at.
 * Every request learns the current version from the database (it comes with the signed-in user),
 * so a change made through any instance is seen by all of them on their next request: this is a
 * cache of a value the database versions, not state the instances share.
 */
const cachedTrees = new Map<string, { version: number; teams: readonly OrgTeam[] }>();

async function readTeams(organizationId: string): Promise<OrgTeam[]> {
  return db.team.findMany({ where: { organizationId }, select: { id: true, name: true, parentId: true, description: true }, orderBy: { name: "asc" } });
}

/** The tree at `version`: from this process's cache when it holds that version, else read again. */
export async function teamTreeAtVersion(organizationId: string, version: number): Promise<readonly OrgTeam[]> {
  const cached = cachedTrees.get(organizationId);
  if (cached && cached.version === version) return cached.teams;
  const teams = await readTeams(organizationId);
  // A concurrent team write may land between reading the version and the teams: the version can
  // only be older than the teams then, so the next request reads them again. Never the reverse.
  if (!cached || cached.version <= version) cachedTrees.set(organizationId, { version, teams });
  return teams;
}

type TreeVersionBox = { organizationId?: string; version?: number };

/** Route handlers run outside React's per-request cache: apiRoute (lib/api/handler.ts) gives each request a box here. */
const routeRequestBox = new AsyncLocalStorage<TreeVersionBox>();
const renderRequestBox = cache((): TreeVersionBox => ({}));

/**
 * The version the signed-in user's statement returned for this request, so the request's other reads
 * of the tree skip asking for it again: per page render (React's per-request cache), or per API
 * request (withRequestTreeVersion).
 */
export function requestTreeVersion(): TreeVersionBox {
  return routeRequestBox.getStore() ?? renderRequestBox();
}

/** Runs an API request with a tree-version box of its own (one statement fewer wherever it reads the team tree). */
export function withRequestTreeVersion<T>(run: () => T): T {
  return routeRequestBox.run({}, run);
}

/** The request is about to change the tree (lib/org's mutations, under the org-tree lock): its later reads ask for the version again. */
export function forgetRequestTreeVersion(): void {
  const box = requestTreeVersion();
  box.organizationId = undefined;
  box.version = undefined;
}

/** The current version of an organization's team tree (one indexed row). */
export async function currentTreeVersion(organizationId: string): Promise<number> {
  const box = requestTreeVersion();
  if (box.organizationId === organizationId && box.version !== undefined) return box.version;
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { treeVersion: true } });
  return organization?.treeVersion ?? 0;
}
