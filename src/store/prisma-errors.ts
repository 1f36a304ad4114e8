// Recognising Prisma errors without importing the generated client elsewhere.
import { Prisma } from "./generated/client.js";

/** A unique constraint was violated (Prisma P2002), e.g. a duplicate case number. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** The record to update or delete does not exist (Prisma P2025). */
export function isNotFound(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2025";
}
