-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "linkedRequestId" TEXT;

-- CreateIndex
CREATE INDEX "Request_linkedRequestId_idx" ON "Request"("linkedRequestId");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_linkedRequestId_fkey" FOREIGN KEY ("linkedRequestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;
