import type pg from "pg";
import { BENCH_ORG_ID } from "./seed-org";

/**
 * One confirmed lesson per COE (from its lessons answer), with the COE's services and factor
 * categories, and a best practice per hundred lessons: set-based statements over what
 * seedIncidents inserted, so the library search and the similar-COE panel run on 20,000 COEs.
 */
export async function seedLearnings(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(
    `INSERT INTO lessons (id, organization_id, coe_id, statement, detail, tags, status, position, created_by_id, confirmed_at, created_at, updated_at)
     SELECT 'bl_' || c.id, c.organization_id, c.id,
       left('Exercise the safeguards of ' || lower(split_part(c.title, ' caused', 1)) || ' in staging and add a verification step to the runbook', 280),
       c.lessons_learned, ARRAY[lower(split_part(c.title, ' ', 1))], 'CONFIRMED', 0, c.created_by_id, c.updated_at, c.created_at, c.updated_at
     FROM coes c WHERE c.organization_id = $1`,
    [BENCH_ORG_ID],
  );
  await client.query(
    `INSERT INTO lesson_services (lesson_id, service_id) SELECT 'bl_' || cs.coe_id, cs.service_id FROM coe_services cs JOIN coes c ON c.id = cs.coe_id WHERE c.organization_id = $1`,
    [BENCH_ORG_ID],
  );
  await client.query(
    `INSERT INTO lesson_categories (lesson_id, category_id)
     SELECT DISTINCT 'bl_' || f.coe_id, f.category_id FROM contributing_factors f JOIN coes c ON c.id = f.coe_id WHERE c.organization_id = $1`,
    [BENCH_ORG_ID],
  );
  await client.query(
    `INSERT INTO best_practices (id, organization_id, title, description, lesson_id, coe_id, created_at, updated_at)
     SELECT 'bbp_' || l.coe_id, l.organization_id, l.statement, '', l.id, l.coe_id, l.created_at, l.created_at
     FROM lessons l WHERE l.organization_id = $1 AND l.id LIKE 'bl_bcoe_%00'`,
    [BENCH_ORG_ID],
  );
}
