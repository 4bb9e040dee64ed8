import type { Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

// The first steps of an application on the open demo call, shared by every spec that needs a
// fresh draft: sign in as the demo coordinator, open the call from the list of open calls, start
// an application with a working title, open its proposal section. Each step asserts only what
// every caller relied on; what a spec checks beyond that stays in the spec.

/** The demo school's coordinator, who may start applications. */
export const coordinatorEmail = "coordinator@demo.innovet.test";

/** Signs in as the demo coordinator and waits for their dashboard. */
export async function signInAsCoordinator(page: Page) {
  await signIn(page, coordinatorEmail);
  await expect(page).toHaveURL(/\/mijn$/);
}

/**
 * One step of an application's task list (its link and its status), by the step's exact name: the
 * steps are items of one list per group, so the item, not the list, says whether it is done.
 */
export function taskListStep(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** The id in an address of an application's pages (the task list, one of its steps). */
export function applicationIdOf(url: string): string {
  const id = /\/aanvragen\/([0-9a-f-]{36})/.exec(url)?.[1];
  if (!id) throw new Error(`no application in ${url}`);
  return id;
}

/** The link to a call (by default the seeded open demo call) in the list of open calls. */
export function openCallLink(page: Page, callTitle: string | RegExp = /InnoVET projectoproep/) {
  return page.getByRole("region", { name: "Open oproepen" }).getByRole("link", { name: callTitle });
}

/** Goes to the public list of calls and opens a call (by default the open demo call). */
export async function openCall(page: Page, callTitle?: string | RegExp) {
  await page.goto("/oproepen");
  await openCallLink(page, callTitle).click();
  // The click returns before the navigation ends: callers read the call's id from the address.
  await expect(page).toHaveURL(/\/oproepen\/[0-9a-f-]{36}$/);
}

/** On an opened call's page: asks to start an application with this working title. */
export async function startApplication(page: Page, title: string) {
  await page.getByRole("link", { name: "Start een aanvraag" }).click();
  await page.getByLabel("Werktitel van het project").fill(title);
  await page.getByRole("button", { name: "Aanvraag starten" }).click();
}

/** Signs in as the coordinator and starts an application with this title on the open demo call. */
export async function startDemoApplication(page: Page, title: string) {
  await signInAsCoordinator(page);
  await openCall(page);
  await startApplication(page, title);
}

/** From an application's task list: opens the proposal section. Returns the section's URL. */
export async function openProposalSection(page: Page) {
  await page.getByRole("link", { name: "Het projectvoorstel" }).click();
  await expect(page).toHaveURL(/\/sectie\/voorstel$/);
  return page.url();
}
