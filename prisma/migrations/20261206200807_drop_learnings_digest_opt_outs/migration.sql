-- The weekly learnings digest is opted out of like every other notification (notification_opt_outs,
-- kind LEARNINGS_DIGEST, in account settings); this table was never written. Carry over any row anyway.
INSERT INTO "notification_opt_outs" ("user_id", "kind", "created_at")
SELECT "user_id", 'LEARNINGS_DIGEST'::"NotificationKind", "created_at" FROM "learnings_digest_opt_outs"
ON CONFLICT DO NOTHING;

-- DropForeignKey
ALTER TABLE "learnings_digest_opt_outs" DROP CONSTRAINT "learnings_digest_opt_outs_user_id_fkey";

-- DropTable
DROP TABLE "learnings_digest_opt_outs";
