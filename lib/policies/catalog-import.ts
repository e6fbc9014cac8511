import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { lockForTransaction } from "@/lib/db-lock";
import { ForbiddenError, ValidationError, type FieldErrors } from "@/lib/errors";
import { canAdminister } from "@/lib/permissions";
import { createService, createTeam, updateService, updateTeam } from "@/lib/org/mutations";
import { wouldCreateCycle } from "@/lib/org/tree";
import { fetchCatalogText } from "@/lib/policies/catalog-source";
import { CATALOG_FACT_SOURCE, parseCatalog, type CatalogSkipped } from "@/lib/policies/catalog-parse";
import { inferFactType, writeFacts } from "@/lib/policies/fact-mutations";

/**
 * The Backstage catalog import: the dry-run diff an admin reads before applying, and the apply
 * itself — teams and services upserted by name (idempotent: importing the same file twice changes
 * nothing the second time), facts through the one fact write path. Group and owner references
 * resolve to a Group of the same file first, else to the Andon team of that name (either spelling:
 * the Backstage name or the title), case-insensitively.
 */

type CatalogChange = "create" | "update" | "unchanged";
export type CatalogPlan = {
  teams: { name: string; change: CatalogChange; parent: string | null; details: string[] }[];
  services: { name: string; change: CatalogChange; team: string; details: string[]; facts: number }[];
  skipped: CatalogSkipped[];
  warnings: string[];
};

type ExistingTeam = { id: string; name: string; parentId: string | null; description: string };
type ExistingService = { id: string; name: string; teamId: string; description: string };

type Resolved = {
  plan: CatalogPlan;
  existingTeams: ExistingTeam[];
  teams: { name: string; existing: ExistingTeam | null; parentName: string | null; keepParent: boolean; description: string | null }[];
  services: {
    name: string;
    existing: ExistingService | null;
    teamName: string;
    description: string | null;
    facts: { key: string; value: string | number | boolean }[];
  }[];
};

function assertAdmin(user: CurrentUser): void {
  if (!canAdminister(user)) throw new ForbiddenError("Only organization admins import the service catalog.");
}

const lower = (name: string) => name.toLowerCase();

/** Reads the file against the organization as it is now; throws a ValidationError naming every bad part. */
async function resolve(client: DbClient, organizationId: string, text: string): Promise<Resolved> {
  const parsed = parseCatalog(text);
  const errors: FieldErrors = { ...parsed.errors };
  const [teams, services] = await Promise.all([
    client.team.findMany({ where: { organizationId }, select: { id: true, name: true, parentId: true, description: true } }),
    client.service.findMany({ where: { organizationId }, select: { id: true, name: true, teamId: true, description: true } }),
  ]);
  const teamByName = new Map(teams.map((team) => [lower(team.name), team]));
  const teamById = new Map(teams.map((team) => [team.id, team]));
  const serviceByName = new Map(services.map((service) => [lower(service.name), service]));
  // A group reference names a Group of this file (by its Backstage name) or an existing team.
  const groupTeamName = new Map(parsed.groups.map((group) => [lower(group.name), group.title]));
  const refToTeam = (ref: string): string | null => groupTeamName.get(lower(ref)) ?? teamByName.get(lower(ref))?.name ?? null;

  const resolved: Resolved = {
    plan: { teams: [], services: [], skipped: parsed.skipped, warnings: parsed.warnings },
    existingTeams: teams,
    teams: [],
    services: [],
  };
  for (const group of parsed.groups) {
    const existing = teamByName.get(lower(group.title)) ?? teamByName.get(lower(group.name)) ?? null;
    const parentName = group.parent ? refToTeam(group.parent) : null;
    if (group.parent && !parentName) {
      (errors[`documents.${group.document}.spec.parent`] ??= []).push(`No Group “${group.parent}” in the file and no team of that name in Andon.`);
      continue;
    }
    const keepParent = !group.parent && existing !== null; // no parent in the file: an existing team stays where it is
    const details: string[] = [];
    if (existing) {
      const currentParent = existing.parentId ? (teamById.get(existing.parentId)?.name ?? null) : null;
      if (!keepParent && lower(currentParent ?? "") !== lower(parentName ?? "")) details.push(`moves under ${parentName ?? "the top of the tree"}`);
      if (group.description !== null && group.description !== existing.description) details.push("new description");
    }
    const change: CatalogChange = existing === null ? "create" : details.length > 0 ? "update" : "unchanged";
    resolved.plan.teams.push({ name: existing?.name ?? group.title, change, parent: keepParent ? null : parentName, details });
    resolved.teams.push({ name: existing?.name ?? group.title, existing, parentName, keepParent, description: group.description });
  }
  for (const component of parsed.components) {
    const teamName = refToTeam(component.owner);
    if (!teamName) {
      (errors[`documents.${component.document}.spec.owner`] ??= []).push(`No Group “${component.owner}” in the file and no team of that name in Andon.`);
      continue;
    }
    const existing = serviceByName.get(lower(component.name)) ?? null;
    const details: string[] = [];
    if (existing) {
      const currentTeam = teamById.get(existing.teamId)?.name ?? "";
      if (lower(currentTeam) !== lower(teamName)) details.push(`moves to ${teamName}`);
      if (component.description !== null && component.description !== existing.description) details.push("new description");
    }
    const change: CatalogChange = existing === null ? "create" : details.length > 0 ? "update" : "unchanged";
    resolved.plan.services.push({ name: existing?.name ?? component.name, change, team: teamName, details, facts: component.facts.length });
    resolved.services.push({ name: existing?.name ?? component.name, existing, teamName, description: component.description, facts: component.facts });
  }
  if (Object.keys(errors).length > 0) throw new ValidationError("The catalog has errors: nothing was imported.", errors);
  return resolved;
}

/** The dry run: what applying would create and change, and what it skips. Writes nothing. */
async function previewCatalogImport(user: CurrentUser, text: string): Promise<CatalogPlan> {
  assertAdmin(user);
  return (await resolve(db, user.organizationId, text)).plan;
}

/**
 * Applies the file: teams (parents first), then services, then their facts, in one transaction that
 * holds the org-tree lock (the same one team edits take); teams and services are written by lib/org's
 * mutations inside that transaction, each audited as a catalog-import change. Returns the plan as applied and the
 * services whose facts changed, for the evaluator.
 */
async function applyCatalogImport(user: CurrentUser, text: string): Promise<{ plan: CatalogPlan; changedServiceIds: string[] }> {
  assertAdmin(user);
  return db.$transaction(
    async (tx) => {
      await lockForTransaction(tx, "org-tree:" + user.organizationId);
      const { plan, existingTeams, teams, services } = await resolve(tx, user.organizationId, text);
      const organizationId = user.organizationId;
      const write = { tx, via: "catalog import" };
      // Every team by name, existing and created: owners and parents resolve through it.
      const teamIds = new Map(existingTeams.map((team) => [lower(team.name), team.id]));
      const tree = existingTeams.map((team) => ({ id: team.id, parentId: team.parentId }));

      // Create missing teams parents first: a team waits until its parent has an id.
      let pending = teams.filter((team) => !team.existing);
      while (pending.length > 0) {
        const ready = pending.filter((team) => !team.parentName || teamIds.has(lower(team.parentName)));
        if (ready.length === 0)
          throw new ValidationError("The groups' parents form a loop.", {
            yaml: [`These groups are each other's parents: ${pending.map((team) => team.name).join(", ")}.`],
          });
        for (const team of ready) {
          const parentId = team.parentName ? teamIds.get(lower(team.parentName))! : null;
          const created = await createTeam(user, { name: team.name, description: team.description ?? "", parentId }, write);
          teamIds.set(lower(team.name), created.id);
          tree.push({ id: created.id, parentId: created.parentId });
        }
        pending = pending.filter((team) => !ready.includes(team));
      }
      for (const team of teams) {
        const existing = team.existing;
        if (!existing) continue;
        const parentId = team.keepParent ? existing.parentId : team.parentName ? teamIds.get(lower(team.parentName))! : null;
        const description = team.description ?? existing.description;
        if (parentId === existing.parentId && description === existing.description) continue;
        if (parentId !== existing.parentId && wouldCreateCycle(tree, existing.id, parentId))
          throw new ValidationError("A group's parent would make a loop in the org tree.", {
            yaml: [`${team.name} cannot move under ${team.parentName}: that team is below it.`],
          });
        await updateTeam(user, { teamId: existing.id, name: existing.name, description, parentId }, write);
        const node = tree.find((item) => item.id === existing.id);
        if (node) node.parentId = parentId;
      }

      const serviceIds = new Map<string, string>();
      for (const service of services) {
        const existing = service.existing;
        const teamId = teamIds.get(lower(service.teamName))!;
        if (!existing) {
          const created = await createService(user, { name: service.name, description: service.description ?? "", teamId }, write);
          serviceIds.set(lower(service.name), created.id);
          continue;
        }
        serviceIds.set(lower(service.name), existing.id);
        const description = service.description ?? existing.description;
        if (teamId === existing.teamId && description === existing.description) continue;
        await updateService(user, { serviceId: existing.id, name: existing.name, description, teamId }, write);
      }

      const observedAt = new Date();
      const facts = services.flatMap((service) =>
        service.facts.map((fact) => ({
          serviceId: serviceIds.get(lower(service.name))!,
          key: fact.key,
          type: inferFactType(fact.value),
          value: fact.value,
          observedAt,
        })),
      );
      const changedServiceIds = await writeFacts(tx, organizationId, CATALOG_FACT_SOURCE, facts, { touchUnchanged: false });
      return { plan, changedServiceIds };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The one door for both the page and the API: reads the text (fetching the URL), then previews or applies. */
export async function importCatalog(user: CurrentUser, input: { yaml?: string; url?: string; dryRun: boolean }) {
  assertAdmin(user);
  const text = input.url ? await fetchCatalogText(input.url) : (input.yaml ?? "");
  if (input.dryRun) return { applied: false, plan: await previewCatalogImport(user, text), changedServiceIds: [] as string[] };
  return { applied: true, ...(await applyCatalogImport(user, text)) };
}
