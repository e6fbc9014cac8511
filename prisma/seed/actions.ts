import { demoDay } from "./coes";
import type { PrismaClient } from "../../lib/generated/prisma/client";

/**
 * Follow-up data on the demo COEs' corrective actions (created in seed/coes.ts): evidence and
 * verification on finished ones, a due-date change with its reason, a comment and a link, so the
 * Actions pages show what a followed-up action looks like. Fixed ids; runs once on an empty database.
 */
export async function seedDemoActions(db: PrismaClient): Promise<void> {
  const finished = await db.correctiveAction.findMany({
    where: { organizationId: "org_demo", status: { in: ["DONE", "VERIFIED"] } },
    select: { id: true, status: true, ownerId: true },
  });
  for (const action of finished) {
    await db.correctiveAction.update({
      where: { id: action.id },
      data: {
        evidence: "Merged and deployed; see the linked change and the runbook update.",
        completedById: action.ownerId,
        ...(action.status === "VERIFIED"
          ? {
              verificationMethod: "GAME_DAY",
              verificationNote: "Game day: the failure was injected and the new mechanism handled it.",
              verifiedById: "user_manager",
            }
          : {}),
      },
    });
  }
  const rescheduled = await db.correctiveAction.findUnique({ where: { id: "coe_demo_01_a1" }, select: { id: true } });
  if (rescheduled) {
    await db.correctiveActionEvent.createMany({
      data: [
        { actionId: rescheduled.id, actorId: "user_member", kind: "status", fromValue: "OPEN", toValue: "IN_PROGRESS" },
        {
          actionId: rescheduled.id,
          actorId: "user_manager",
          kind: "due_date",
          fromValue: demoDay("2026-09-30").toISOString().slice(0, 10),
          toValue: demoDay("2026-10-15").toISOString().slice(0, 10),
          reason: "The internal CA's ACME endpoint ships in October.",
        },
      ],
    });
    await db.correctiveActionComment.create({
      data: { id: "demo_comment_1", actionId: rescheduled.id, authorId: "user_reviewer", body: "Is the staging gateway covered by the same renewal job?" },
    });
    await db.correctiveActionLink.create({
      data: {
        id: "demo_link_1",
        actionId: rescheduled.id,
        url: "https://git.example.com/payments/gateway/pull/412",
        label: "PR #412: ACME renewal",
        createdById: "user_member",
      },
    });
  }
}
