import type { LessonStatus } from "@/lib/generated/prisma/client";

/** The lesson as the API and domain events show it. */
export type LessonJson = {
  id: string;
  coeId: string;
  statement: string;
  detail: string;
  tags: string[];
  status: LessonStatus;
  categoryIds: string[];
  serviceIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export const lessonJsonSelect = {
  id: true,
  coeId: true,
  statement: true,
  detail: true,
  tags: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  categories: { select: { categoryId: true } },
  services: { select: { serviceId: true } },
} as const;

type LessonRow = {
  id: string;
  coeId: string;
  statement: string;
  detail: string;
  tags: string[];
  status: LessonStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  categories: { categoryId: string }[];
  services: { serviceId: string }[];
};

export function lessonJson(row: LessonRow): LessonJson {
  return {
    id: row.id,
    coeId: row.coeId,
    statement: row.statement,
    detail: row.detail,
    tags: row.tags,
    status: row.status,
    categoryIds: row.categories.map((category) => category.categoryId),
    serviceIds: row.services.map((service) => service.serviceId),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type AdoptionJson = {
  teamId: string;
  status: "ADOPTED" | "NOT_APPLICABLE";
  reason: string;
  correctiveActionId: string | null;
  policyRuleId: string | null;
  decidedAt: string;
};

export type BestPracticeJson = {
  id: string;
  title: string;
  description: string;
  lessonId: string | null;
  coeId: string | null;
  reviewDecisionId: string | null;
  promotedById: string | null;
  adoptions: AdoptionJson[];
  version: number;
  createdAt: string;
};

export const bestPracticeJsonSelect = {
  id: true,
  title: true,
  description: true,
  lessonId: true,
  coeId: true,
  reviewDecisionId: true,
  promotedById: true,
  version: true,
  createdAt: true,
  adoptions: {
    select: { teamId: true, status: true, reason: true, correctiveActionId: true, policyRuleId: true, decidedAt: true },
    orderBy: { decidedAt: "asc" },
  },
} as const;

type BestPracticeRow = Omit<BestPracticeJson, "createdAt" | "adoptions"> & {
  createdAt: Date;
  adoptions: (Omit<AdoptionJson, "decidedAt"> & { decidedAt: Date })[];
};

export function bestPracticeJson(row: BestPracticeRow): BestPracticeJson {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    adoptions: row.adoptions.map((adoption) => ({ ...adoption, decidedAt: adoption.decidedAt.toISOString() })),
  };
}
