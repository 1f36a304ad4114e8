// Prisma 7 CLI configuration. `prisma generate` needs no database; `prisma migrate deploy` and
// friends read DATABASE_URL (Steward itself applies migrations on start and via `steward migrate`).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL },
});
