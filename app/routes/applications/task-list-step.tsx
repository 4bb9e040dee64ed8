import { Link } from "react-router";
import type { SectionStatus } from "../../../src/applications/model";
import { useT } from "../../lib/i18n";

/**
 * A step of the task list beyond the form's sections (plan, attachments, …): a link and its
 * status, the same as a section's row. Each step is a list of its own, so steps can be added
 * independently.
 */
export function TaskListStep(props: {
  id: string;
  href: string;
  label: string;
  status: SectionStatus;
}) {
  const t = useT();
  return (
    <ul className="task-list" aria-label={props.label}>
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
    </ul>
  );
}
