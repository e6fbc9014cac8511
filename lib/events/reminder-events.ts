import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The SELECT that turns the reminder job's newly inserted notifications (a CTE named `inserted` with
 * action_id, kind, dedupe_key) into action.due_soon / action.overdue / action.escalated outbox rows,
 * one per (action, kind, dedupe key) whoever was notified. `data` is built in SQL in the shape of
 * lib/actions/api-json.ts `actionItemJson`, so a full pass over thousands of actions stays one statement.
 */
export function reminderEventsSql(organizationId: string, today: string): Prisma.Sql {
  return Prisma.sql`
    SELECT gen_random_uuid()::text, ${organizationId}, e.type, a.team_id, json_build_object(
      'id', a.id, 'version', a.version, 'title', a.title, 'description', a.description, 'status', a.status,
      'type', a.type, 'priority', a.priority, 'source', a.source, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD'),
      'daysOverdue', CASE WHEN a.due_date < ${today}::date THEN ${today}::date - a.due_date END,
      'teamId', t.id, 'teamName', t.name, 'ownerId', o.id, 'ownerName', o.name,
      'coe', CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'title', c.title, 'severity', c.severity) END,
      'cordId', a.cord_id,
      'evidence', a.evidence, 'verificationMethod', a.verification_method, 'verificationNote', a.verification_note,
      'wontDoReason', a.wont_do_reason, 'wontDoRequested', a.wont_do_requested_at IS NOT NULL,
      'completedAt', to_char(a.completed_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'verifiedAt', to_char(a.verified_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'createdAt', to_char(a.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'updatedAt', to_char(a.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::jsonb
    FROM (
      SELECT DISTINCT action_id,
        CASE kind::text WHEN 'DUE_SOON' THEN 'action.due_soon' WHEN 'OVERDUE' THEN 'action.overdue' ELSE 'action.escalated' END AS type
      FROM inserted WHERE kind::text IN ('DUE_SOON', 'OVERDUE', 'ESCALATED') AND action_id IS NOT NULL
    ) e
    JOIN corrective_actions a ON a.id = e.action_id
    JOIN teams t ON t.id = a.team_id
    LEFT JOIN users o ON o.id = a.owner_id
    LEFT JOIN coes c ON c.id = a.coe_id`;
}
