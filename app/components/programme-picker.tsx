import type { ProgrammeChoice } from "../../src/directory/programme-options";
import { useT } from "../lib/i18n";
import { fieldId, SubmitButton, TextField } from "./form";

// The one way to choose study programmes out of the catalogue's ~500, part of the form kit: the
// chosen ones as ticked checkboxes, and a search in the catalogue that is a button
// of the same form, so it works without JavaScript and keeps everything typed. The route answers
// the search with `programmeSearchReply` (app/lib/programme-picker.server.ts): the same page with
// the matches as unticked checkboxes below the chosen ones.

/** The intent a picker's search button posts, naming its field. */
export function programmeSearchIntent(name: string): string {
  return `zoek:${name}`;
}

/** The search field's name: outside the form's own fields, so it is never taken as an answer. */
export function programmeSearchField(name: string): string {
  return `zoek.${name}`;
}

function ProgrammeCheckbox(props: {
  name: string;
  choice: ProgrammeChoice;
  checked: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const c = props.choice;
  const id = `${fieldId(props.name)}-${c.value.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const detail = c.stage ? `${t(`stage.${c.stage}`)}, ${c.code}` : c.code;
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={c.value}
        defaultChecked={props.checked}
        disabled={props.disabled}
      />
      <label htmlFor={id}>
        {c.name}
        {c.name !== c.code && ` (${detail})`}
      </label>
    </div>
  );
}

export function ProgrammePicker(props: {
  name: string;
  label: string;
  hint?: string;
  /** The chosen programmes, ticked. */
  chosen: readonly ProgrammeChoice[];
  /** The answer to a search of this picker, or null when it was not searched. */
  matches: readonly ProgrammeChoice[] | null;
  /** What was searched for, to show it again. */
  query?: string;
  /** The field's error, already in words. */
  error?: string;
  required?: boolean;
  /** Required in some cases only: neither "required" nor "optional". */
  conditional?: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const id = fieldId(props.name);
  const chosenValues = new Set(props.chosen.map((c) => c.value));
  const matches = props.matches?.filter((m) => !chosenValues.has(m.value)) ?? null;
  const described = [`${id}-hint`, props.error ? `${id}-fout` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`field choices programme-picker${props.error ? " field--error" : ""}`}
      id={id}
      aria-describedby={described}
    >
      <legend>
        {props.label}
        {!props.required && !props.conditional && (
          <span className="field__optional"> ({t("form.optional")})</span>
        )}
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        {props.hint ?? t("programmePicker.hint")}
      </p>
      {props.error && (
        <p className="field__error" id={`${id}-fout`}>
          {props.error}
        </p>
      )}
      {props.chosen.length === 0 && <p className="muted">{t("programmePicker.noneChosen")}</p>}
      {props.chosen.map((c) => (
        <ProgrammeCheckbox
          key={c.value}
          name={props.name}
          choice={c}
          checked
          disabled={props.disabled}
        />
      ))}
      {!props.disabled && (
        <div className="programme-picker__search">
          <TextField
            name={programmeSearchField(props.name)}
            type="search"
            width="medium"
            label={t("programmePicker.search")}
            defaultValue={props.query}
            conditional
          />
          <SubmitButton name="intent" value={programmeSearchIntent(props.name)} secondary>
            {t("programmePicker.searchButton")}
          </SubmitButton>
        </div>
      )}
      {matches && (
        <div role="status">
          <p>
            {matches.length === 0
              ? t("programmePicker.noMatches")
              : t("programmePicker.matches", { count: matches.length })}
          </p>
          {matches.map((c) => (
            <ProgrammeCheckbox key={c.value} name={props.name} choice={c} checked={false} />
          ))}
        </div>
      )}
    </fieldset>
  );
}
