import type { ReactNode } from "react";
import { Link } from "react-router";
import type { MessageKey } from "../../src/i18n/translate";
import { useContentLang, useRootData, useT } from "../lib/i18n";

/**
 * Text people wrote (a call's text, a form question, a material's title), in `language`: Dutch
 * unless known otherwise. Marked with `lang` where that differs from the page's (WCAG 3.1.2).
 */
export function ContentText(props: { children: ReactNode; language?: string }) {
  const { lang } = useContentLang(props.language);
  return lang ? <span lang={lang}>{props.children}</span> : props.children;
}

export function PageHeader(props: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  /** The language of a title people wrote, where it differs from the page's (useContentLang). */
  titleLang?: string;
}) {
  return (
    <div className="page-header">
      <h1 lang={props.titleLang}>{props.title}</h1>
      {props.lead && <p className="lead">{props.lead}</p>}
      {props.actions && <div className="page-header__actions">{props.actions}</div>}
    </div>
  );
}

export function Breadcrumbs(props: { items: Array<{ to?: string; label: string }> }) {
  const t = useT();
  return (
    <nav aria-label={t("layout.breadcrumbs")} className="breadcrumbs">
      <ol>
        {props.items.map((item, i) => (
          <li key={item.to ?? item.label}>
            {item.to && i < props.items.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The one-time confirmation after a redirect (flash cookie). */
export function FlashNotice() {
  const t = useT();
  const flash = useRootData()?.flash;
  if (!flash) return null;
  return (
    <div className="notice notice--success" role="status">
      {t(flash as MessageKey)}
    </div>
  );
}

export function EmptyState(props: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{props.title}</p>
      {props.children}
    </div>
  );
}

/** Page links that keep the current query (filters) and change only `pagina`. */
export function Pagination(props: { page: number; pages: number; searchParams: URLSearchParams }) {
  const t = useT();
  if (props.pages <= 1) return null;
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(props.searchParams);
    params.set("pagina", String(page));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {props.page > 1 && (
        <Link to={hrefFor(props.page - 1)} rel="prev">
          {t("pagination.previous")}
        </Link>
      )}
      <span>{t("pagination.page", { page: props.page, pages: props.pages })}</span>
      {props.page < props.pages && (
        <Link to={hrefFor(props.page + 1)} rel="next">
          {t("pagination.next")}
        </Link>
      )}
    </nav>
  );
}

/**
 * A catalogue text with an e-mail address in it, the address as a mailto link. Translate the text
 * with `{ email: mailSlot }`: the slot marks where the link goes.
 */
export function MailText(props: { text: string; email: string }) {
  const [before, after = ""] = props.text.split(mailSlot);
  return (
    <>
      {before}
      <a href={`mailto:${props.email}`}>{props.email}</a>
      {after}
    </>
  );
}

export const mailSlot = "\u0000";
