-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "deadAt" TIMESTAMP(3);
