import { expect, expectAccessible, test } from "./fixtures";

// What a Flemish government service must have (issue 13, item 9): the accessibility statement in
// the parts of the EU model statement, the privacy statement with the periods the platform really
// applies, a contact and help page, and a footer on every page that links the three. In Dutch and
// in English; each page through plain HTTP (status, headings) and in the browser with axe.

const pages = [
  {
    path: "/toegankelijkheid",
    nl: "Toegankelijkheidsverklaring",
    en: "Accessibility statement",
    // The model statement's parts (Implementing Decision (EU) 2018/1523).
    sections: {
      nl: [
        "Nalevingsstatus",
        "Niet-toegankelijke inhoud",
        "Opstelling van deze verklaring",
        "Feedback en contactgegevens",
        "Handhavingsprocedure",
      ],
      en: [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact information",
        "Enforcement procedure",
      ],
    },
  },
  {
    path: "/privacy",
    nl: "Privacyverklaring",
    en: "Privacy statement",
    sections: {
      nl: [
        "Wat we bewaren, waarom en hoelang",
        "Uw rechten",
        "Functionaris voor gegevensbescherming",
        "Klacht",
      ],
      en: [
        "What we keep, why and for how long",
        "Your rights",
        "Data protection officer",
        "Complaints",
      ],
    },
  },
  {
    path: "/contact",
    nl: "Contact en hulp",
    en: "Contact and help",
    sections: { nl: ["Helpdesk"], en: ["Help desk"] },
  },
];

for (const { path, nl, en, sections } of pages) {
  test(`${path} answers over HTTP in Dutch and in English`, async ({ request }) => {
    const dutch = await request.get(path);
    expect(dutch.status()).toBe(200);
    const html = await dutch.text();
    expect(html).toContain(`<title>${nl} | InnoVET</title>`);
    for (const heading of sections.nl) expect(html).toContain(`>${heading}</h2>`);
    const english = await request.get(path, { headers: { cookie: "innovet_lang=en" } });
    expect(english.status()).toBe(200);
    const englishHtml = await english.text();
    expect(englishHtml).toContain(`<title>${en} | InnoVET</title>`);
    expect(englishHtml).toContain('<html lang="en"');
    for (const heading of sections.en) expect(englishHtml).toContain(`>${heading}</h2>`);
  });

  test(`${path} is accessible in both languages`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl);
    for (const heading of sections.nl)
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en);
    await expect(page).toHaveTitle(`${en} | InnoVET`);
    for (const heading of sections.en)
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expectAccessible(page);
  });
}

test("the privacy statement gives the periods the platform applies", async ({ page }) => {
  await page.goto("/privacy");
  const table = page.getByRole("table", { name: "Wat we bewaren, waarom en hoelang" });
  // src/identity/session-lifetime.ts, src/platform/parked-forms/park-form.ts and the sign-in
  // counters' window (AUTH_FAILURE_WINDOW_MINUTES, 15 by default).
  await expect(table).toContainText("Een sessie is 12 uur geldig");
  await expect(table).toContainText("Hoogstens 2 uur");
  await expect(table).toContainText("Een teller telt 15 minuten");
  await expect(table).toContainText("het platform wist het niet");
});

test("every page's footer links the statements and the contact page", async ({ page }) => {
  for (const from of ["/", "/oproepen", "/aanmelden", "/dit-bestaat-niet"]) {
    await page.goto(from);
    const footer = page.getByRole("navigation", { name: "Over dit platform" });
    for (const { path, nl } of pages) {
      const label = path === "/contact" ? "Contact en hulp" : nl;
      await expect(footer.getByRole("link", { name: label })).toHaveAttribute("href", path);
    }
  }
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Over dit platform" })
    .getByRole("link", { name: "Toegankelijkheidsverklaring" })
    .click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await expect(page.getByRole("link", { name: /Vlaamse Ombudsdienst/ })).toHaveAttribute(
    "href",
    "https://www.vlaamseombudsdienst.be",
  );
});

test("the page-expired page is accessible", async ({ page, context }) => {
  await page.goto("/wachtwoord-vergeten");
  const cookies = await context.cookies();
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => c.name !== "innovet_csrf"));
  await page.getByLabel("E-mailadres").fill("iemand@demo.innovet.test");
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina is verlopen");
  await expectAccessible(page);
});
