import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import { lifecycleActor } from "@/lib/coes/access";
import { IMAGE_RULE } from "@/lib/coes/image";
import { canEditCoe } from "@/lib/coes/lifecycle";
import { audit, lifecycleState, loadForChange } from "@/lib/coes/mutations";
import { storedFileColumns, storedFileSummarySelect } from "@/lib/uploads/stored-file";

/** Stores an image in PostgreSQL (see CoeAttachment) after checking its bytes, not its name. */
export async function addAttachment(user: CurrentUser, input: { coeId: string; fileName: string; bytes: Uint8Array }) {
  const file = storedFileColumns(input, IMAGE_RULE, user.userId);
  return db.$transaction(async (tx) => {
    const row = await loadForChange(tx, user, input.coeId);
    if (!canEditCoe(lifecycleState(row), lifecycleActor(user, row.teamId)))
      throw new ForbiddenError("Only the authors and writers on the owning team can add images to this COE.");
    const attachment = await tx.coeAttachment.create({ data: { coeId: row.id, ...file }, select: storedFileSummarySelect });
    await recordAudit(tx, {
      ...audit(user),
      action: "coe.image_added",
      entityType: "coe",
      entityId: row.id,
      summary: `Added image ${file.fileName} to “${row.title}”`,
    });
    return { ...attachment, url: `/coes/${row.id}/attachments/${attachment.id}` };
  });
}

export async function deleteAttachment(user: CurrentUser, input: { coeId: string; attachmentId: string }) {
  return db.$transaction(async (tx) => {
    const row = await loadForChange(tx, user, input.coeId);
    if (!canEditCoe(lifecycleState(row), lifecycleActor(user, row.teamId)))
      throw new ForbiddenError("Only the authors and writers on the owning team can remove images.");
    const { count } = await tx.coeAttachment.deleteMany({ where: { id: input.attachmentId, coeId: row.id } });
    if (count === 0) throw new NotFoundError("The image");
    await recordAudit(tx, {
      ...audit(user),
      action: "coe.image_removed",
      entityType: "coe",
      entityId: row.id,
      summary: `Removed an image from “${row.title}”`,
    });
  });
}
