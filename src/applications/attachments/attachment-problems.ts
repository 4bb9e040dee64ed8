import type { ApplicationProblem } from "../problems";
import type { Attachment } from "./model";

// The attachments' part of the eligibility check. Every application adds at least one signed
// letter of commitment (engagementsverklaring) of a partner; the call's own list of required
// documents can refine this later.

/** The anchor of the upload form on the attachments page. */
export const uploadAnchor = "bijlage-toevoegen";

export function attachmentProblems(attachments: readonly Attachment[]): ApplicationProblem[] {
  if (attachments.some((a) => a.kind === "commitmentLetter")) return [];
  return [{ key: "attachment.problem.noCommitmentLetter", fixAt: `bijlagen#${uploadAnchor}` }];
}
