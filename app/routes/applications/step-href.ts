import { href } from "react-router";
import type { ApplicationStep } from "../../../src/applications/model";

// Where each step of the task list is answered: the routes of app/routes.ts, so a renamed step
// page breaks the type check, not a link (ADR 0029).
const stepRoutes = {
  consortium: "/aanvragen/:applicationId/consortium",
  plan: "/aanvragen/:applicationId/plan",
  budget: "/aanvragen/:applicationId/budget",
  attachments: "/aanvragen/:applicationId/bijlagen",
} as const satisfies Record<ApplicationStep, Parameters<typeof href>[0]>;

export function stepHref(applicationId: string, step: ApplicationStep): string {
  return href(stepRoutes[step], { applicationId });
}
