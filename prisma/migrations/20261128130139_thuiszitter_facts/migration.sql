-- Thuiszitter reporting becomes facts with dates inside the details: "reporting": {duo, leerplicht, ot}.
-- Before, the signal said yes/no ("leerplicht/DUO geïnformeerd" with an optional date, "gemeld in OT"),
-- and the case recorded the moment someone ticked DUO or OT. A "yes" without a date takes the day the
-- signal was filed; a recorded tick takes its day (Dutch time).
UPDATE "Request"
SET "details" = ("details" - 'leerplichtInformed' - 'leerplichtDate' - 'otReported')
  || jsonb_build_object('reporting', jsonb_strip_nulls(jsonb_build_object(
    'duo', CASE
      WHEN ("details"->>'leerplichtInformed') = 'true'
        THEN COALESCE("details"->>'leerplichtDate', to_char((COALESCE("duoReportedAt", "createdAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'))
      WHEN "duoReportedAt" IS NOT NULL
        THEN to_char(("duoReportedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
    END,
    'leerplicht', CASE WHEN ("details"->>'leerplichtInformed') = 'true' THEN "details"->>'leerplichtDate' END,
    'ot', CASE
      WHEN ("details"->>'otReported') = 'true'
        THEN to_char((COALESCE("otReportedAt", "createdAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
      WHEN "otReportedAt" IS NOT NULL
        THEN to_char(("otReportedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
    END
  )))
WHERE "type" = 'thuiszitter' AND NOT ("details" ? 'reporting');

-- AlterTable
ALTER TABLE "Request" DROP COLUMN "duoReportedAt",
DROP COLUMN "otReportedAt";
