import { href } from "react-router";
import { demoPassword, expect, expectAccessible, signIn, test } from "./fixtures";

// Security basics seen from the outside: headers, cookies and CSRF.

test("pages carry the security headers and a nonce-based CSP without unsafe-inline scripts", async ({
  request,
}) => {
  const response = await request.get("/");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("cookies are HttpOnly and SameSite", async ({ request }) => {
  const response = await request.get("/aanmelden");
  const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) {
    expect(cookie.value).toMatch(/HttpOnly/i);
    expect(cookie.value).toMatch(/SameSite=Lax/i);
  }
});

test("a form posted without its CSRF token is refused and nothing happens", async ({ request }) => {
  const response = await request.post("/aanmelden", {
    form: { email: "admin@demo.innovet.test", password: "InnoVET-demo-2026" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("better-auth.session_token");
});

test("protected pages send the public to sign in", async ({ request }) => {
  const response = await request.get("/mijn", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe("/aanmelden?terug=%2Fmijn");
});

test("a malformed address gets a short Dutch answer, never a stack trace", async ({ request }) => {
  const response = await request.get("/%E0%A4%A");
  expect(response.status()).toBe(400);
  const body = await response.text();
  expect(body).toContain("Het adres bevat tekens die we niet kunnen lezen");
  expect(body).not.toMatch(/Error|\.ts:\d/);
});

test("hostile library searches get a page with what their clean words find", async ({
  request,
}) => {
  // The demo material "Tilliften en ergonomie in de ouderenzorg" holds the word; the operators,
  // quotes and controls around it must neither break the page nor change what is found.
  // (Every word counts: "drop table" around it would be words to find too.)
  for (const q of [
    "tilliften')); --",
    "!!& | :* () tilliften",
    "tilliften\u0001\u0007",
    "</>tilliften<!--",
  ]) {
    const response = await request.get(`${href("/bibliotheek")}?${new URLSearchParams({ q })}`);
    expect(response.status(), q).toBe(200);
    expect(await response.text(), q).toContain("Tilliften en ergonomie in de ouderenzorg");
  }
  for (const q of [
    "'; drop table material; --",
    "<script>alert(1)</script>",
    "a".repeat(5000),
    "%00",
    "\\:*",
  ]) {
    const response = await request.get(`${href("/bibliotheek")}?${new URLSearchParams({ q })}`);
    expect(response.status(), q.slice(0, 20)).toBe(200);
    expect(await response.text(), q.slice(0, 20)).not.toContain("<script>alert(1)</script>");
  }
  // A NUL is refused at the HTTP edge for every page alike, with a Dutch page (ADR 0021).
  const nul = await request.get(
    `${href("/bibliotheek")}?${new URLSearchParams({ q: "tilliften\u0000" })}`,
  );
  expect(nul.status()).toBe(400);
  expect(await nul.text()).toContain("nulteken");
  // The material is still there: the search was text, never SQL.
  const after = await request.get("/bibliotheek?q=tilliften");
  expect(await after.text()).toContain("Tilliften en ergonomie in de ouderenzorg");
});

test("hostile directory parameters get a page, not an error", async ({ request }) => {
  for (const query of [
    "pagina=-1",
    "pagina=99999999999999999999",
    "provincie=XXX&gemeente=1&net=%27",
    "soort=school&soort=company",
  ]) {
    const response = await request.get(`${href("/gids")}?${query}`);
    expect(response.status(), query).toBe(200);
  }
  // A NUL cannot be stored or searched for: the address is refused, in Dutch.
  expect((await request.get("/gids?q=%00")).status()).toBe(400);
  for (const id of [
    "%27%3Bdrop",
    "00000000-0000-0000-0000-000000000000",
    "..%2F..%2Fetc%2Fpasswd",
  ]) {
    // Raw on purpose: href() would escape the hostile escapes this test sends.
    const response = await request.get(`/gids/${id}`);
    expect(response.status(), id).toBe(404);
  }
});

// Issue: the HTTP edge without open doors. Each test below is one door that was open.

/** The CSRF cookie and a form token of a fresh browser, read from the sign-in page. */
async function csrfToken(request: import("@playwright/test").APIRequestContext) {
  const html = await (await request.get("/aanmelden")).text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(token).toBeTruthy();
  return token as string;
}

test("bodies over their route's limit get 413 and a Dutch page before the app reads them", async ({
  request,
}) => {
  const big = "a".repeat(3 * 1024 * 1024);
  for (const [path, type, data] of [
    ["/aanmelden", "application/x-www-form-urlencoded", big],
    ["/oai", "application/x-www-form-urlencoded", `verb=Identify&x=${"a".repeat(100_000)}`],
    ["/api/auth/sign-in/email", "application/json", JSON.stringify({ email: big })],
    [
      "/aanvragen/00000000-0000-0000-0000-000000000000/sectie/x",
      "application/x-www-form-urlencoded",
      big,
    ],
  ] as const) {
    const response = await request.post(path, { headers: { "Content-Type": type }, data });
    expect(response.status(), path).toBe(413);
    expect(await response.text(), path).toContain("Dit is te groot");
  }
});

test("a malformed cookie or Referer gets the page, never a 500", async ({ request }) => {
  const cookie =
    "innovet_csrf=%E0%A4%A; innovet_lang=%E0%A4%A; innovet_parked=%E0%A4%A; innovet_flash=%E0%A4%A; better-auth.session_token=%E0%A4%A";
  for (const path of [
    "/",
    "/aanmelden",
    "/gids",
    "/oproepen",
    "/bibliotheek",
    "/mijn",
    "/oai?verb=Identify",
  ]) {
    const response = await request.get(path, { headers: { cookie }, maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(400);
  }
  const token = await csrfToken(request);
  for (const referer of ["http://[bad", "%E0%A4%A", "https://evil.example/", "/\t/evil.example"]) {
    const response = await request.post("/taal", {
      form: { csrf: token, locale: "nl" },
      headers: { referer },
      maxRedirects: 0,
    });
    expect(response.status(), referer).toBe(302);
    expect(response.headers().location, referer).toBe("/");
  }
});

test("a return path that could leave the site is not followed, and none gives a 500", async ({
  page,
  request,
}) => {
  // Signing in with a hostile return path in the form: to the dashboard, not elsewhere.
  const token = await csrfToken(request);
  const signedIn = await request.post("/aanmelden", {
    form: {
      csrf: token,
      email: "coordinator@demo.innovet.test",
      password: demoPassword,
      back: "/\t/evil.example",
    },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  expect(signedIn.headers().location).toBe("/mijn");

  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  for (const terug of [
    "/%09/evil.example",
    "/%0A/evil.example",
    "//evil.example",
    "/%5Cevil.example",
    "/%E2%82%AC",
    "/%0D%0ALocation:%20x",
    "https:%2F%2Fevil.example",
  ]) {
    const response = await page.request.get(`${href("/aanmelden")}?terug=${terug}`, {
      maxRedirects: 0,
    });
    expect(response.status(), terug).toBe(302);
    expect(response.headers().location, terug).toBe("/mijn");
  }
  // A NUL is refused at the edge, for every address (see the audit log's filters below).
  expect((await page.request.get("/aanmelden?terug=/%00")).status()).toBe(400);
  // In the browser itself, too: the tab stays on this site.
  await page.goto("/aanmelden?terug=/%09/evil.example");
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/mijn$/);
});

test("better-auth's routes carry the security headers; signed-in answers are no-store", async ({
  page,
  request,
}) => {
  const auth = await request.get("/api/auth/get-session");
  expect(auth.headers()["x-frame-options"]).toBe("DENY");
  expect(auth.headers()["x-content-type-options"]).toBe("nosniff");
  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  for (const path of ["/mijn", "/oproepen", "/api/auth/get-session", "/favicon.svg"]) {
    const response = await page.request.get(path);
    expect(response.headers()["cache-control"], path).toBe("no-store");
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
  }
});

test("TRACE and other methods get 405 or 501; a NUL in the audit log's filters a Dutch 400", async ({
  page,
  request,
}) => {
  expect((await request.fetch("/", { method: "TRACE" })).status()).toBe(405);
  expect((await request.fetch("/aanmelden", { method: "PROPFIND" })).status()).toBe(501);
  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  for (const query of ["onderwerp=%00", "id=a%00b", "%00=1", "onderwerp=%E0%A4%A"]) {
    const response = await page.request.get(`${href("/beheer/audit")}?${query}`);
    expect(response.status(), query).toBe(400);
    expect(await response.text()).toContain("tekens die we niet kunnen lezen");
  }
});

test("the development inbox is for a signed-in platform administrator only", async ({
  page,
  request,
}) => {
  const anonymous = await request.get("/dev/mail", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Verzonden e-mails" })).toHaveCount(0);

  await signIn(page, "coordinator@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("link", { name: "Verzonden e-mails" })).toHaveCount(0);
  expect((await page.request.get("/dev/mail")).status()).toBe(403);
  await page.context().clearCookies();

  await signIn(page, "admin@demo.innovet.test");
  await expect(page).toHaveURL(/\/mijn$/);
  await page.getByRole("link", { name: "Verzonden e-mails" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Verzonden e-mails (ontwikkeling)",
  );
  await expectAccessible(page);
});

test("an anonymous post parks a form only for a page that parks, within its limits", async ({
  request,
}) => {
  const token = await csrfToken(request);
  const park = (path: string, form: Record<string, string>) =>
    request.post(path, { form: { csrf: token, version: "1", ...form }, maxRedirects: 0 });
  const parkedCookie = (response: import("@playwright/test").APIResponse) =>
    response
      .headersArray()
      .some((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("innovet_parked="));

  const section = "/aanvragen/6f1c2a4e-8b1d-4c3a-9e2f-0a1b2c3d4e5f/sectie/voorstel";
  const kept = await park(section, { "answers.beschrijving": "Mijn tekst" });
  expect(kept.status()).toBe(302);
  expect(kept.headers().location).toBe(
    `${href("/aanmelden")}?terug=${encodeURIComponent(section)}`,
  );
  expect(parkedCookie(kept)).toBe(true);

  // Too many fields for any section: the person still goes to sign in, nothing is kept.
  const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`answers.v${i}`, "x"]));
  const tooMany = await park(section.replace("voorstel", "andere"), many);
  expect(tooMany.status()).toBe(302);
  expect(parkedCookie(tooMany)).toBe(false);
});
