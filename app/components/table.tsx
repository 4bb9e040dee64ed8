import type { ReactNode } from "react";

/**
 * A data table's frame: on a narrow screen (320 CSS px, WCAG 1.4.10) a wide table scrolls
 * inside this region instead of the whole page. A named <section> is a region landmark; it takes
 * keyboard focus so that it scrolls with the arrow keys, and its name (the table's caption or
 * heading) says what the focus landed on (ADR 0032).
 */
export function TableRegion(
  props: { children: ReactNode } & ({ label: string } | { labelledBy: string }),
) {
  return (
    <section
      className="table-scroll"
      aria-label={"label" in props ? props.label : undefined}
      aria-labelledby={"labelledBy" in props ? props.labelledBy : undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
    >
      {props.children}
    </section>
  );
}
