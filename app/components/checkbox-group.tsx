import { fieldId } from "./form";

// A group of checkboxes for a field with several values (a fieldset with its legend, its error
// and every option), posted as repeated values of one name. Works without JavaScript.

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: readonly string[];
  error?: string;
  hint?: string;
}) {
  const selected = new Set(props.checked);
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-fout` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      id={id}
      className={`field checkboxes${props.error ? " field--error" : ""}`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field__error" id={`${id}-fout`}>
          {props.error}
        </p>
      )}
      {props.options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            name={props.name}
            value={o.value}
            defaultChecked={selected.has(o.value)}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
