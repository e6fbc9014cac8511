import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { lockForTransaction } from "@/lib/db-lock";
import { NotFoundError, UserError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCanRecord } from "@/lib/verification/access";
import { storedFileColumns, storedFileSummarySelect } from "@/lib/uploads/stored-file";
import { EVIDENCE_FILE_RULE, MAX_ATTACHMENTS_PER_RECORD } from "@/lib/verification/evidence-file";

/**
 * The one writer of verification attachments: evidence files on a verification record, stored in
 * PostgreSQL like COE images. Whoever may record verifications of the service attaches and removes
 * them; at most 10 per record, 5 MB each, the type taken from the bytes.
 */
async function loadRecord(tx: Prisma.TransactionClient, user: CurrentUser, serviceId: string, recordId: string) {
  const record = await tx.verificationRecord.findFirst({
    where: { id: recordId, serviceId, organizationId: user.organizationId },
    select: { id: true, performedAt: true, service: { select: { id: true, name: true, teamId: true } }, dimension: { select: { name: true } } },
  });
  if (!record) throw new NotFoundError("The verification");
  assertCanRecord(user, record.service.teamId);
  return record;
}

export async function addVerificationAttachment(user: CurrentUser, input: { serviceId: string; recordId: string; fileName: string; bytes: Uint8Array }) {
  const file = storedFileColumns(input, EVIDENCE_FILE_RULE, user.userId);
  return db.$transaction(async (tx) => {
    const record = await loadRecord(tx, user, input.serviceId, input.recordId);
    // Two uploads at once must not both see nine and make eleven.
    await lockForTransaction(tx, `verification-attachments:${record.id}`);
    const count = await tx.verificationAttachment.count({ where: { recordId: record.id } });
    if (count >= MAX_ATTACHMENTS_PER_RECORD)
      throw new UserError(`A verification can carry at most ${MAX_ATTACHMENTS_PER_RECORD} files; remove one first.`, { file: ["Too many files."] });
    const attachment = await tx.verificationAttachment.create({ data: { recordId: record.id, ...file }, select: storedFileSummarySelect });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "verification.attachment_added",
      entityType: "verification_record",
      entityId: record.id,
      summary: `Attached ${file.fileName} to the ${record.dimension.name} verification of ${record.service.name}`,
    });
    return { ...attachment, url: `/verification/attachments/${attachment.id}` };
  });
}

export async function removeVerificationAttachment(user: CurrentUser, input: { serviceId: string; recordId: string; attachmentId: string }) {
  return db.$transaction(async (tx) => {
    const record = await loadRecord(tx, user, input.serviceId, input.recordId);
    const removed = await tx.verificationAttachment.deleteMany({ where: { id: input.attachmentId, recordId: record.id } });
    if (removed.count === 0) throw new NotFoundError("The file");
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "verification.attachment_removed",
      entityType: "verification_record",
      entityId: record.id,
      summary: `Removed a file from the ${record.dimension.name} verification of ${record.service.name}`,
    });
  });
}
