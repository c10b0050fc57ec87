-- CreateTable
CREATE TABLE "SeenActivity" (
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeenActivity_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SeenActivity_at_idx" ON "SeenActivity"("at");
