-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "gatekeeping" JSONB;
