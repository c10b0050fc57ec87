-- AlterTable
ALTER TABLE "Swv" ADD COLUMN     "contact" JSONB;

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "personId" TEXT NOT NULL,
    "agenda" BOOLEAN NOT NULL DEFAULT true,
    "appointments" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderPreference_pkey" PRIMARY KEY ("personId")
);

-- AddForeignKey
ALTER TABLE "ReminderPreference" ADD CONSTRAINT "ReminderPreference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
