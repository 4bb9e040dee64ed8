import type { Stage, StudyDomain } from "./model";
import { findStudyProgramme, studyProgrammes } from "./reference-data";

// The study programmes a form can ask about (a "studyProgrammes" question): every programme of
// the catalogue that belongs to a study domain, grouped by domain and sorted by name. A choice is
// stored as "<stage>-<code>", since a code alone is not unique across graden.

export interface ProgrammeOption {
  value: string;
  name: string;
  stage: Stage;
  domain: StudyDomain;
}

const collator = new Intl.Collator("nl-BE", { sensitivity: "base" });

export const programmeOptions: readonly ProgrammeOption[] = studyProgrammes
  .filter((p) => p.domain !== null)
  .map((p) => ({
    value: `${p.stage}-${p.code}`,
    name: p.name,
    stage: p.stage,
    domain: p.domain as StudyDomain,
  }))
  .sort((a, b) => collator.compare(a.name, b.name) || a.stage.localeCompare(b.stage));

const optionByValue = new Map(programmeOptions.map((o) => [o.value, o]));

export function findProgrammeOption(value: string): ProgrammeOption | undefined {
  return optionByValue.get(value);
}

/** The catalogue's name of a stored choice ("3-1432" -> "Afwerking bouw"), or the value itself. */
export function programmeOptionName(value: string): string {
  const [stage, code] = value.split("-", 2) as [Stage, string];
  return findStudyProgramme(code ?? "", stage)?.name ?? value;
}
