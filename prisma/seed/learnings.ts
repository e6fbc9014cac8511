import type { PrismaClient } from "../../lib/generated/prisma/client";
import { splitLessons } from "../../lib/learnings/split-lessons";
import { DEMO_ORG_ID, DEMO_TEAMS } from "./constants";

/**
 * The demo organization's learnings: every demo COE's "What lessons did you learn?" answer as lessons
 * (confirmed for approved and closed COEs, drafts for the others, as the migration leaves older
 * COEs), a few tags, and two best practices — the DNS one adopted by Checkout (with its corrective
 * action), the other not decided yet by anyone. Fixed ids; dates relative to the day of seeding.
 * Runs after seedDemoCoes.
 */
const DAY_MS = 86_400_000;

const TAGS: Record<string, string[]> = {
  coe_demo_02: ["dns", "pre-flight", "ttl"],
};

const DEMO_DNS_LESSON_ID = "lesson_coe_demo_02_1";
export const DEMO_BEST_PRACTICE_IDS = { dns: "bp_demo_dns_preflight", second: "bp_demo_second" } as const;

/** A lesson draft for the factory: a confirmed lesson on a COE, with its COE's services and categories. */
async function createLessonRecord(
  db: PrismaClient,
  input: {
    id?: string;
    organizationId: string;
    coeId: string;
    statement: string;
    detail?: string;
    tags?: string[];
    status?: "DRAFT" | "CONFIRMED";
    position?: number;
    createdById?: string | null;
  },
) {
  const coe = await db.coe.findUniqueOrThrow({
    where: { id: input.coeId },
    select: { services: { select: { serviceId: true } }, factors: { select: { categoryId: true } } },
  });
  return db.lesson.create({
    data: {
      id: input.id,
      organizationId: input.organizationId,
      coeId: input.coeId,
      statement: input.statement,
      detail: input.detail ?? "",
      tags: input.tags ?? [],
      status: input.status ?? "CONFIRMED",
      confirmedAt: (input.status ?? "CONFIRMED") === "CONFIRMED" ? new Date() : null,
      position: input.position ?? 0,
      createdById: input.createdById ?? null,
      categories: { create: [...new Set(coe.factors.map((factor) => factor.categoryId))].map((categoryId) => ({ categoryId })) },
      services: { create: coe.services.map((service) => ({ serviceId: service.serviceId })) },
    },
  });
}

export async function seedDemoLearnings(db: PrismaClient): Promise<void> {
  const coes = await db.coe.findMany({
    where: { organizationId: DEMO_ORG_ID },
    select: { id: true, status: true, lessonsLearned: true, createdById: true },
    orderBy: { id: "asc" },
  });
  for (const coe of coes) {
    const published = coe.status === "APPROVED" || coe.status === "CLOSED";
    for (const [position, draft] of splitLessons(coe.lessonsLearned).entries()) {
      await createLessonRecord(db, {
        id: `lesson_${coe.id}_${position + 1}`,
        organizationId: DEMO_ORG_ID,
        coeId: coe.id,
        statement: draft.statement,
        detail: draft.detail,
        tags: TAGS[coe.id] ?? [],
        status: published ? "CONFIRMED" : "DRAFT",
        position,
        createdById: coe.createdById,
      });
    }
  }
  const now = Date.now();
  await db.bestPractice.create({
    data: {
      id: DEMO_BEST_PRACTICE_IDS.dns,
      organizationId: DEMO_ORG_ID,
      title: "Treat every DNS change as a deployment: pre-flight checks in every region and a fast rollback path",
      description: "From the storefront DNS outage: validate that CNAME targets resolve in every region before publishing, and keep negative TTLs short.",
      lessonId: DEMO_DNS_LESSON_ID,
      coeId: "coe_demo_02",
      promotedById: "user_reviewer",
      createdAt: new Date(now - 20 * DAY_MS),
    },
  });
  const action = await db.correctiveAction.create({
    data: {
      id: "action_demo_bp_dns_checkout",
      organizationId: DEMO_ORG_ID,
      teamId: DEMO_TEAMS.checkout.id,
      title: "Adopt best practice: pre-flight checks for checkout DNS records",
      type: "PREVENT",
      priority: "MEDIUM",
      ownerId: "user_member",
      createdById: "user_manager",
      source: "BEST_PRACTICE",
      dueDate: new Date(new Date(now + 14 * DAY_MS).toISOString().slice(0, 10)),
      assignedAt: new Date(now - 18 * DAY_MS),
      createdAt: new Date(now - 18 * DAY_MS),
    },
  });
  await db.bestPracticeAdoption.create({
    data: {
      bestPracticeId: DEMO_BEST_PRACTICE_IDS.dns,
      teamId: DEMO_TEAMS.checkout.id,
      status: "ADOPTED",
      correctiveActionId: action.id,
      decidedById: "user_manager",
      decidedAt: new Date(now - 18 * DAY_MS),
    },
  });
  await db.bestPracticeAdoption.create({
    data: {
      bestPracticeId: DEMO_BEST_PRACTICE_IDS.dns,
      teamId: DEMO_TEAMS.storage.id,
      status: "NOT_APPLICABLE",
      reason: "Storage services have no public DNS records of their own.",
      decidedById: "user_platform",
      decidedAt: new Date(now - 10 * DAY_MS),
    },
  });
  const second = await db.lesson.findFirst({
    where: { organizationId: DEMO_ORG_ID, status: "CONFIRMED", coeId: { not: "coe_demo_02" } },
    orderBy: { id: "asc" },
  });
  if (second) {
    await db.bestPractice.create({
      data: {
        id: DEMO_BEST_PRACTICE_IDS.second,
        organizationId: DEMO_ORG_ID,
        title: second.statement,
        description: second.detail,
        lessonId: second.id,
        coeId: second.coeId,
        promotedById: "user_manager",
        createdAt: new Date(now - 5 * DAY_MS),
      },
    });
  }
  await db.coeRelation.create({ data: { coeId: "coe_demo_02", relatedCoeId: "coe_demo_13", createdById: "user_platform" } });
}
