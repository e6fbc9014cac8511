// The verification dimension and evidence file endpoints of /api/v1 against the test database: who
// may add and change a dimension, a stale version is a 409 with the current dimension, bad input is a
// 400 naming the field; evidence files go in as base64 and come out only to readers of the team.
import { afterAll, describe, expect, it } from "vitest";
import { GET as listDimensions, POST as createDimension } from "@/app/api/v1/verification-dimensions/route";
import { GET as getDimension, PATCH as patchDimension } from "@/app/api/v1/verification-dimensions/[id]/route";
import { GET as getCard, POST as recordVerification } from "@/app/api/v1/services/[id]/verifications/route";
import { POST as attachEvidence } from "@/app/api/v1/services/[id]/verifications/records/[recordId]/attachments/route";
import { GET as getEvidence } from "@/app/api/v1/verification-attachments/[id]/route";
import { env } from "@/lib/env";
import { createScriptClient } from "@/prisma/seed/client";
import { createApiToken, createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

type Params = Record<string, string>;
type Handler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

function call(handler: Handler, token: string, options: { path?: string; method?: string; body?: unknown; params?: Params } = {}) {
  const init: RequestInit = { method: options.method ?? "GET", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  return handler(new Request(`http://andon.test${options.path ?? "/api/v1/x"}`, init), { params: Promise.resolve(options.params ?? {}) });
}

async function world() {
  const org = await createOrganization(db);
  const root = await createTeam(db, org.id, { name: "Retail" });
  const child = await createTeam(db, org.id, { name: "Checkout", parentId: root.id });
  const service = await createService(db, org.id, child.id, { name: "checkout-api" });
  const admin = await createUser(db, org.id, { isAdmin: true });
  const member = await createUser(db, org.id, { memberships: [{ teamId: child.id, role: "MEMBER" }] });
  const viewer = await createUser(db, org.id, { memberships: [{ teamId: root.id, role: "VIEWER" }] });
  const stranger = await createUser(db, (await createOrganization(db)).id, { isAdmin: true });
  const token = async (userId: string) => (await createApiToken(db, userId)).secret;
  return { service, admin: await token(admin.id), member: await token(member.id), viewer: await token(viewer.id), stranger: await token(stranger.id) };
}

describe("/api/v1/verification-dimensions", () => {
  it("an admin adds and changes a dimension; a viewer or member may not; a stale version is a 409", async () => {
    const w = await world();
    const refused = await call(createDimension, w.viewer, { method: "POST", body: { name: "Security patching" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect((await call(createDimension, w.member, { method: "POST", body: { name: "Security patching" } })).status).toBe(403);

    const badInterval = await call(createDimension, w.admin, { method: "POST", body: { name: "Security patching", intervalDays: 0 } });
    expect(badInterval.status).toBe(400);
    expect((await badInterval.json()).errors).toEqual([expect.objectContaining({ pointer: "#/intervalDays" })]);

    const created = await call(createDimension, w.admin, { method: "POST", body: { name: "Security patching", intervalDays: 60 } });
    expect(created.status).toBe(201);
    const dimension = (await created.json()) as { id: string; key: string; version: number; tier1IntervalDays: number | null };
    expect(dimension).toMatchObject({ key: "security_patching", version: 1, tier1IntervalDays: 30 });

    const listed = (await (await call(listDimensions, w.viewer, { path: "/api/v1/verification-dimensions" })).json()) as { data: { key: string }[] };
    expect(listed.data.map((entry) => entry.key)).toEqual(["dr_backups", "auto_scaling", "multi_az", "fault_tolerance", "people", "security_patching"]);

    const params = { id: dimension.id };
    expect((await call(patchDimension, w.viewer, { method: "PATCH", params, body: { version: 1, name: "Patching" } })).status).toBe(403);
    const unknownField = await call(patchDimension, w.admin, { method: "PATCH", params, body: { version: 1, colour: "red" } });
    expect(unknownField.status).toBe(400);
    const renamed = await call(patchDimension, w.admin, { method: "PATCH", params, body: { version: 1, name: "OS patching", tier1IntervalDays: null } });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ key: "security_patching", name: "OS patching", intervalDays: 60, tier1IntervalDays: null, version: 2 });
    const stale = await call(patchDimension, w.admin, { method: "PATCH", params, body: { version: 1, archived: true } });
    expect(stale.status).toBe(409);
    expect((await stale.json()).current).toMatchObject({ name: "OS patching", version: 2 });
    const archived = await call(patchDimension, w.admin, { method: "PATCH", params, body: { version: 2, archived: true } });
    expect(await archived.json()).toMatchObject({ archived: true, version: 3 });
    const active = (await (await call(listDimensions, w.admin, { path: "/api/v1/verification-dimensions" })).json()) as { data: { key: string }[] };
    expect(active.data.map((entry) => entry.key)).not.toContain("security_patching");
    const all = (await (await call(listDimensions, w.admin, { path: "/api/v1/verification-dimensions?includeArchived=true" })).json()) as {
      data: { key: string }[];
    };
    expect(all.data.map((entry) => entry.key)).toContain("security_patching");

    // Another organization's admin does not find it.
    expect((await call(getDimension, w.stranger, { params })).status).toBe(404);
    const people = listed.data.find((entry) => entry.key === "people") as unknown as { id: string; version: number };
    const builtIn = await call(patchDimension, w.admin, { method: "PATCH", params: { id: people.id }, body: { version: people.version, archived: true } });
    expect(builtIn.status).toBe(400);
  });
});

describe("evidence files through the API", () => {
  it("a member attaches a base64 file to a record; readers of the team download it, another organization does not", async () => {
    const w = await world();
    const dimensions = (await (await call(listDimensions, w.member, { path: "/api/v1/verification-dimensions" })).json()) as {
      data: { id: string; key: string }[];
    };
    const drBackups = dimensions.data.find((entry) => entry.key === "dr_backups")!;
    const serviceParams = { id: w.service.id };
    const recorded = await call(recordVerification, w.member, {
      method: "POST",
      params: serviceParams,
      body: { dimensionId: drBackups.id, result: "PASSED", method: "RESTORE_TEST", evidence: "Restored into staging." },
    });
    expect(recorded.status).toBe(201);
    const card = (await recorded.json()) as { data: { dimension: string; history: { id: string }[] }[] };
    const recordId = card.data.find((entry) => entry.dimension === "dr_backups")!.history[0]!.id;
    const attachParams = { id: w.service.id, recordId };
    const content = Buffer.from("restore took 48 minutes\n").toString("base64");

    expect(
      (await call(attachEvidence, w.viewer, { method: "POST", params: attachParams, body: { fileName: "restore.log", contentBase64: content } })).status,
    ).toBe(403);
    const notBase64 = await call(attachEvidence, w.member, { method: "POST", params: attachParams, body: { fileName: "restore.log", contentBase64: "%%%" } });
    expect(notBase64.status).toBe(400);
    const attached = await call(attachEvidence, w.member, { method: "POST", params: attachParams, body: { fileName: "restore.log", contentBase64: content } });
    expect(attached.status).toBe(201);
    const file = (await attached.json()) as { id: string; contentType: string; url: string };
    expect(file).toMatchObject({ contentType: "text/plain; charset=utf-8", url: `/api/v1/verification-attachments/${file.id}` });

    const downloaded = await call(getEvidence, w.viewer, { params: { id: file.id } });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await downloaded.text()).toBe("restore took 48 minutes\n");
    expect((await call(getEvidence, w.stranger, { params: { id: file.id } })).status).toBe(404);

    const after = (await (await call(getCard, w.viewer, { params: serviceParams })).json()) as {
      data: { dimension: string; history: { attachments: { fileName: string }[] }[] }[];
    };
    expect(after.data.find((entry) => entry.dimension === "dr_backups")!.history[0]!.attachments.map((entry) => entry.fileName)).toEqual(["restore.log"]);
  });
});
