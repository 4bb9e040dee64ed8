import { href } from "react-router";
/** The audit history of one subject (an application, a call, a person): the audit page, narrowed. */
export function auditHistoryHref(subjectType: string, subjectId: string): string {
  return `${href("/beheer/audit")}?${new URLSearchParams({ onderwerp: subjectType, id: subjectId })}`;
}
