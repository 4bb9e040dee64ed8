import {
  chosenProgrammeChoices,
  type ProgrammeChoice,
  searchProgrammeChoices,
} from "../../src/directory/programme-options";
import { programmeSearchField, programmeSearchIntent } from "../components/programme-picker";

/** What a page shows again after a programme picker's search: nothing is saved. */
export interface ProgrammeSearchReply {
  /** The picker's field name. */
  name: string;
  /** What was searched for, shown again in the search field. */
  query: string;
  chosen: ProgrammeChoice[];
  matches: ProgrammeChoice[];
}

/**
 * The answer to a programme picker's search button, or null when the form was posted otherwise.
 * `pickers` names each picker of the form with its catalogue (most forms have one).
 */
export function programmeSearchReply(
  form: FormData,
  pickers: Record<string, readonly ProgrammeChoice[]>,
): ProgrammeSearchReply | null {
  const intent = form.get("intent");
  for (const [name, choices] of Object.entries(pickers)) {
    if (intent !== programmeSearchIntent(name)) continue;
    const values = form
      .getAll(name)
      .filter((v): v is string => typeof v === "string")
      .slice(0, 200);
    const query = form.get(programmeSearchField(name));
    const text = typeof query === "string" ? query.trim().slice(0, 200) : "";
    return {
      name,
      query: text,
      chosen: chosenProgrammeChoices(choices, values),
      matches: searchProgrammeChoices(choices, text),
    };
  }
  return null;
}
