import { and, eq, ne, or, type SQL } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { type FieldErrors, UseCaseFailure } from "../platform/use-case";
import { organisation } from "./schema";

// instellingsnummer and ondernemingsnummer are unique. The use cases check first, so that both
// problems show at once as field errors; the unique constraints stay the last word when two
// requests race, and their violation is mapped to the same field errors.

const takenKey = {
  institutionNumber: "error.institutionNumberTaken",
  enterpriseNumber: "error.enterpriseNumberTaken",
} as const;

const constraintField: Record<string, keyof typeof takenKey> = {
  organisation_institutionNumber_unique: "institutionNumber",
  organisation_enterpriseNumber_unique: "enterpriseNumber",
};

function invalid(fieldErrors: FieldErrors) {
  return new UseCaseFailure({ ok: false, reason: "invalid", fieldErrors, formErrors: [] });
}

/** Fails with field errors when another organisation already holds one of the numbers. */
export async function assertIdentifiersFree(
  tx: DbExecutor,
  numbers: { institutionNumber: string | null; enterpriseNumber: string | null },
  exceptId?: string,
): Promise<void> {
  const clauses: SQL[] = [];
  if (numbers.institutionNumber)
    clauses.push(eq(organisation.institutionNumber, numbers.institutionNumber));
  if (numbers.enterpriseNumber)
    clauses.push(eq(organisation.enterpriseNumber, numbers.enterpriseNumber));
  if (clauses.length === 0) return;
  const holders = await tx
    .select({
      institutionNumber: organisation.institutionNumber,
      enterpriseNumber: organisation.enterpriseNumber,
    })
    .from(organisation)
    .where(and(or(...clauses), exceptId ? ne(organisation.id, exceptId) : undefined));
  const fieldErrors: FieldErrors = {};
  for (const holder of holders) {
    if (numbers.institutionNumber && holder.institutionNumber === numbers.institutionNumber)
      fieldErrors.institutionNumber = [takenKey.institutionNumber];
    if (numbers.enterpriseNumber && holder.enterpriseNumber === numbers.enterpriseNumber)
      fieldErrors.enterpriseNumber = [takenKey.enterpriseNumber];
  }
  if (Object.keys(fieldErrors).length > 0) throw invalid(fieldErrors);
}

/** A unique violation on one of the numbers as the matching field error; anything else as is. */
export function identifierConflict(error: unknown): unknown {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505" && typeof constraint === "string" && constraint in constraintField) {
      const field = constraintField[constraint] as keyof typeof takenKey;
      return invalid({ [field]: [takenKey[field]] });
    }
    if ((e as { cause?: unknown }).cause === e) break;
  }
  return error;
}
