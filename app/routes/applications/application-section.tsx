import { useRef, useState } from "react";
import { href, Link } from "react-router";
import {
  type AnswerableQuestion,
  countWords,
  findSection,
  isAnswerable,
  type StepAnsweredQuestion,
  sectionLimitProblems,
  stepOfQuestionType,
} from "../../../src/applications/model";
import { getApplication } from "../../../src/applications/read-applications";
import { saveAnswers } from "../../../src/applications/save-answers";
import { euroInputText } from "../../../src/calls/call-input";
import { wordLimit } from "../../../src/calls/form-definition";
import { studyDomains } from "../../../src/directory/model";
import { programmeOptions } from "../../../src/directory/programme-options";
import { isMessageKey, type MessageKey } from "../../../src/i18n/translate";
import { DraftAutosave } from "../../components/draft-autosave";
import { AppForm, fieldId, InPageLink, SubmitButton } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { getActor, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { parkAndSignIn, takeParked } from "../../lib/parked-form.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-section";
import { answersFromForm, answersFromValues, answerFieldPrefix as prefix } from "./section-answers";
import { stepHref } from "./step-href";

// One section of an application: its text, number, money, choice and study-programme questions
// with their limits (questions answered in a step of their own link to that step). An answer
// over the call's limits is saved as typed and marked at its field, with a list on top, until
// it fits (the submission refuses it; ADR 0020); the word count is shown after every save and,
// with JavaScript, follows the typing. On a refusal or a conflict the typed text is kept.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.section.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  const section = findSection(view.form, params.sectionId);
  if (!section) notFound();
  // What is stored, as the strings a form shows (choices as their option values).
  const stored: Record<string, string | string[]> = {};
  for (const q of section.questions) {
    const answer = view.answers[q.id];
    if (answer === undefined) continue;
    if (q.type === "money" && typeof answer === "number") stored[q.id] = euroInputText(answer);
    else stored[q.id] = Array.isArray(answer) ? answer : String(answer);
  }
  // Text posted after the session expired, parked until now: shown again, not yet saved, with
  // the version it was typed on (so a save still notices another coordinator's change).
  const parked = view.canEdit ? await takeParked(request, actor) : null;
  let version = view.version;
  if (parked) {
    const { answers } = answersFromValues(parked);
    for (const q of section.questions) stored[q.id] = answers[q.id] ?? "";
    const parkedVersion = Number(parked.version);
    if (Number.isSafeInteger(parkedVersion) && parkedVersion > 0) version = parkedVersion;
  }
  return {
    application: { id: view.id, title: view.title, version, canEdit: view.canEdit },
    section,
    stored,
    restored: parked !== null,
    // What is saved but over the call's limits, at its field (not for text parked unsaved).
    problems: parked ? {} : sectionLimitProblems(section, view.answers),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await getActor(request);
  const form = await request.formData();
  const { answers, chosen, values } = answersFromForm(form);
  if (!actor) {
    const version = form.get("version");
    const typed = Object.fromEntries(Object.entries(answers).map(([id, v]) => [prefix + id, v]));
    throw await parkAndSignIn(request, {
      ...typed,
      version: typeof version === "string" ? version : "",
    });
  }
  const { database } = await services();
  const result = await saveAnswers(
    { db: database.db, actor },
    {
      applicationId: params.applicationId,
      sectionId: params.sectionId,
      version: form.get("version"),
      answers,
    },
  );
  return answer(result, {
    // Saved; an answer over a limit brings the coordinator back to its field to see the problem.
    success: ({ problems }) =>
      Object.keys(problems).length > 0
        ? {
            redirect: href("/aanvragen/:applicationId/sectie/:sectionId", params),
            flash: "application.sectionSavedWithProblems",
          }
        : {
            redirect: href("/aanvragen/:applicationId", params),
            flash: "application.sectionSaved",
          },
    values,
    extra: (refusal) => ({
      chosen,
      // Saved by someone else meanwhile: the page offers to reload what is saved now.
      conflict: refusal.reason === "conflict" && refusal.message === "application.error.conflict",
    }),
  });
}

function LimitText({ question }: { question: Extract<AnswerableQuestion, { type: "text" }> }) {
  const t = useT();
  if (question.type === "text") {
    const max = wordLimit(question);
    return question.limit.unit === "pages"
      ? t("application.wordLimit", {
          max,
          pages: t("application.pages", { pages: question.limit.max }),
        })
      : t("application.wordLimitWords", { max });
  }
  return null;
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  const t = useT();
  const first = messages?.[0];
  if (!first) return null;
  return (
    <p className="field__error" id={id}>
      {t(isMessageKey(first) ? first : ("error.required" as MessageKey))}
    </p>
  );
}

function TextAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "text" }>;
  value: string;
  errors?: string[];
  disabled: boolean;
}) {
  const t = useT();
  const name = `${prefix}${props.question.id}`;
  const id = fieldId(name);
  const max = wordLimit(props.question);
  const [count, setCount] = useState(() => countWords(props.value));
  const over = count - max;
  const describedBy = [`${id}-hint`, `${id}-telling`, props.errors ? `${id}-fout` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${props.errors ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {props.question.label}
        {!props.question.required && (
          <span className="field__optional"> ({t("form.optional")})</span>
        )}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {props.question.help ? `${props.question.help} ` : ""}
        <LimitText question={props.question} />
      </p>
      <FieldError id={`${id}-fout`} messages={props.errors} />
      <textarea
        id={id}
        name={name}
        defaultValue={props.value}
        rows={Math.min(20, 6 + Math.floor(max / 250))}
        className="input input--full"
        aria-invalid={props.errors ? true : undefined}
        aria-describedby={describedBy}
        readOnly={props.disabled}
        onInput={(e) => setCount(countWords(e.currentTarget.value))}
      />
      <p id={`${id}-telling`} className={`word-count${over > 0 ? " word-count--over" : ""}`}>
        {over > 0
          ? t("application.wordCountOver", { count, max, over })
          : t("application.wordCount", { count, max })}
      </p>
    </div>
  );
}

function ShortAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "number" | "money" }>;
  value: string;
  errors?: string[];
  disabled: boolean;
}) {
  const t = useT();
  const name = `${prefix}${props.question.id}`;
  const id = fieldId(name);
  const q = props.question;
  const limit =
    q.type === "money"
      ? q.maxCents !== undefined
        ? t("application.moneyMax", { max: euroInputText(q.maxCents) })
        : null
      : q.min !== undefined && q.max !== undefined
        ? t("application.numberRange", { min: q.min, max: q.max })
        : null;
  const hasHint = !!q.help || limit !== null || q.type === "money";
  const describedBy = [hasHint ? `${id}-hint` : null, props.errors ? `${id}-fout` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${props.errors ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {q.label}
        {q.type === "number" && q.unit ? ` (${q.unit})` : ""}
        {q.type === "money" ? " (€)" : ""}
        {!props.question.required && (
          <span className="field__optional"> ({t("form.optional")})</span>
        )}
      </label>
      {hasHint && (
        <p className="field__hint" id={`${id}-hint`}>
          {q.help ? `${q.help} ` : ""}
          {q.type === "money" ? `${t("budget.moneyHint")}. ` : ""}
          {limit}
        </p>
      )}
      <FieldError id={`${id}-fout`} messages={props.errors} />
      <input
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        defaultValue={props.value}
        className="input input--short"
        aria-invalid={props.errors ? true : undefined}
        aria-describedby={describedBy || undefined}
        readOnly={props.disabled}
      />
    </div>
  );
}

function ChoiceAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "choice" }>;
  chosen: string[];
  errors?: string[];
  disabled: boolean;
}) {
  const t = useT();
  const q = props.question;
  const name = `${prefix}${q.id}`;
  const id = fieldId(name);
  return (
    <fieldset
      className={`field choices${props.errors ? " field--error" : ""}`}
      id={id}
      aria-describedby={props.errors ? `${id}-fout` : undefined}
      disabled={props.disabled}
    >
      <legend>
        {q.label}
        {!q.required && <span className="field__optional"> ({t("form.optional")})</span>}
      </legend>
      {q.help && <p className="field__hint">{q.help}</p>}
      <FieldError id={`${id}-fout`} messages={props.errors} />
      {q.options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type={q.multiple ? "checkbox" : "radio"}
            id={`${id}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={props.chosen.includes(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A question answered in its own step (consortium, budget, attachments): where to answer it. */
function StepAnswer(props: { question: StepAnsweredQuestion; applicationId: string }) {
  const t = useT();
  const step = stepOfQuestionType[props.question.type];
  return (
    <div className="field">
      <h2 className="field__label-heading">{props.question.label}</h2>
      {props.question.help && <p className="field__hint">{props.question.help}</p>}
      <p>
        <Link to={stepHref(props.applicationId, step)}>
          {t("application.answeredInStep", { step: t(`application.step.${step}`) })}
        </Link>
      </p>
    </div>
  );
}

/**
 * Study programmes from the catalogue, grouped by study domain: a native multiple select, which
 * works without JavaScript and with every screen reader and keyboard.
 */
function ProgrammesAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "studyProgrammes" }>;
  chosen: string[];
  errors?: string[];
  disabled: boolean;
}) {
  const t = useT();
  const q = props.question;
  const name = `${prefix}${q.id}`;
  const id = fieldId(name);
  const describedBy = [`${id}-hint`, props.errors ? `${id}-fout` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${props.errors ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {q.label}
        {!q.required && <span className="field__optional"> ({t("form.optional")})</span>}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {q.help ? `${q.help} ` : ""}
        {t("application.programmesHint")}
      </p>
      <FieldError id={`${id}-fout`} messages={props.errors} />
      <select
        id={id}
        name={name}
        multiple
        size={12}
        defaultValue={props.chosen}
        className="input input--full"
        aria-invalid={props.errors ? true : undefined}
        aria-describedby={describedBy}
        disabled={props.disabled}
      >
        {studyDomains.map((domain) => (
          <optgroup key={domain} label={t(`domain.${domain}`)}>
            {programmeOptions
              .filter((o) => o.domain === domain)
              .map((o) => (
                <option key={o.value} value={o.value}>
                  {o.name} ({t(`stage.${o.stage}`)})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export default function ApplicationSection({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application: a, section, stored } = loaderData;
  const fb = actionData?.feedback;
  const textOf = (id: string) => {
    const typed = fb?.values?.[`${prefix}${id}`];
    if (typed !== undefined) return typed;
    const saved = stored[id];
    return typeof saved === "string" ? saved : "";
  };
  const chosenOf = (id: string) => {
    if (actionData) return actionData.chosen[id] ?? [];
    const saved = stored[id];
    return Array.isArray(saved) ? saved : saved ? [saved] : [];
  };
  // A refused post shows its own errors; otherwise the saved answers' limit problems.
  const errorsOf = (id: string) =>
    fb?.fieldErrors ? fb.fieldErrors[`${prefix}${id}`] : loaderData.problems[`${prefix}${id}`];
  const problems = fb?.fieldErrors ? [] : Object.entries(loaderData.problems);
  const labels = Object.fromEntries(section.questions.map((q) => [`${prefix}${q.id}`, q.label]));
  const readOnly = !a.canEdit;
  const taskList = href("/aanvragen/:applicationId", { applicationId: a.id });
  const versionRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: taskList, label: a.title },
          { label: section.title },
        ]}
      />
      <PageHeader title={section.title} lead={section.intro} />
      <FlashNotice />
      {problems.length > 0 && (
        <div className="notice notice--warning">
          <h2>{t("application.limitProblemsTitle")}</h2>
          <ul>
            {problems.map(([name, keys]) => (
              <li key={name}>
                <InPageLink to={fieldId(name)}>
                  {labels[name] ? `${labels[name]}: ` : ""}
                  {t((keys[0] ?? "error.invalidValue") as MessageKey)}
                </InPageLink>
              </li>
            ))}
          </ul>
        </div>
      )}
      {readOnly && <p className="notice notice--info">{t("application.readOnly")}</p>}
      {loaderData.restored && (
        <p className="notice notice--warning">{t("application.restoredAfterSignIn")}</p>
      )}
      {actionData?.conflict && (
        <div className="notice notice--warning">
          <p>{t("application.conflictText")}</p>
          <p>
            <a
              href={href("/aanvragen/:applicationId/sectie/:sectionId", {
                applicationId: a.id,
                sectionId: section.id,
              })}
            >
              {t("application.openLatest")}
            </a>
          </p>
        </div>
      )}
      <AppForm feedback={fb} labels={labels} aria-label={section.title}>
        <input
          key={a.version}
          ref={versionRef}
          type="hidden"
          name="version"
          defaultValue={a.version}
        />
        {!readOnly && (
          <DraftAutosave
            url={href("/aanvragen/:applicationId/sectie/:sectionId/concept", {
              applicationId: a.id,
              sectionId: section.id,
            })}
            storageKey={`innovet:concept:${a.id}:${section.id}`}
            versionRef={versionRef}
          />
        )}
        {section.questions.map((q) => {
          if (!isAnswerable(q)) return <StepAnswer key={q.id} question={q} applicationId={a.id} />;
          if (q.type === "text")
            return (
              <TextAnswer
                key={q.id}
                question={q}
                value={textOf(q.id)}
                errors={errorsOf(q.id)}
                disabled={readOnly}
              />
            );
          if (q.type === "studyProgrammes")
            return (
              <ProgrammesAnswer
                key={q.id}
                question={q}
                chosen={chosenOf(q.id)}
                errors={errorsOf(q.id)}
                disabled={readOnly}
              />
            );
          if (q.type === "number" || q.type === "money")
            return (
              <ShortAnswer
                key={q.id}
                question={q}
                value={textOf(q.id)}
                errors={errorsOf(q.id)}
                disabled={readOnly}
              />
            );
          return (
            <ChoiceAnswer
              key={q.id}
              question={q}
              chosen={chosenOf(q.id)}
              errors={errorsOf(q.id)}
              disabled={readOnly}
            />
          );
        })}
        {!readOnly && <SubmitButton>{t("application.saveSection")}</SubmitButton>}
      </AppForm>
      <p>
        <Link to={taskList}>{t("application.backToTaskList")}</Link>
      </p>
    </>
  );
}
