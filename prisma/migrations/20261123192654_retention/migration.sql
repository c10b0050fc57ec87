-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);
