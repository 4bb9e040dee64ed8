import type { DbExecutor } from "../db/client";
import type { OrganisationKind } from "../directory/model";
import { searchDirectory } from "../directory/search-directory";
import { findOrganisationByIdentifier } from "./grant-membership";

// The organisations an administrator can give a person a role in, for what they typed: the one
// with that instellingsnummer, ondernemingsnummer or exact name first, then the directory's
// search (names, in the directory's order). A read for the role picker, bounded.

export interface OrganisationCandidate {
  id: string;
  name: string;
  kind: OrganisationKind | null;
  municipalityName: string | null;
}

export const maxOrganisationCandidates = 20;

export async function organisationCandidates(
  db: DbExecutor,
  typed: string,
): Promise<OrganisationCandidate[]> {
  const query = typed.trim().slice(0, 200);
  if (query === "") return [];
  const [exact, found] = await Promise.all([
    findOrganisationByIdentifier(db, query),
    searchDirectory(db, { query }, 1),
  ]);
  const rows: OrganisationCandidate[] = found.rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    municipalityName: r.municipalityName,
  }));
  const first = exact.found ? (rows.find((r) => r.id === exact.id) ?? null) : null;
  const candidates =
    exact.found && !first
      ? [{ id: exact.id, name: exact.name, kind: null, municipalityName: null }, ...rows]
      : first
        ? [first, ...rows.filter((r) => r !== first)]
        : rows;
  return candidates.slice(0, maxOrganisationCandidates);
}
