-- CreateEnum
CREATE TYPE "FactValueType" AS ENUM ('NUMBER', 'BOOLEAN', 'STRING', 'DATETIME');

-- CreateEnum
CREATE TYPE "PolicyRuleKind" AS ENUM ('RISK', 'OPPORTUNITY');

-- CreateEnum
CREATE TYPE "PolicySeverity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "PolicyRuleStatus" AS ENUM ('DRAFT', 'ENFORCED', 'DISABLED');

-- CreateEnum
CREATE TYPE "PolicyFindingStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "AcknowledgmentCategory" AS ENUM ('ACCEPTED_RISK', 'MITIGATED_ELSEWHERE', 'FALSE_POSITIVE');

-- CreateEnum
CREATE TYPE "AcknowledgmentStatus" AS ENUM ('REQUESTED', 'APPROVED', 'DENIED', 'EXPIRED', 'ENDED');

-- CreateTable
CREATE TABLE "service_facts" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" "FactValueType" NOT NULL,
    "value" JSONB,
    "source" TEXT NOT NULL,
    "observed_at" TIMESTAMP(3) NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_facts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_fact_changes" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" "FactValueType" NOT NULL,
    "value" JSONB,
    "source" TEXT NOT NULL,
    "observed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_fact_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_rules" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "remediation" TEXT NOT NULL DEFAULT '',
    "kind" "PolicyRuleKind" NOT NULL DEFAULT 'RISK',
    "severity" "PolicySeverity" NOT NULL DEFAULT 'MEDIUM',
    "category" TEXT NOT NULL DEFAULT 'operations',
    "status" "PolicyRuleStatus" NOT NULL DEFAULT 'DRAFT',
    "conditions" JSONB NOT NULL,
    "scope_team_id" TEXT,
    "applicable_fact_key" TEXT,
    "owner_team_id" TEXT,
    "library_key" TEXT,
    "source_coe_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "policy_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_rule_revisions" (
    "id" BIGSERIAL NOT NULL,
    "rule_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changed_by_id" TEXT,
    "summary" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_rule_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_findings" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "status" "PolicyFindingStatus" NOT NULL DEFAULT 'OPEN',
    "fact_values" JSONB NOT NULL DEFAULT '{}',
    "episode" INTEGER NOT NULL DEFAULT 1,
    "first_opened_at" TIMESTAMP(3) NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "last_evaluated_at" TIMESTAMP(3) NOT NULL,
    "corrective_action_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "policy_findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_finding_events" (
    "id" BIGSERIAL NOT NULL,
    "finding_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "episode" INTEGER NOT NULL,
    "fact_values" JSONB,
    "actor_id" TEXT,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_finding_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_acknowledgments" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "finding_id" TEXT NOT NULL,
    "category" "AcknowledgmentCategory" NOT NULL,
    "reason" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "status" "AcknowledgmentStatus" NOT NULL DEFAULT 'REQUESTED',
    "requested_by_id" TEXT,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "decision_note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_acknowledgments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "compliance_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "week_start" DATE NOT NULL,
    "applicable" INTEGER NOT NULL,
    "failing" INTEGER NOT NULL,
    "acknowledged" INTEGER NOT NULL,
    "failing_critical" INTEGER NOT NULL,
    "failing_high" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "compliance_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_facts_organization_id_key_idx" ON "service_facts"("organization_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "service_facts_service_id_key_key" ON "service_facts"("service_id", "key");

-- CreateIndex
CREATE INDEX "service_fact_changes_service_id_key_observed_at_idx" ON "service_fact_changes"("service_id", "key", "observed_at");

-- CreateIndex
CREATE INDEX "service_fact_changes_organization_id_idx" ON "service_fact_changes"("organization_id");

-- CreateIndex
CREATE INDEX "policy_rules_organization_id_status_idx" ON "policy_rules"("organization_id", "status");

-- CreateIndex
CREATE INDEX "policy_rules_scope_team_id_idx" ON "policy_rules"("scope_team_id");

-- CreateIndex
CREATE INDEX "policy_rules_owner_team_id_idx" ON "policy_rules"("owner_team_id");

-- CreateIndex
CREATE INDEX "policy_rules_source_coe_id_idx" ON "policy_rules"("source_coe_id");

-- CreateIndex
CREATE INDEX "policy_rules_created_by_id_idx" ON "policy_rules"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_rules_organization_id_name_key" ON "policy_rules"("organization_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "policy_rules_organization_id_library_key_key" ON "policy_rules"("organization_id", "library_key");

-- CreateIndex
CREATE INDEX "policy_rule_revisions_changed_by_id_idx" ON "policy_rule_revisions"("changed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_rule_revisions_rule_id_version_key" ON "policy_rule_revisions"("rule_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "policy_findings_corrective_action_id_key" ON "policy_findings"("corrective_action_id");

-- CreateIndex
CREATE INDEX "policy_findings_organization_id_team_id_status_idx" ON "policy_findings"("organization_id", "team_id", "status");

-- CreateIndex
CREATE INDEX "policy_findings_organization_id_status_opened_at_idx" ON "policy_findings"("organization_id", "status", "opened_at");

-- CreateIndex
CREATE INDEX "policy_findings_service_id_idx" ON "policy_findings"("service_id");

-- CreateIndex
CREATE INDEX "policy_findings_team_id_idx" ON "policy_findings"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_findings_rule_id_service_id_key" ON "policy_findings"("rule_id", "service_id");

-- CreateIndex
CREATE INDEX "policy_finding_events_finding_id_occurred_at_idx" ON "policy_finding_events"("finding_id", "occurred_at");

-- CreateIndex
CREATE INDEX "policy_finding_events_actor_id_idx" ON "policy_finding_events"("actor_id");

-- CreateIndex
CREATE INDEX "finding_acknowledgments_finding_id_idx" ON "finding_acknowledgments"("finding_id");

-- CreateIndex
CREATE INDEX "finding_acknowledgments_organization_id_status_expires_at_idx" ON "finding_acknowledgments"("organization_id", "status", "expires_at");

-- CreateIndex
CREATE INDEX "finding_acknowledgments_requested_by_id_idx" ON "finding_acknowledgments"("requested_by_id");

-- CreateIndex
CREATE INDEX "finding_acknowledgments_decided_by_id_idx" ON "finding_acknowledgments"("decided_by_id");

-- CreateIndex
CREATE INDEX "compliance_snapshots_organization_id_week_start_idx" ON "compliance_snapshots"("organization_id", "week_start");

-- CreateIndex
CREATE UNIQUE INDEX "compliance_snapshots_team_id_week_start_key" ON "compliance_snapshots"("team_id", "week_start");

-- AddForeignKey
ALTER TABLE "service_facts" ADD CONSTRAINT "service_facts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_facts" ADD CONSTRAINT "service_facts_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_fact_changes" ADD CONSTRAINT "service_fact_changes_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_scope_team_id_fkey" FOREIGN KEY ("scope_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_owner_team_id_fkey" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_source_coe_id_fkey" FOREIGN KEY ("source_coe_id") REFERENCES "coes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_rule_revisions" ADD CONSTRAINT "policy_rule_revisions_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "policy_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_rule_revisions" ADD CONSTRAINT "policy_rule_revisions_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_findings" ADD CONSTRAINT "policy_findings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_findings" ADD CONSTRAINT "policy_findings_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "policy_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_findings" ADD CONSTRAINT "policy_findings_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_findings" ADD CONSTRAINT "policy_findings_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_findings" ADD CONSTRAINT "policy_findings_corrective_action_id_fkey" FOREIGN KEY ("corrective_action_id") REFERENCES "corrective_actions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_finding_events" ADD CONSTRAINT "policy_finding_events_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "policy_findings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_finding_events" ADD CONSTRAINT "policy_finding_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_acknowledgments" ADD CONSTRAINT "finding_acknowledgments_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "policy_findings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_acknowledgments" ADD CONSTRAINT "finding_acknowledgments_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_acknowledgments" ADD CONSTRAINT "finding_acknowledgments_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compliance_snapshots" ADD CONSTRAINT "compliance_snapshots_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
