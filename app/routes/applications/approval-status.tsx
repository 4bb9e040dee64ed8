import type { ApprovalView } from "../../../src/applications/approval/read-approval";
import { formatBrussels } from "../../../src/platform/time";
import { useLocale, useT } from "../../lib/i18n";

/** Where an application stands with the director's approval: a tag and one sentence. */
export function ApprovalStatus(props: {
  approval: Pick<ApprovalView, "state" | "approvedAt" | "approvedByName">;
  schoolName: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { state, approvedAt, approvedByName } = props.approval;
  if (state === "notRequired") return null;
  const date = approvedAt ? formatBrussels(new Date(approvedAt), locale) : "";
  const name = approvedByName ?? "";
  return (
    <p>
      <span className={`tag approval approval--${state}`}>{t(`approval.state.${state}`)}</span>{" "}
      {state === "waiting" && t("approval.explain.waiting", { school: props.schoolName })}
      {state === "approved" && t("approval.explain.approved", { name, date })}
      {state === "lapsed" && t("approval.explain.lapsed", { name, date })}
    </p>
  );
}
