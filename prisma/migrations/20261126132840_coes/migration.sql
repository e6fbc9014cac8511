-- CreateEnum
CREATE TYPE "CoeSeverity" AS ENUM ('SEV1', 'SEV2', 'SEV3', 'SEV4');

-- CreateEnum
CREATE TYPE "CoeStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CoeReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "CorrectiveActionType" AS ENUM ('PREVENT', 'DETECT', 'MITIGATE', 'PROCESS');

-- CreateEnum
CREATE TYPE "CorrectiveActionPriority" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "CorrectiveActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'VERIFIED', 'WONT_DO');

-- CreateTable
CREATE TABLE "coes" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "CoeSeverity" NOT NULL,
    "status" "CoeStatus" NOT NULL DEFAULT 'DRAFT',
    "restricted" BOOLEAN NOT NULL DEFAULT false,
    "started_at" TIMESTAMP(3),
    "detected_at" TIMESTAMP(3),
    "mitigated_at" TIMESTAMP(3),
    "resolved_at" TIMESTAMP(3),
    "what_happened" TEXT NOT NULL DEFAULT '',
    "customer_impact" TEXT NOT NULL DEFAULT '',
    "contributing_factors" TEXT NOT NULL DEFAULT '',
    "supporting_data" TEXT NOT NULL DEFAULT '',
    "lessons_learned" TEXT NOT NULL DEFAULT '',
    "corrective_actions_summary" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "submitted_at" TIMESTAMP(3),
    "approved_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "coes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coe_services" (
    "coe_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,

    CONSTRAINT "coe_services_pkey" PRIMARY KEY ("coe_id","service_id")
);

-- CreateTable
CREATE TABLE "coe_authors" (
    "coe_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "coe_authors_pkey" PRIMARY KEY ("coe_id","user_id")
);

-- CreateTable
CREATE TABLE "coe_revisions" (
    "id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "author_id" TEXT,
    "summary" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coe_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_entries" (
    "id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "timeline_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "factor_categories" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "retired_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "factor_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contributing_factors" (
    "id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "five_whys" TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "contributing_factors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrective_actions" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "coe_id" TEXT,
    "team_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner_id" TEXT,
    "type" "CorrectiveActionType" NOT NULL,
    "priority" "CorrectiveActionPriority" NOT NULL DEFAULT 'MEDIUM',
    "due_date" DATE,
    "status" "CorrectiveActionStatus" NOT NULL DEFAULT 'OPEN',
    "wont_do_reason" TEXT,
    "created_by_id" TEXT,
    "completed_at" TIMESTAMP(3),
    "verified_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "corrective_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coe_reviews" (
    "id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "reviewer_id" TEXT,
    "decision" "CoeReviewDecision" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coe_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_threads" (
    "id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "created_by_id" TEXT,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_comments" (
    "id" TEXT NOT NULL,
    "thread_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coe_attachments" (
    "id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coe_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coe_links" (
    "id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "coe_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "coes_organization_id_status_idx" ON "coes"("organization_id", "status");

-- CreateIndex
CREATE INDEX "coes_organization_id_started_at_idx" ON "coes"("organization_id", "started_at");

-- CreateIndex
CREATE INDEX "coes_organization_id_updated_at_idx" ON "coes"("organization_id", "updated_at");

-- CreateIndex
CREATE INDEX "coes_team_id_idx" ON "coes"("team_id");

-- CreateIndex
CREATE INDEX "coes_created_by_id_idx" ON "coes"("created_by_id");

-- CreateIndex
CREATE INDEX "coes_severity_idx" ON "coes"("severity");

-- CreateIndex
CREATE INDEX "coe_services_service_id_idx" ON "coe_services"("service_id");

-- CreateIndex
CREATE INDEX "coe_authors_user_id_idx" ON "coe_authors"("user_id");

-- CreateIndex
CREATE INDEX "coe_revisions_author_id_idx" ON "coe_revisions"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "coe_revisions_coe_id_version_key" ON "coe_revisions"("coe_id", "version");

-- CreateIndex
CREATE INDEX "timeline_entries_coe_id_occurred_at_idx" ON "timeline_entries"("coe_id", "occurred_at");

-- CreateIndex
CREATE INDEX "factor_categories_organization_id_idx" ON "factor_categories"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "factor_categories_organization_id_name_key" ON "factor_categories"("organization_id", "name");

-- CreateIndex
CREATE INDEX "contributing_factors_coe_id_position_idx" ON "contributing_factors"("coe_id", "position");

-- CreateIndex
CREATE INDEX "contributing_factors_category_id_idx" ON "contributing_factors"("category_id");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_status_idx" ON "corrective_actions"("organization_id", "status");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_due_date_idx" ON "corrective_actions"("organization_id", "due_date");

-- CreateIndex
CREATE INDEX "corrective_actions_coe_id_idx" ON "corrective_actions"("coe_id");

-- CreateIndex
CREATE INDEX "corrective_actions_team_id_idx" ON "corrective_actions"("team_id");

-- CreateIndex
CREATE INDEX "corrective_actions_owner_id_idx" ON "corrective_actions"("owner_id");

-- CreateIndex
CREATE INDEX "corrective_actions_created_by_id_idx" ON "corrective_actions"("created_by_id");

-- CreateIndex
CREATE INDEX "coe_reviews_coe_id_created_at_idx" ON "coe_reviews"("coe_id", "created_at");

-- CreateIndex
CREATE INDEX "coe_reviews_reviewer_id_idx" ON "coe_reviews"("reviewer_id");

-- CreateIndex
CREATE INDEX "review_threads_coe_id_created_at_idx" ON "review_threads"("coe_id", "created_at");

-- CreateIndex
CREATE INDEX "review_threads_created_by_id_idx" ON "review_threads"("created_by_id");

-- CreateIndex
CREATE INDEX "review_threads_resolved_by_id_idx" ON "review_threads"("resolved_by_id");

-- CreateIndex
CREATE INDEX "review_comments_thread_id_created_at_idx" ON "review_comments"("thread_id", "created_at");

-- CreateIndex
CREATE INDEX "review_comments_author_id_idx" ON "review_comments"("author_id");

-- CreateIndex
CREATE INDEX "coe_attachments_coe_id_idx" ON "coe_attachments"("coe_id");

-- CreateIndex
CREATE INDEX "coe_attachments_uploaded_by_id_idx" ON "coe_attachments"("uploaded_by_id");

-- CreateIndex
CREATE INDEX "coe_links_coe_id_position_idx" ON "coe_links"("coe_id", "position");

-- AddForeignKey
ALTER TABLE "coes" ADD CONSTRAINT "coes_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coes" ADD CONSTRAINT "coes_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coes" ADD CONSTRAINT "coes_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_services" ADD CONSTRAINT "coe_services_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_services" ADD CONSTRAINT "coe_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_authors" ADD CONSTRAINT "coe_authors_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_authors" ADD CONSTRAINT "coe_authors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_revisions" ADD CONSTRAINT "coe_revisions_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_revisions" ADD CONSTRAINT "coe_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_entries" ADD CONSTRAINT "timeline_entries_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "factor_categories" ADD CONSTRAINT "factor_categories_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributing_factors" ADD CONSTRAINT "contributing_factors_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributing_factors" ADD CONSTRAINT "contributing_factors_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "factor_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_reviews" ADD CONSTRAINT "coe_reviews_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_reviews" ADD CONSTRAINT "coe_reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "review_threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_attachments" ADD CONSTRAINT "coe_attachments_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_attachments" ADD CONSTRAINT "coe_attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_links" ADD CONSTRAINT "coe_links_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
