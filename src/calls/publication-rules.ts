import type { FieldErrors } from "../platform/use-case";
import { type FormDefinition, questionCount } from "./form-definition";
import type { Envelope, EnvelopeDimension } from "./model";

// What a call needs before it can be published. A pure function of the call, so the rules are
// tested as a table; the publish use case refuses with exactly these field errors (catalogue keys).

export interface CallForPublication {
  title: string;
  summary: string;
  body: string;
  schoolYears: string[];
  maxDurationMonths: number | null;
  themes: string[];
  changeLevels: string[];
  educationForms: string[];
  finalities: string[];
  studyDomains: string[];
  minLabourMarketPartners: number;
  minEducationPartners: number;
  totalBudgetCents: number | null;
  maxPerProjectCents: number | null;
  minCoFinancingPercent: number | null;
  envelopeDimension: EnvelopeDimension | null;
  envelopes: Envelope[];
  opensAt: Date | null;
  closesAt: Date | null;
  decisionAt: Date | null;
  formDraft: FormDefinition;
}

/** Every problem that stands in the way of publication, by form field; empty when complete. */
export function publicationProblems(call: CallForPublication): FieldErrors {
  const problems: FieldErrors = {};
  const add = (field: string, message: string) => {
    problems[field] = [...(problems[field] ?? []), message];
  };

  if (!call.title.trim()) add("title", "error.required");
  if (!call.summary.trim()) add("summary", "error.required");
  if (!call.body.trim()) add("body", "error.required");
  if (call.schoolYears.length === 0) add("schoolYears", "error.required");
  if (call.maxDurationMonths === null) add("maxDurationMonths", "error.required");
  for (const field of [
    "themes",
    "changeLevels",
    "educationForms",
    "finalities",
    "studyDomains",
  ] as const)
    if (call[field].length === 0) add(field, "error.call.chooseAtLeastOne");
  if (call.minLabourMarketPartners + call.minEducationPartners < 1)
    add("minLabourMarketPartners", "error.call.consortiumRequired");

  if (call.totalBudgetCents === null) add("totalBudget", "error.required");
  else if (call.totalBudgetCents <= 0) add("totalBudget", "error.call.amountPositive");
  if (call.maxPerProjectCents === null) add("maxPerProject", "error.required");
  else if (call.maxPerProjectCents <= 0) add("maxPerProject", "error.call.amountPositive");
  else if (call.totalBudgetCents !== null && call.maxPerProjectCents > call.totalBudgetCents)
    add("maxPerProject", "error.call.maxPerProjectAboveBudget");
  if (call.minCoFinancingPercent === null) add("minCoFinancingPercent", "error.required");

  if (call.envelopeDimension && call.envelopes.length === 0)
    add("envelopeDimension", "error.call.envelopesMissing");
  const envelopeSum = call.envelopes.reduce((sum, e) => sum + e.amountCents, 0);
  if (call.totalBudgetCents !== null && envelopeSum > call.totalBudgetCents)
    add("envelopes", "error.call.envelopesAboveBudget");
  const maxPerProject = call.maxPerProjectCents;
  // A project at the maximum must fit in every envelope it could be funded from.
  if (maxPerProject !== null && call.envelopes.some((e) => e.amountCents < maxPerProject))
    add("maxPerProject", "error.call.maxPerProjectAboveEnvelope");

  if (!call.opensAt) add("opensAt", "error.required");
  if (!call.closesAt) add("closesAt", "error.required");
  if (!call.decisionAt) add("decisionAt", "error.required");
  if (call.opensAt && call.closesAt && call.closesAt.getTime() <= call.opensAt.getTime())
    add("closesAt", "error.call.closesBeforeOpens");
  if (call.closesAt && call.decisionAt && call.decisionAt.getTime() <= call.closesAt.getTime())
    add("decisionAt", "error.call.decisionBeforeCloses");

  if (questionCount(call.formDraft) === 0) add("form", "error.call.formHasNoQuestions");
  return problems;
}
