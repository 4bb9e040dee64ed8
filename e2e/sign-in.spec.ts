import { roles } from "../src/identity/roles";
import { demoAccounts, expect, expectAccessible, signIn, test } from "./fixtures";

// Every role signs in, finds its own dashboard and navigation, and signs out again.

const navByRole: Record<string, string[]> = {
  platformAdmin: ["Personen", "Auditlog"],
};

test("there is a demo account for every role", () => {
  for (const role of roles)
    expect(
      demoAccounts.some((a) => a.role === role),
      role,
    ).toBe(true);
});

for (const account of demoAccounts) {
  test(`${account.role} (${account.email}) signs in and out`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(/\/mijn$/);
    await expect(page.getByText(`Aangemeld als ${account.name}`).first()).toBeVisible();
    const dashboard = page.getByRole("main");
    await expect(dashboard.getByText(account.organisationName).first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
    for (const item of navByRole[account.role] ?? [])
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    if (account.role !== "platformAdmin")
      await expect(nav.getByRole("link", { name: "Auditlog" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect(page.getByText("Je bent afgemeld.")).toBeVisible();
    await page.goto("/mijn");
    await expect(page).toHaveURL(/\/aanmelden\?terug=%2Fmijn/);
  });
}

test("a wrong password gets a clear message at the form, and the e-mail stays filled in", async ({
  page,
}) => {
  await signIn(page, "coordinator@demo.innovet.test", "not-the-password");
  await expect(page.getByRole("alert")).toContainText(
    "Dit e-mailadres en wachtwoord passen niet bij elkaar.",
  );
  await expect(page.getByLabel("E-mailadres")).toHaveValue("coordinator@demo.innovet.test");
  await expectAccessible(page);
});

test("an empty form names each missing field and links to it", async ({ page }) => {
  await page.goto("/aanmelden");
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link")).toHaveCount(2);
  await summary.getByRole("link").first().click();
  await expect(page.getByLabel("E-mailadres")).toBeFocused();
  await expectAccessible(page);
});

test("an account is locked after five failed sign-ins, with the time to try again; others sign in", async ({
  page,
}) => {
  // An address without an account is counted like one with (no account enumeration), and it
  // keeps the demo accounts open for the other journeys.
  const email = "vergrendeld@demo.innovet.test";
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, email, `wrong-password-${attempt}`);
    await expect(page.getByRole("alert")).toContainText("passen niet bij elkaar");
  }
  await signIn(page, email, "wrong-password-6");
  await expect(page.getByRole("alert")).toContainText(
    /Te veel mislukte aanmeldpogingen voor dit account\..* na \d{2}:\d{2} /,
  );
  await expectAccessible(page);
  // The same address is not locked out: a colleague at the same school signs in.
  await signIn(page, "directeur@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
});

test("a keyboard-only user signs in", async ({ page }) => {
  await page.goto("/aanmelden");
  await page.getByLabel("E-mailadres").focus();
  await page.keyboard.type("leraar@demo.innovet.test");
  await page.keyboard.press("Tab");
  await page.keyboard.type("InnoVET-demo-2026");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/mijn$/);
});
