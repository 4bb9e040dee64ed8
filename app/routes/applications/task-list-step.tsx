import { Link } from "react-router";
import type { SectionStatus } from "../../../src/applications/model";
import { useT } from "../../lib/i18n";

/**
 * One row of the task list, a form section or a step beyond the form (plan, attachments, …): a
 * link and its status. The page renders each group as one list of these rows.
 */
export function TaskListStep(props: {
  id: string;
  href: string;
  label: string;
  status: SectionStatus;
}) {
  const t = useT();
  return (
    <li className="task-list__item">
      <Link to={props.href} aria-describedby={`status-${props.id}`} className="task-list__name">
        {props.label}
      </Link>
      <span
        id={`status-${props.id}`}
        className={`tag task-list__status task-list__status--${props.status}`}
      >
        {t(`application.sectionStatus.${props.status}`)}
      </span>
    </li>
  );
}
