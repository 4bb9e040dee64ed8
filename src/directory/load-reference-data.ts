import { sql } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import { municipalities, provinces, studyProgrammes } from "./reference-data";
import { municipality, province, studyProgramme } from "./schema";

// Reference data ships with the code (src/directory/reference-data, see PROVENANCE.md) and is
// upserted at every setup, so a new release of the data reaches existing databases too.

const batchSize = 500;

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += batchSize) out.push(rows.slice(i, i + batchSize));
  return out;
}

/** Upserts provinces, municipalities (with their validity periods) and the programme catalogue. */
export async function loadReferenceData(db: DbExecutor): Promise<{
  provinces: number;
  municipalities: number;
  studyProgrammes: number;
}> {
  await db
    .insert(province)
    .values(provinces.map((p) => ({ ...p })))
    .onConflictDoUpdate({
      target: province.code,
      set: {
        nis: sql`excluded.nis`,
        nameNl: sql`excluded.name_nl`,
        nameEn: sql`excluded.name_en`,
        nuts: sql`excluded.nuts`,
        rtcRegion: sql`excluded.rtc_region`,
      },
    });
  for (const rows of batches(municipalities)) {
    await db
      .insert(municipality)
      .values(rows.map((m) => ({ ...m })))
      .onConflictDoUpdate({
        target: municipality.nis,
        set: {
          nameNl: sql`excluded.name_nl`,
          nameFr: sql`excluded.name_fr`,
          provinceCode: sql`excluded.province_code`,
          arrondissementNis: sql`excluded.arrondissement_nis`,
          population: sql`excluded.population`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`excluded.valid_to`,
          successorNis: sql`excluded.successor_nis`,
        },
      });
  }
  for (const rows of batches(studyProgrammes)) {
    await db
      .insert(studyProgramme)
      .values(
        rows.map((p) => ({
          code: p.code,
          stage: p.stage,
          name: p.name,
          finality: p.finality,
          domain: p.domain,
          educationForms: p.educationForms,
          dual: p.dual,
          seventhYear: p.seventhYear,
        })),
      )
      .onConflictDoUpdate({
        target: [studyProgramme.code, studyProgramme.stage],
        set: {
          name: sql`excluded.name`,
          finality: sql`excluded.finality`,
          domain: sql`excluded.domain`,
          educationForms: sql`excluded.education_forms`,
          dual: sql`excluded.dual`,
          seventhYear: sql`excluded.seventh_year`,
        },
      });
  }
  return {
    provinces: provinces.length,
    municipalities: municipalities.length,
    studyProgrammes: studyProgrammes.length,
  };
}
