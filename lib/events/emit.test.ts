// The existing domains write their events to the outbox in the change's transaction, with the
// resource in its API shape; the reminder job writes action.overdue once per action and day.
import { afterAll, describe, expect, it } from "vitest";
import { changeCorrectiveActionStatus, updateCorrectiveAction } from "@/lib/actions/mutations";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { createCoe } from "@/lib/coes/mutations";
import { produceNotifications } from "@/lib/notifications/producer";

afterAll(() => testDb.$disconnect());

const eventsOf = (organizationId: string) =>
  testDb.domainEvent.findMany({ where: { organizationId }, orderBy: { occurredAt: "asc" }, select: { type: true, teamId: true, data: true } });

describe("domain events from the existing domains", () => {
  it("COE created, action status changes, verification, closing and reassignment each write their event", async () => {
    const world = await actionWorld();
    const coe = await createCoe(world.users.paymentsManager, { title: "Checkout timeouts", teamId: world.teams.payments.id, severity: "SEV2" });
    const action = await world.action("Add a timeout alarm", 5);
    await updateCorrectiveAction(world.users.paymentsManager, { actionId: action.id, version: 1, ownerId: world.users.reviewer.userId });
    await changeCorrectiveActionStatus(world.users.reviewer, { actionId: action.id, version: 2, status: "DONE", evidence: "Alarm added" });
    await changeCorrectiveActionStatus(world.users.paymentsManager, {
      actionId: action.id,
      version: 3,
      status: "VERIFIED",
      verificationMethod: "TEST",
      verificationNote: "Fired in staging",
    });
    const events = await eventsOf(world.org.id);
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(["coe.created", "action.assigned", "action.status_changed", "action.verified", "coe.closed"]),
    );
    const created = events.find((event) => event.type === "coe.created")!;
    expect(created).toMatchObject({ teamId: world.teams.payments.id, data: { id: coe.id, title: "Checkout timeouts", status: "DRAFT", severity: "SEV2" } });
    const verified = events.find((event) => event.type === "action.verified")!;
    expect(verified.data).toMatchObject({ id: action.id, status: "VERIFIED", ownerName: "Riley Reviewer", verificationMethod: "TEST", teamName: "Payments" });
    expect(events.find((event) => event.type === "coe.closed")!.data).toMatchObject({ id: world.coe.id, status: "CLOSED" });
  });

  it("the reminder job writes action.overdue and action.escalated once, in the API shape", async () => {
    const world = await actionWorld();
    const late = await world.action("Rotate the certificate", -10);
    await produceNotifications();
    await produceNotifications();
    const events = (await eventsOf(world.org.id)).filter((event) => event.type === "action.overdue" || event.type === "action.escalated");
    const overdue = events.filter((event) => event.type === "action.overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      teamId: world.teams.payments.id,
      data: { id: late.id, title: "Rotate the certificate", daysOverdue: 10, status: "OPEN", teamName: "Payments" },
    });
    expect((overdue[0]!.data as { dueDate: string }).dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(events.some((event) => event.type === "action.escalated")).toBe(true);
  });
});
