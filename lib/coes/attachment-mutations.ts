import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import { lifecycleActor } from "@/lib/coes/access";
import { imageProblem, sniffImageType } from "@/lib/coes/image";
import { canEditCoe } from "@/lib/coes/lifecycle";
import { audit, lifecycleState, loadForChange } from "@/lib/coes/mutations";

/** Stores an image in PostgreSQL (see CoeAttachment) after checking its bytes, not its name. */
export async function addAttachment(user: CurrentUser, input: { coeId: string; fileName: string; bytes: Uint8Array }) {
  const problem = imageProblem(input.bytes);
  if (problem) throw new UserError(problem, { file: [problem] });
  return db.$transaction(async (tx) => {
    const row = await loadForChange(tx, user, input.coeId);
    if (!canEditCoe(lifecycleState(row), lifecycleActor(user, row.teamId)))
      throw new ForbiddenError("Only the authors and writers on the owning team can add images to this COE.");
    const fileName = input.fileName.replace(/[^\w.\- ]+/g, "_").slice(0, 120) || "image";
    const attachment = await tx.coeAttachment.create({
      data: {
        coeId: row.id,
        fileName,
        contentType: sniffImageType(input.bytes)!,
        byteSize: input.bytes.length,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
        data: Buffer.from(input.bytes),
        uploadedById: user.userId,
      },
      select: { id: true, fileName: true, contentType: true, byteSize: true },
    });
    await recordAudit(tx, {
      ...audit(user),
      action: "coe.image_added",
      entityType: "coe",
      entityId: row.id,
      summary: `Added image ${fileName} to “${row.title}”`,
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
