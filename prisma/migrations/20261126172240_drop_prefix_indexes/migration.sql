-- DropIndex
DROP INDEX "coes_organization_id_status_idx";

-- DropIndex
DROP INDEX "corrective_actions_organization_id_due_date_idx";
