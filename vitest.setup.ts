/**
 * Runs in each test file's worker before the file's own imports: points DATABASE_URL at the database
 * the file's project created (vitest.global-setup.ts). Both projects' global setups run in one
 * process before any worker starts, so the environment a worker inherits names only the last one.
 */
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
