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

test("sign-in is rate limited per address: the sixth attempt in a minute is refused", async ({
  page,
}) => {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, "directeur@demo.innovet.test", `wrong-password-${attempt}`);
    await expect(page.getByRole("alert")).toContainText("passen niet bij elkaar");
  }
  await signIn(page, "directeur@demo.innovet.test");
  await expect(page.getByRole("alert")).toContainText("Te veel aanmeldpogingen");
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
