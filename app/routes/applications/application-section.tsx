import { useRef, useState } from "react";
import { data, href, Link } from "react-router";
import {
  type AnswerableQuestion,
  countWords,
  findSection,
  isAnswerable,
  maxAnswerCharacters,
  type StepAnsweredQuestion,
  sectionLimitProblems,
  stepOfQuestionType,
} from "../../../src/applications/model";
import { getApplication } from "../../../src/applications/read-applications";
import { saveAnswers } from "../../../src/applications/save-answers";
import { wordLimit } from "../../../src/calls/question-types";
import {
  chosenProgrammeChoices,
  type ProgrammeChoice,
  programmeChoicesByStage,
} from "../../../src/directory/programme-options";
import type { MessageKey } from "../../../src/i18n/translate";
import { euroInputText } from "../../../src/platform/money";
import { DraftAutosave } from "../../components/draft-autosave";
import {
  AppForm,
  ChoiceGroup,
  type FormFeedback,
  fieldId,
  InPageLink,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../components/form";
import { Breadcrumbs, ContentText, FlashNotice, PageHeader } from "../../components/page";
import { ProgrammePicker } from "../../components/programme-picker";
import { getActor, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useContentLang, useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { expiredParam, parkAndSignIn, takeParked } from "../../lib/parked-form.server";
import { type ProgrammeSearchReply, programmeSearchReply } from "../../lib/programme-picker.server";
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
    // Parked because the session expired (back after signing in) or the page did (CSRF).
    restored: parked
      ? new URL(request.url).searchParams.has(expiredParam)
        ? ("afterExpiry" as const)
        : ("afterSignIn" as const)
      : null,
    // What is saved but over the call's limits, at its field (not for text parked unsaved).
    problems: parked ? {} : sectionLimitProblems(section, view.answers),
  };
}

interface ActionData {
  feedback: FormFeedback;
  /** Choices typed before a refusal, to tick them again. */
  chosen: Record<string, string[]>;
  conflict: boolean;
  /** A programme picker's search: nothing was saved. */
  search?: ProgrammeSearchReply;
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
  // A programme picker's search button: the same page with the matches, nothing saved.
  const pickers = Object.fromEntries(
    [...new Set(form.keys())]
      .filter((k) => k.startsWith(`zoek.${prefix}`))
      .map((k) => [k.slice("zoek.".length), programmeChoicesByStage]),
  );
  const search = programmeSearchReply(form, pickers);
  if (search) return data<ActionData>({ feedback: { values }, chosen, conflict: false, search });
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

// The answers are a draft's (ADR 0020): a required question may be saved blank and a text over
// its word limit is kept, so neither is a browser constraint. A required question shows no
// "optional" (the kit's `conditional`: required at submission, not for saving); the only hard
// limit of a text is the size guard the server refuses beyond (`maxAnswerCharacters`).

function TextAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "text" }>;
  value: string;
  disabled: boolean;
}) {
  const t = useT();
  const q = props.question;
  const name = `${prefix}${q.id}`;
  const max = wordLimit(q);
  const [count, setCount] = useState(() => countWords(props.value));
  const over = count - max;
  const limit =
    q.limit.unit === "pages"
      ? t("application.wordLimit", { max, pages: t("application.pages", { pages: q.limit.max }) })
      : t("application.wordLimitWords", { max });
  return (
    <TextAreaField
      name={name}
      label={<ContentText>{q.label}</ContentText>}
      required={false}
      conditional={q.required}
      hint={
        q.help ? (
          <>
            <ContentText>{q.help}</ContentText> {limit}
          </>
        ) : (
          limit
        )
      }
      defaultValue={props.value}
      rows={Math.min(20, 6 + Math.floor(max / 250))}
      maxLength={maxAnswerCharacters}
      readOnly={props.disabled}
      onInput={(value) => setCount(countWords(value))}
      after={{
        id: `${fieldId(name)}-telling`,
        className: `word-count${over > 0 ? " word-count--over" : ""}`,
        content:
          over > 0
            ? t("application.wordCountOver", { count, max, over })
            : t("application.wordCount", { count, max }),
      }}
    />
  );
}

function ShortAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "number" | "money" }>;
  value: string;
  disabled: boolean;
}) {
  const t = useT();
  const q = props.question;
  const limit =
    q.type === "money"
      ? q.maxCents !== undefined
        ? t("application.moneyMax", { max: euroInputText(q.maxCents) })
        : null
      : q.min !== undefined && q.max !== undefined
        ? t("application.numberRange", { min: q.min, max: q.max })
        : null;
  const ours = [q.type === "money" ? `${t("budget.moneyHint")}.` : null, limit]
    .filter(Boolean)
    .join(" ");
  // The call's help is people's text (marked with its language); the rest is the platform's.
  const hint =
    q.help || ours ? (
      <>
        {q.help && <ContentText>{q.help}</ContentText>}
        {q.help && ours ? " " : ""}
        {ours}
      </>
    ) : undefined;
  const unit = q.type === "money" ? " (€)" : q.unit ? ` (${q.unit})` : "";
  return (
    <TextField
      name={`${prefix}${q.id}`}
      label={
        <>
          <ContentText>{q.label}</ContentText>
          {unit}
        </>
      }
      required={false}
      conditional={q.required}
      hint={hint}
      defaultValue={props.value}
      inputMode="decimal"
      width="short"
      readOnly={props.disabled}
    />
  );
}

function ChoiceAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "choice" }>;
  chosen: string[];
  disabled: boolean;
}) {
  const q = props.question;
  return (
    <ChoiceGroup
      name={`${prefix}${q.id}`}
      legend={<ContentText>{q.label}</ContentText>}
      hint={q.help ? <ContentText>{q.help}</ContentText> : undefined}
      type={q.multiple ? "checkbox" : "radio"}
      options={q.options.map((o) => ({
        value: o.value,
        label: <ContentText>{o.label}</ContentText>,
      }))}
      defaultValues={props.chosen}
      required={false}
      conditional={q.required}
      disabled={props.disabled}
    />
  );
}

/** A question answered in its own step (consortium, budget, attachments): where to answer it. */
function StepAnswer(props: { question: StepAnsweredQuestion; applicationId: string }) {
  const t = useT();
  const step = stepOfQuestionType[props.question.type];
  return (
    <div className="field">
      <h2 className="field__label-heading">
        <ContentText>{props.question.label}</ContentText>
      </h2>
      {props.question.help && (
        <p className="field__hint">
          <ContentText>{props.question.help}</ContentText>
        </p>
      )}
      <p>
        <Link to={stepHref(props.applicationId, step)}>
          {t("application.answeredInStep", { step: t(`application.step.${step}`) })}
        </Link>
      </p>
    </div>
  );
}

/** Study programmes from the catalogue: the form kit's searchable checkbox list. */
function ProgrammesAnswer(props: {
  question: Extract<AnswerableQuestion, { type: "studyProgrammes" }>;
  chosen: string[];
  search?: ProgrammeSearchReply;
  errors?: string[];
  disabled: boolean;
}) {
  const t = useT();
  const q = props.question;
  const name = `${prefix}${q.id}`;
  const mine = props.search?.name === name ? props.search : undefined;
  const chosen: ProgrammeChoice[] = mine
    ? mine.chosen
    : chosenProgrammeChoices(programmeChoicesByStage, props.chosen);
  return (
    <ProgrammePicker
      name={name}
      label={q.label}
      hint={q.help}
      required={q.required}
      chosen={chosen}
      matches={mine?.matches ?? null}
      query={mine?.query}
      error={props.errors?.[0] ? t(props.errors[0] as MessageKey) : undefined}
      disabled={props.disabled}
    />
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
  const problems = fb?.fieldErrors ? [] : Object.entries(loaderData.problems);
  // The programme picker shows its field's errors itself: a refused post's, else the saved ones'.
  const errorsOf = (id: string) =>
    fb?.fieldErrors ? fb.fieldErrors[`${prefix}${id}`] : loaderData.problems[`${prefix}${id}`];
  const labels = Object.fromEntries(section.questions.map((q) => [`${prefix}${q.id}`, q.label]));
  const readOnly = !a.canEdit;
  const taskList = href("/aanvragen/:applicationId", { applicationId: a.id });
  const versionRef = useRef<HTMLInputElement>(null);
  const content = useContentLang();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: taskList, label: a.title },
          { label: section.title },
        ]}
      />
      <PageHeader
        title={section.title}
        titleLang={content.lang}
        lead={section.intro && <ContentText>{section.intro}</ContentText>}
      />
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
        <p className="notice notice--warning">
          {t(
            loaderData.restored === "afterExpiry"
              ? "application.restoredAfterExpiry"
              : "application.restoredAfterSignIn",
          )}
        </p>
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
      <AppForm
        feedback={fb}
        // The saved answers' limit problems at their fields, unless a refused post shows its own.
        problems={loaderData.problems}
        labels={labels}
        aria-label={section.title}
      >
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
            return <TextAnswer key={q.id} question={q} value={textOf(q.id)} disabled={readOnly} />;
          if (q.type === "studyProgrammes")
            return (
              <ProgrammesAnswer
                key={q.id}
                question={q}
                chosen={chosenOf(q.id)}
                search={(actionData as ActionData | undefined)?.search}
                errors={errorsOf(q.id)}
                disabled={readOnly}
              />
            );
          if (q.type === "number" || q.type === "money")
            return <ShortAnswer key={q.id} question={q} value={textOf(q.id)} disabled={readOnly} />;
          return (
            <ChoiceAnswer key={q.id} question={q} chosen={chosenOf(q.id)} disabled={readOnly} />
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
