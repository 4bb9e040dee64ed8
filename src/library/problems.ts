import type { MaterialAuthor, MaterialLink } from "./model";

// What a version needs before it can go to moderation: the checks an author sees as a list on
// the material's page, each with the field to fix. Pure, so it is tested as a table.

export interface VersionProblem {
  key: string;
  field: string;
}

export interface VersionForCheck {
  title: string;
  description: string;
  authors: readonly MaterialAuthor[];
  links: readonly MaterialLink[];
  studyDomains: readonly string[];
  resourceTypes: readonly string[];
  audiences: readonly string[];
  maturity: string;
  maturityEvidence: string;
}

export function versionProblems(version: VersionForCheck, fileCount: number): VersionProblem[] {
  const problems: VersionProblem[] = [];
  const need = (ok: boolean, key: string, field: string) => {
    if (!ok) problems.push({ key, field });
  };
  need(version.title.trim() !== "", "library.problem.title", "title");
  need(version.description.trim().length >= 20, "library.problem.description", "description");
  need(version.authors.length > 0, "library.problem.authors", "authors");
  need(fileCount > 0 || version.links.length > 0, "library.problem.content", "links");
  need(version.studyDomains.length > 0, "library.problem.studyDomains", "studyDomains");
  need(version.resourceTypes.length > 0, "library.problem.resourceTypes", "resourceTypes");
  need(version.audiences.length > 0, "library.problem.audiences", "audiences");
  need(
    version.maturity === "prototype" || version.maturityEvidence.trim() !== "",
    "library.problem.maturityEvidence",
    "maturityEvidence",
  );
  return problems;
}
