/**
 * Runs in each test file's worker before the file's own imports: points DATABASE_URL at the database
 * the file's project created (vitest.global-setup.ts). Both projects' global setups run in one
 * process before any worker starts, so the environment a worker inherits names only the last one.
 */
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

// Where files share their worker's modules, the job queue is loaded up front: an action mutation asks
// for a reminder run without waiting (lib/jobs/reminder-request.ts loads the queue on first use), and
// a load still running when its file ended failed half-way, leaving the next file a broken module.
if (inject("sharedModules")) await import("@/lib/jobs/boss");
