import { type RefObject, useEffect, useRef, useState } from "react";
import { href } from "react-router";
import { formatBrussels } from "../../src/platform/time";
import { useLocale, useT } from "../lib/i18n";

// Autosave of a draft form when JavaScript is on, and a copy in this browser of what was typed:
// a few seconds after the last keystroke the form is posted to a JSON endpoint; the answer says
// saved (with the new version for optimistic concurrency), signed out, conflict or refused.
// Until the server has it, the typed text is kept in localStorage, so a session that expires or
// a lost connection loses nothing: the page offers to put the text back. Without JavaScript
// nothing here runs and the form's own submit button saves.

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "signedOut" }
  | { kind: "conflict" }
  | { kind: "refused" }
  | { kind: "offline" };

export type AutosaveReply =
  | { status: "saved"; version: number }
  | { status: "signedOut" }
  | { status: "conflict" }
  | { status: "refused" };

interface StoredCopy {
  savedAt: string;
  values: Record<string, string>;
}

const delayMs = 4000;

function textValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLTextAreaElement && element.name)
      values[element.name] = element.value;
    else if (
      element instanceof HTMLInputElement &&
      element.name &&
      (element.type === "text" || element.type === "number")
    )
      values[element.name] = element.value;
  }
  return values;
}

export function DraftAutosave(props: {
  /** Where the form is posted as a draft save (JSON reply). */
  url: string;
  /** Unique per application and section, e.g. "innovet:concept:<id>:<section>". */
  storageKey: string;
  /** The hidden version input inside the form: kept up to date after each save. */
  versionRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useT();
  const locale = useLocale();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [restorable, setRestorable] = useState<StoredCopy | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopped = useRef(false);

  useEffect(() => {
    const form = props.versionRef.current?.form;
    if (!form) return;
    try {
      const raw = window.localStorage.getItem(props.storageKey);
      const copy = raw ? (JSON.parse(raw) as StoredCopy) : null;
      const current = textValues(form);
      if (
        copy &&
        Object.entries(copy.values).some(([k, v]) => current[k] !== undefined && current[k] !== v)
      )
        setRestorable(copy);
    } catch {
      // A browser without storage (or a corrupt copy) only loses the backup, not the form.
    }

    const save = async () => {
      if (stopped.current) return;
      setState({ kind: "saving" });
      try {
        const response = await fetch(props.url, {
          method: "POST",
          body: new FormData(form),
          redirect: "manual",
          headers: { accept: "application/json" },
        });
        const reply = (await response.json().catch(() => ({ status: "refused" }))) as AutosaveReply;
        if (reply.status === "saved") {
          if (props.versionRef.current) props.versionRef.current.value = String(reply.version);
          window.localStorage.removeItem(props.storageKey);
          setState({
            kind: "saved",
            at: new Date().toLocaleTimeString("nl-BE", { hour: "2-digit", minute: "2-digit" }),
          });
        } else if (reply.status === "conflict") {
          stopped.current = true;
          setState({ kind: "conflict" });
        } else setState({ kind: reply.status });
      } catch {
        setState({ kind: "offline" });
      }
    };

    const onInput = () => {
      try {
        window.localStorage.setItem(
          props.storageKey,
          JSON.stringify({ savedAt: new Date().toISOString(), values: textValues(form) }),
        );
      } catch {
        // See above: the backup is best effort.
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(save, delayMs);
    };
    const onSubmit = () => clearTimeout(timer.current);
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("submit", onSubmit);
    return () => {
      clearTimeout(timer.current);
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
      form.removeEventListener("submit", onSubmit);
    };
  }, [props.url, props.storageKey, props.versionRef]);

  const restore = () => {
    const form = props.versionRef.current?.form;
    if (!form || !restorable) return;
    for (const [name, value] of Object.entries(restorable.values)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
        field.value = value;
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
    setRestorable(null);
  };

  return (
    <>
      {restorable && (
        <div className="notice notice--warning">
          <p>
            {t("autosave.restorable", {
              time: formatBrussels(new Date(restorable.savedAt), locale),
            })}
          </p>
          <button type="button" className="button button--secondary" onClick={restore}>
            {t("autosave.restore")}
          </button>
        </div>
      )}
      <p className="autosave-status" role="status" aria-live="polite">
        {state.kind === "saving" && t("autosave.saving")}
        {state.kind === "saved" && t("autosave.saved", { time: state.at })}
        {state.kind === "refused" && t("autosave.refused")}
        {state.kind === "offline" && t("autosave.offline")}
        {state.kind === "conflict" && t("autosave.conflict")}
        {state.kind === "signedOut" && (
          <>
            {t("autosave.signedOut")}{" "}
            <a href={href("/aanmelden")} target="_blank" rel="noopener">
              {t("autosave.signInNewTab")}
            </a>
          </>
        )}
      </p>
    </>
  );
}
