-- CreateTable
CREATE TABLE "reminder_runs" (
    "organization_id" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "full_pass_day" DATE NOT NULL,
    "context" JSONB NOT NULL,

    CONSTRAINT "reminder_runs_pkey" PRIMARY KEY ("organization_id")
);

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_updated_at_idx" ON "corrective_actions"("organization_id", "updated_at");

-- AddForeignKey
ALTER TABLE "reminder_runs" ADD CONSTRAINT "reminder_runs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
