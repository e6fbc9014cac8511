-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'WONT_DO_REQUESTED';
