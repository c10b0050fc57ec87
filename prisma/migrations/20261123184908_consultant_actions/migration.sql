-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "teamsUserId" TEXT;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "advice" TEXT,
ADD COLUMN     "appointment" JSONB,
ADD COLUMN     "duoReportedAt" TIMESTAMP(3),
ADD COLUMN     "handlerId" TEXT,
ADD COLUMN     "openQuestion" TEXT,
ADD COLUMN     "otReportedAt" TIMESTAMP(3),
ADD COLUMN     "resumeStatus" TEXT;

-- AlterTable
ALTER TABLE "RequestEvent" ADD COLUMN     "formId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "RequestEvent_formId_key" ON "RequestEvent"("formId");
