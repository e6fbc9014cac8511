// Evidence files on verification records against the test database: a member of the service's team
// attaches them (type from the bytes, at most 10 per record), readers of the team download them, and
// nobody else sees or changes them.
import { afterAll, describe, expect, it } from "vitest";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { createService } from "@/prisma/seed/factories";
import { addVerificationAttachment, removeVerificationAttachment } from "@/lib/verification/attachment-mutations";
import { recordVerification } from "@/lib/verification/mutations";
import { getVerificationAttachment, listDimensions } from "@/lib/verification/queries";
import { recordVerificationSchema } from "@/lib/verification/schemas";

afterAll(() => testDb.$disconnect());

const restoreLog = (n: number) => new TextEncoder().encode(`restore drill ${n}\nrows restored: 1200\n`);

describe("verification evidence files", () => {
  it("a member attaches up to ten files to a record; readers of the team download them, others do not", async () => {
    const w = await actionWorld();
    const service = await createService(testDb, w.org.id, w.teams.payments.id, { name: `ledger-${w.org.id.slice(-6)}` });
    const drBackups = (await listDimensions(w.users.owner)).find((dimension) => dimension.key === "dr_backups")!;
    const { recordId } = await recordVerification(
      w.users.owner,
      recordVerificationSchema.parse({ serviceId: service.id, dimensionId: drBackups.id, result: "PASSED", method: "RESTORE_TEST", evidence: "Restored." }),
    );

    const first = await addVerificationAttachment(w.users.owner, { serviceId: service.id, recordId, fileName: "../restore.log", bytes: restoreLog(1) });
    expect(first).toMatchObject({ fileName: ".._restore.log", contentType: "text/plain; charset=utf-8", url: `/verification/attachments/${first.id}` });
    expect(Buffer.from((await getVerificationAttachment(w.users.retailManager, first.id))!.data).toString("utf8")).toContain("restore drill 1");
    expect(await getVerificationAttachment(w.users.outsider, first.id)).toBeNull();

    // Bytes that are not an image, a PDF or text are refused whatever the name says.
    await expect(
      addVerificationAttachment(w.users.owner, { serviceId: service.id, recordId, fileName: "shot.png", bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0]) }),
    ).rejects.toThrow(UserError);
    // Outside the service's team, or through another service's path, the record is not there to attach to.
    await expect(addVerificationAttachment(w.users.outsider, { serviceId: service.id, recordId, fileName: "x.txt", bytes: restoreLog(0) })).rejects.toThrow(
      ForbiddenError,
    );
    const other = await createService(testDb, w.org.id, w.teams.payments.id, { name: `other-${w.org.id.slice(-6)}` });
    await expect(addVerificationAttachment(w.users.owner, { serviceId: other.id, recordId, fileName: "x.txt", bytes: restoreLog(0) })).rejects.toThrow(
      NotFoundError,
    );

    for (let n = 2; n <= 10; n++)
      await addVerificationAttachment(w.users.owner, { serviceId: service.id, recordId, fileName: `drill-${n}.txt`, bytes: restoreLog(n) });
    await expect(addVerificationAttachment(w.users.owner, { serviceId: service.id, recordId, fileName: "eleven.txt", bytes: restoreLog(11) })).rejects.toThrow(
      /at most 10 files/,
    );
    await removeVerificationAttachment(w.users.owner, { serviceId: service.id, recordId, attachmentId: first.id });
    expect(await testDb.verificationAttachment.count({ where: { recordId } })).toBe(9);
    expect(await getVerificationAttachment(w.users.owner, first.id)).toBeNull();
  });
});
