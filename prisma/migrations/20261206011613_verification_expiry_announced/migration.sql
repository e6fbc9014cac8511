-- AlterTable
ALTER TABLE "service_verifications" ADD COLUMN     "expiry_announced_for" TIMESTAMP(3);

-- Verifications that expired before this event existed are not announced late, all at once.
UPDATE "service_verifications" SET "expiry_announced_for" = "expires_at" WHERE "result" = 'PASSED' AND "expires_at" <= (now() AT TIME ZONE 'UTC');
