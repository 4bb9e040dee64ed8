import { Link } from "react-router";
import type { Attachment } from "../../../src/applications/attachments/model";
import type { Plan } from "../../../src/applications/plan/model";
import { useT } from "../../lib/i18n";

/**
 * The plan and the attachments on the check-your-answers page: what the dossier holds, in short,
 * with a link to each step (the problems above the page say what is still missing).
 */
export function CheckPlanAndAttachments(props: {
  base: string;
  plan: Plan;
  attachments: Attachment[];
}) {
  const t = useT();
  const { plan, attachments } = props;
  return (
    <>
      <section aria-labelledby="controle-plan">
        <h2 id="controle-plan">{t("plan.title")}</h2>
        <p>
          {t("plan.summary", {
            actions: plan.actions.length,
            teachers: plan.teachers.length,
            materials: plan.dissemination.length,
          })}
        </p>
        <p>
          <Link to={`${props.base}/plan`}>{t("plan.view")}</Link>
        </p>
      </section>
      <section aria-labelledby="controle-bijlagen">
        <h2 id="controle-bijlagen">{t("attachment.title")}</h2>
        {attachments.length === 0 ? (
          <p>{t("attachment.none")}</p>
        ) : (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                {t(`attachment.kind.${a.kind}`)}: {a.fileName}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`${props.base}/bijlagen`}>{t("attachment.view")}</Link>
        </p>
      </section>
    </>
  );
}
