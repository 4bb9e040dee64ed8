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

/**
 * A study programme as one checkbox of a programme picker: the value the form posts and what a
 * person reads (the name, with the code, and the stage where the value depends on it).
 */
export interface ProgrammeChoice {
  value: string;
  name: string;
  code: string;
  stage?: Stage;
}

/** Per stage ("<stage>-<code>"): the choices of a form's study-programme question. */
export const programmeChoicesByStage: readonly ProgrammeChoice[] = programmeOptions.map((o) => ({
  value: o.value,
  name: o.name,
  code: o.value.slice(o.value.indexOf("-") + 1),
  stage: o.stage,
}));

/** Per catalogue code (a code can exist in several graden, its names joined), sorted by name. */
export const programmeChoicesByCode: readonly ProgrammeChoice[] = (() => {
  const names = new Map<string, string[]>();
  for (const p of studyProgrammes) {
    if (p.domain === null) continue;
    names.set(p.code, [...(names.get(p.code) ?? []), p.name]);
  }
  return [...names]
    .map(([code, list]) => ({ value: code, name: [...new Set(list)].join(" / "), code }))
    .sort((a, b) => collator.compare(a.name, b.name));
})();

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** At most this many matches are shown for one search. */
export const programmeSearchLimit = 40;

/** The choices whose name or code contains every word searched for (at most 8 words), by name. */
export function searchProgrammeChoices(
  choices: readonly ProgrammeChoice[],
  query: string,
): ProgrammeChoice[] {
  const words = fold(query.slice(0, 200)).split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  return choices
    .filter((c) => {
      const text = fold(`${c.name} ${c.code}`);
      return words.every((w) => text.includes(w));
    })
    .slice(0, programmeSearchLimit);
}

/** The chosen values as choices, in the order given; a value the catalogue lacks shows as itself. */
export function chosenProgrammeChoices(
  choices: readonly ProgrammeChoice[],
  values: readonly string[],
): ProgrammeChoice[] {
  const byValue = new Map(choices.map((c) => [c.value, c]));
  return [...new Set(values)].map((v) => byValue.get(v) ?? { value: v, name: v, code: v });
}
