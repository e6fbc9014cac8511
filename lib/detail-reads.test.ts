// The reads a detail page makes after loading its row (a COE's attachments and open threads, a game
// day's log, an integration's failing tickets, an endpoint's delivery log) take the reader and apply
// the same scope as the row: an id alone shows nothing to someone who may not see the row.
import { afterAll, describe, expect, it } from "vitest";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { coeEditorExtras } from "@/lib/coes/queries";
import { gameDayLog } from "@/lib/game-days/queries";
import { coeActionsWithoutTicket, failingTickets } from "@/lib/integrations/queries";
import { deliveredEventTypes, listDeliveries } from "@/lib/webhooks/queries";
import { deliveryLogFilterSchema } from "@/lib/webhooks/schemas";

afterAll(() => testDb.$disconnect());

describe("reads by the id of a row the page loaded", () => {
  it("show the row's parts to its readers and nothing to others", async () => {
    const world = await actionWorld();
    const { org, teams } = world;
    const { owner, paymentsManager, retailManager, outsider } = world.users;

    const draft = await testDb.coe.create({ data: { organizationId: org.id, teamId: teams.payments.id, title: "Draft in Payments", severity: "SEV3" } });
    await testDb.reviewThread.create({ data: { coeId: draft.id, section: "whatHappened", createdById: owner.userId } });
    expect((await coeEditorExtras(owner, draft.id)).openThreads).toHaveLength(1);
    expect(await coeEditorExtras(outsider, draft.id)).toEqual({ attachments: [], openThreads: [] });

    const gameDay = await testDb.gameDay.create({
      data: { organizationId: org.id, teamId: teams.payments.id, title: "Card API latency", scheduledAt: new Date(), durationMinutes: 60 },
    });
    await testDb.gameDayLogEntry.create({ data: { gameDayId: gameDay.id, body: "Injected 300 ms", authorId: owner.userId } });
    expect((await gameDayLog(owner, gameDay.id)).map((entry) => entry.body)).toEqual(["Injected 300 ms"]);
    expect(await gameDayLog(outsider, gameDay.id)).toEqual([]);

    expect(await coeActionsWithoutTicket(paymentsManager, world.coe.id)).toBeNull(); // no ticket system yet
    const integration = await testDb.ticketIntegration.create({
      data: {
        organizationId: org.id,
        teamId: teams.payments.id,
        provider: "GITHUB",
        baseUrl: "https://api.github.com",
        tokenEncrypted: "x",
        webhookSecretEncrypted: "x",
      },
    });
    const action = await world.action("Rotate the card API certificate", 5);
    await testDb.externalTicket.create({
      data: { organizationId: org.id, actionId: action.id, integrationId: integration.id, provider: "GITHUB", syncError: "401 from GitHub: Bad credentials" },
    });
    expect((await failingTickets(paymentsManager, integration.id)).map((ticket) => ticket.action.id)).toEqual([action.id]);
    // The COE's open actions with and without a ticket, as far as the reader sees its actions.
    await world.action("Alarm on the certificate's expiry", 9);
    const done = await world.action("Renew by hand", 1);
    await testDb.correctiveAction.update({ where: { id: done.id }, data: { status: "DONE", completedAt: new Date() } });
    expect(await coeActionsWithoutTicket(paymentsManager, world.coe.id)).toEqual({ withoutTicket: 1, withTicket: 1 });
    expect(await coeActionsWithoutTicket(outsider, world.coe.id)).toEqual({ withoutTicket: 0, withTicket: 0 });
    expect(await failingTickets(outsider, integration.id)).toEqual([]);

    const endpoint = await testDb.webhookEndpoint.create({
      data: { organizationId: org.id, teamId: teams.retail.id, url: "https://hooks.example.com/andon", secret: "whsec_x" },
    });
    await testDb.webhookMessage.create({ data: { endpointId: endpoint.id, eventType: "action.created", payload: {} } });
    const filter = deliveryLogFilterSchema.parse({});
    expect((await listDeliveries(retailManager, endpoint.id, filter)).total).toBe(1);
    expect(await deliveredEventTypes(retailManager, endpoint.id)).toEqual(["action.created"]);
    expect((await listDeliveries(outsider, endpoint.id, filter)).total).toBe(0);
    expect(await deliveredEventTypes(outsider, endpoint.id)).toEqual([]);
  });
});
