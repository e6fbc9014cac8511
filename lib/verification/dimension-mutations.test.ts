// Verification dimensions against the test database: an admin or a manager of a top-level team adds
// the organization's own, renames it (the key stays), moves its intervals (and with them the expiry of
// passed verifications), archives and restores it; a member may not, a stale version is a conflict,
// and the five built-in dimensions cannot be archived.
import { afterAll, describe, expect, it } from "vitest";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { ConflictError, ForbiddenError, UserError } from "@/lib/errors";
import { createService } from "@/prisma/seed/factories";
import { createDimension, updateDimension } from "@/lib/verification/dimension-mutations";
import { recordVerification } from "@/lib/verification/mutations";
import { dimensionSettings } from "@/lib/verification/dimension-queries";
import { listDimensions } from "@/lib/verification/queries";
import { createDimensionSchema, recordVerificationSchema, updateDimensionSchema } from "@/lib/verification/schemas";

afterAll(() => testDb.$disconnect());

const DAY = 86_400_000;

describe("verification dimensions", () => {
  it("a manager of a top-level team adds, renames, re-times, archives and restores the organization's own dimension", async () => {
    const w = await actionWorld();
    const created = await createDimension(w.users.retailManager, createDimensionSchema.parse({ name: "Security patching", intervalDays: "60" }));
    expect(created).toMatchObject({ key: "security_patching", builtIn: false, intervalDays: 60, tier1IntervalDays: 30, version: 1 });
    expect((await listDimensions(w.users.owner)).map((dimension) => dimension.key)).toEqual([
      "dr_backups",
      "auto_scaling",
      "multi_az",
      "fault_tolerance",
      "people",
      "security_patching",
    ]);
    await expect(createDimension(w.users.retailManager, createDimensionSchema.parse({ name: "security PATCHING" }))).rejects.toThrow(UserError);

    const service = await createService(testDb, w.org.id, w.teams.payments.id, { name: `patched-${w.org.id.slice(-6)}` });
    const performedAt = new Date(Date.now() - 5 * DAY);
    await recordVerification(
      w.users.owner,
      recordVerificationSchema.parse({
        serviceId: service.id,
        dimensionId: created.id,
        result: "PASSED",
        method: "AUTOMATED_TEST",
        performedAt: performedAt.toISOString(),
        evidence: "Patch scan clean.",
      }),
    );

    const renamed = await updateDimension(
      w.users.retailManager,
      updateDimensionSchema.parse({ dimensionId: created.id, version: 1, name: "OS patching", intervalDays: "10", tier1IntervalDays: "" }),
    );
    expect(renamed).toMatchObject({ key: "security_patching", name: "OS patching", intervalDays: 10, tier1IntervalDays: null, version: 2 });
    const current = await testDb.serviceVerification.findFirstOrThrow({ where: { serviceId: service.id, dimensionId: created.id } });
    expect(current.expiresAt?.getTime()).toBe(performedAt.getTime() + 10 * DAY);

    // A save based on the version read before the rename loses.
    await expect(
      updateDimension(w.users.retailManager, updateDimensionSchema.parse({ dimensionId: created.id, version: 1, name: "Patching", intervalDays: 10 })),
    ).rejects.toThrow(ConflictError);

    const archived = await updateDimension(
      w.users.retailManager,
      updateDimensionSchema.parse({ dimensionId: created.id, version: 2, name: "OS patching", intervalDays: 10, archived: true }),
    );
    expect(archived.archivedAt).not.toBeNull();
    expect((await listDimensions(w.users.owner)).some((dimension) => dimension.id === created.id)).toBe(false);
    expect((await dimensionSettings(w.users.owner)).at(-1)).toMatchObject({ id: created.id, name: "OS patching" });
    const restored = await updateDimension(
      w.users.retailManager,
      updateDimensionSchema.parse({ dimensionId: created.id, version: 3, name: "OS patching", intervalDays: 10, archived: false }),
    );
    expect(restored.archivedAt).toBeNull();
    expect(await testDb.auditEvent.count({ where: { organizationId: w.org.id, entityId: created.id } })).toBe(4);
  });

  it("a member or a manager of a sub-team may not change dimensions, and the built-in ones cannot be archived", async () => {
    const w = await actionWorld();
    await expect(createDimension(w.users.owner, createDimensionSchema.parse({ name: "Chaos" }))).rejects.toThrow(ForbiddenError);
    await expect(createDimension(w.users.paymentsManager, createDimensionSchema.parse({ name: "Chaos" }))).rejects.toThrow(ForbiddenError);
    const people = (await listDimensions(w.users.owner)).find((dimension) => dimension.key === "people")!;
    const input = updateDimensionSchema.parse({ dimensionId: people.id, version: people.version, name: people.name, intervalDays: 45, archived: true });
    await expect(updateDimension(w.users.owner, input)).rejects.toThrow(ForbiddenError);
    await expect(updateDimension(w.users.retailManager, input)).rejects.toThrow(/cannot be archived/);
    // Another organization's dimension is not found, whatever the caller's rights at home.
    const other = await actionWorld();
    await expect(updateDimension(other.users.retailManager, { ...input, archived: false })).rejects.toThrow(/not found|dimension/i);
  });
});
