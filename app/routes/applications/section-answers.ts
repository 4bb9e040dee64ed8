// The answers of a section as posted by its form: fields named "answers.<questionId>", one value
// or several (checkboxes). Shared by the section page's action and its autosave endpoint.

export const answerFieldPrefix = "answers.";

export function answersFromForm(form: FormData): {
  answers: Record<string, string | string[]>;
  /** Every posted value per question, to tick chosen options again after a refusal. */
  chosen: Record<string, string[]>;
  /** Single values as typed, to show them again after a refusal. */
  values: Record<string, string>;
} {
  const answers: Record<string, string | string[]> = {};
  const chosen: Record<string, string[]> = {};
  const values: Record<string, string> = {};
  for (const key of new Set(form.keys())) {
    if (!key.startsWith(answerFieldPrefix)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    const id = key.slice(answerFieldPrefix.length);
    answers[id] = all.length === 1 ? (all[0] as string) : all;
    chosen[id] = all;
    if (all.length === 1) values[key] = all[0] as string;
  }
  return { answers, chosen, values };
}

/** The same, from values kept as a record (a parked form): "answers.<id>" keys only. */
export function answersFromValues(values: Record<string, string | string[]>): {
  answers: Record<string, string | string[]>;
} {
  const answers: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values))
    if (key.startsWith(answerFieldPrefix)) answers[key.slice(answerFieldPrefix.length)] = value;
  return { answers };
}
