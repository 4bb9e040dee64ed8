import { municipalitiesValidOn } from "./reference-data";

// The municipalities a person can choose today (after the 2025 mergers), sorted by their Dutch
// name, for the directory filter and the organisation form. Brussels municipalities carry both
// names ("Elsene / Ixelles").

const collator = new Intl.Collator("nl-BE", { sensitivity: "base", ignorePunctuation: true });

export function municipalityOptions(
  now: Date = new Date(),
): Array<{ value: string; label: string }> {
  return municipalitiesValidOn(now)
    .map((m) => ({
      value: m.nis,
      label: m.nameFr && m.nameFr !== m.nameNl ? `${m.nameNl} / ${m.nameFr}` : m.nameNl,
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
