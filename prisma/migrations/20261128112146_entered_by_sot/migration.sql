-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "enteredBySot" BOOLEAN NOT NULL DEFAULT false;
