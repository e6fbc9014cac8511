// The one write path of the org tree, against the test database.
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { createTeam, updateTeam } from "@/lib/org/mutations";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

async function adminActor() {
  const org = await createOrganization(db);
  const admin = await createUser(db, org.id, { isAdmin: true });
  return { userId: admin.id, organizationId: org.id };
}

describe("org tree mutations", () => {
  it("refuses to move a team under its own descendant, with a readable message, and leaves the tree unchanged", async () => {
    const actor = await adminActor();
    const top = await createTeam(actor, { name: "Retail", description: "", parentId: null });
    const middle = await createTeam(actor, { name: "Checkout", description: "", parentId: top.id });
    const bottom = await createTeam(actor, { name: "Payments", description: "", parentId: middle.id });

    const move = updateTeam(actor, { teamId: top.id, name: "Retail", description: "", parentId: bottom.id });
    await expect(move).rejects.toThrow(UserError);
    await expect(move).rejects.toMatchObject({
      message: "A team cannot move under one of its own sub-teams: that would make a loop in the org tree.",
      fieldErrors: { parentId: [expect.stringContaining("own sub-teams")] },
    });
    await expect(updateTeam(actor, { teamId: top.id, name: "Retail", description: "", parentId: top.id })).rejects.toThrow("A team cannot be its own parent.");
    expect((await db.team.findUniqueOrThrow({ where: { id: top.id } })).parentId).toBeNull();
  });

  it("writes an audit event for a create and for a move, with the actor and the change", async () => {
    const actor = await adminActor();
    const first = await createTeam(actor, { name: "Storage", description: "", parentId: null });
    const second = await createTeam(actor, { name: "Networking", description: "", parentId: null });
    await updateTeam(actor, { teamId: second.id, name: "Networking", description: "", parentId: first.id });

    const events = await db.auditEvent.findMany({ where: { organizationId: actor.organizationId }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.entityId, event.actorId])).toEqual([
      ["team.created", first.id, actor.userId],
      ["team.created", second.id, actor.userId],
      ["team.moved", second.id, actor.userId],
    ]);
    expect(events[2]!.changes).toEqual({ parentId: { from: null, to: first.id } });
  });

  it("does not audit an update that changes nothing", async () => {
    const actor = await adminActor();
    const team = await createTeam(actor, { name: "Search", description: "Find things", parentId: null });
    await updateTeam(actor, { teamId: team.id, name: "Search", description: "Find things", parentId: null });
    expect(await db.auditEvent.count({ where: { organizationId: actor.organizationId, entityId: team.id } })).toBe(1);
  });

  it("cannot touch a team of another organization", async () => {
    const actor = await adminActor();
    const stranger = await adminActor();
    const foreign = await createTeam(stranger, { name: "Foreign", description: "", parentId: null });
    await expect(updateTeam(actor, { teamId: foreign.id, name: "Mine now", description: "", parentId: null })).rejects.toThrow("was not found");
    await expect(createTeam(actor, { name: "Child", description: "", parentId: foreign.id })).rejects.toThrow("The parent team was not found");
    expect((await db.team.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("Foreign");
  });
});
