// One write path, two doors: the same change made through the UI's server actions and through the
// API's route handlers leaves the same history, audit, notifications, domain events (what webhooks
// send) and asks for a reminder run alike. after() is captured and run once the door has answered,
// as Next does once the response is sent; the reminder run it asks for runs the reminder pass here.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
const afterResponse = vi.hoisted(() => ({ tasks: [] as (() => unknown)[], reminderRuns: 0 }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => void afterResponse.tasks.push(task),
}));
vi.mock("@/lib/jobs/boss", async () => {
  const { produceNotifications } = await import("@/lib/notifications/producer");
  return {
    requestReminderRun: async () => {
      afterResponse.reminderRuns += 1;
      await produceNotifications();
    },
  };
});

const { createCorrectiveActionAction, updateCorrectiveActionAction, changeCorrectiveActionStatusAction } = await import("@/lib/actions/actions");
const { POST: postApi } = await import("@/app/api/v1/action-items/route");
const { PATCH: patchApi } = await import("@/app/api/v1/action-items/[id]/route");
const { actionWorld, daysFromToday, testDb } = await import("@/lib/actions/test-fixtures");
const { createApiToken } = await import("@/prisma/seed/factories");

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  session.user = null;
  afterResponse.tasks = [];
  afterResponse.reminderRuns = 0;
});

/** What Next does once a door has answered: run what the change scheduled with after(). */
async function responseSent() {
  for (const task of afterResponse.tasks.splice(0)) await task();
}

type World = Awaited<ReturnType<typeof actionWorld>>;
type Step = "create" | "reassign" | "start";

/** Everything the change left behind, with ids, times and the door's own wording taken out. */
async function trail(world: World, actionId: string) {
  const names = new Map(Object.values(world.users).map((user) => [user.userId, user.name]));
  const who = (id: string | null) => (id ? (names.get(id) ?? id) : null);
  const history = await testDb.correctiveActionEvent.findMany({ where: { actionId }, orderBy: { createdAt: "asc" } });
  const audit = await testDb.auditEvent.findMany({ where: { entityType: "corrective_action", entityId: actionId }, orderBy: { id: "asc" } });
  const notifications = await testDb.notification.findMany({ where: { actionId }, orderBy: [{ kind: "asc" }, { userId: "asc" }] });
  const events = (await testDb.domainEvent.findMany({ where: { organizationId: world.org.id }, orderBy: { occurredAt: "asc" } })).filter(
    (event) => (event.data as { id?: string }).id === actionId,
  );
  const strip = (data: unknown) => {
    const { id: _id, createdAt: _created, updatedAt: _updated, url: _url, version: _version, ...rest } = data as Record<string, unknown>;
    return rest;
  };
  return {
    history: history.map((event) => ({ actor: who(event.actorId), kind: event.kind, from: event.fromValue, to: event.toValue, reason: event.reason })),
    audit: audit.map((event) => ({ actor: who(event.actorId), action: event.action, summary: event.summary, changes: event.changes })),
    notifications: notifications.map((notification) => ({ to: who(notification.userId), kind: notification.kind, title: notification.title })),
    events: events.map((event) => ({ type: event.type, teamId: event.teamId, data: strip(event.data) })),
  };
}

describe("the UI and the API", () => {
  it("leave the same history, audit, notifications and events for the same change, and both ask for a reminder run", async () => {
    const world = await actionWorld();
    const { paymentsManager, owner, reviewer } = world.users;
    const input = {
      title: "Alarm 30 days before certificate expiry",
      description: "",
      ownerId: owner.userId,
      teamId: world.teams.payments.id,
      type: "DETECT" as const,
      priority: "HIGH" as const,
      dueDate: daysFromToday(2).toISOString().slice(0, 10),
    };
    const runs: Record<"ui" | "api", Record<Step, number>> = { ui: { create: 0, reassign: 0, start: 0 }, api: { create: 0, reassign: 0, start: 0 } };
    const step = async (door: "ui" | "api", name: Step, change: () => Promise<unknown>) => {
      const before = afterResponse.reminderRuns;
      await change();
      await responseSent();
      runs[door][name] = afterResponse.reminderRuns - before;
    };

    // The UI door: the actions page's server actions, signed in.
    session.user = paymentsManager;
    let uiId = "";
    await step("ui", "create", async () => {
      const created = await createCorrectiveActionAction(input);
      if (!created.ok) throw new Error(created.error);
      uiId = created.data.id;
    });
    await step("ui", "reassign", async () =>
      expect(await updateCorrectiveActionAction({ actionId: uiId, version: 1, ownerId: reviewer.userId })).toMatchObject({ ok: true }),
    );
    session.user = reviewer;
    await step("ui", "start", async () =>
      expect(await changeCorrectiveActionStatusAction({ actionId: uiId, version: 2, status: "IN_PROGRESS" })).toMatchObject({ ok: true }),
    );
    session.user = null;

    // The API door: the route handlers, with personal tokens of the same people.
    const token = async (user: CurrentUser) => (await createApiToken(testDb, user.userId)).secret;
    const call = (
      handler: (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>,
      method: string,
      path: string,
      secret: string,
      body: unknown,
      params = {},
    ) =>
      handler(
        new Request(`http://andon.test${path}`, {
          method,
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve(params) },
      );
    const managerToken = await token(paymentsManager);
    const reviewerToken = await token(reviewer);
    let apiId = "";
    await step("api", "create", async () => {
      const response = await call(postApi, "POST", "/api/v1/action-items", managerToken, input);
      expect(response.status).toBe(201);
      apiId = ((await response.json()) as { id: string }).id;
    });
    await step("api", "reassign", async () =>
      expect(
        (await call(patchApi, "PATCH", `/api/v1/action-items/${apiId}`, managerToken, { version: 1, ownerId: reviewer.userId }, { id: apiId })).status,
      ).toBe(200),
    );
    await step("api", "start", async () =>
      expect((await call(patchApi, "PATCH", `/api/v1/action-items/${apiId}`, reviewerToken, { version: 2, status: "IN_PROGRESS" }, { id: apiId })).status).toBe(
        200,
      ),
    );

    const ui = await trail(world, uiId);
    const api = await trail(world, apiId);
    expect(api).toEqual(ui);
    // What the comparison covers is really there.
    expect(ui.history.map((event) => event.kind)).toEqual(["created", "owner", "status"]);
    expect(ui.audit.map((event) => event.action)).toEqual(["corrective_action.created", "corrective_action.updated", "corrective_action.status_changed"]);
    // The reminder runs each door asked for told each owner the action is due in two days.
    expect(ui.events.map((event) => event.type)).toEqual(["action.created", "action.due_soon", "action.assigned", "action.due_soon", "action.status_changed"]);
    expect(ui.notifications.map((notification) => [notification.to, notification.kind])).toEqual(
      expect.arrayContaining([
        [owner.name, "ASSIGNED"],
        [reviewer.name, "ASSIGNED"],
      ]),
    );
    // Both doors asked for a reminder run after creating and reassigning, none for a status change.
    expect(runs.api).toEqual(runs.ui);
    expect(runs.ui).toEqual({ create: 1, reassign: 1, start: 0 });
  });
});
