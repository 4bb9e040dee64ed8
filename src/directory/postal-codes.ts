import { findMunicipality, resolveMunicipality } from "./reference-data";
import postalCodesJson from "./reference-data/postal-codes.json" with { type: "json" };

// Postal codes of the current Flemish and Brussels municipalities (BeST Address, see
// reference-data/PROVENANCE.md). A module of its own, apart from reference-data.ts, so that the
// pages whose components read municipalities do not ship 1,181 postal codes to the browser.

/** A postal code of a current municipality. */
export interface PostalCode {
  postalCode: string;
  nis: string;
  /** The place the code is for: the municipality's own name in capitals, a part of it not. */
  place: string;
}

export const postalCodes = postalCodesJson as readonly PostalCode[];

const postalCodesByNis = Map.groupBy(postalCodes, (p) => p.nis);
const sameName = (a: string, b: string) => a.localeCompare(b, "nl", { sensitivity: "base" }) === 0;

/** The postal codes of a municipality, lowest first; a code from before 2025 gets its successor's. */
export function postalCodesOf(nis: string): readonly PostalCode[] {
  const current = resolveMunicipality(nis, "9999-12-31");
  return (current && postalCodesByNis.get(current.nis)) ?? [];
}

/**
 * The postal code an address in this municipality most likely has, for data that names the
 * municipality only (the demo world, an import without postal codes): the code of the place named
 * as the municipality, else its lowest. A code from before the 2025 mergers looks for its own
 * name among its successor's places (Borsbeek 11007 is 2150 in Antwerpen). Null for an unknown
 * code.
 */
export function mainPostalCode(nis: string): string | null {
  const m = findMunicipality(nis);
  if (!m) return null;
  const places = postalCodesOf(nis);
  const named = places.find(
    (p) => sameName(p.place, m.nameNl) || (m.nameFr !== null && sameName(p.place, m.nameFr)),
  );
  return (named ?? places[0])?.postalCode ?? null;
}
