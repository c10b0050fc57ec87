-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "endDate" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'activiteit';
