import { expect, test } from "./fixtures";

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
  expect(body).toBe("Dit adres of verzoek is ongeldig.");
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
    "tilliften\u0000\u0001",
    "</>tilliften<!--",
  ]) {
    const response = await request.get(`/bibliotheek?${new URLSearchParams({ q })}`);
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
    const response = await request.get(`/bibliotheek?${new URLSearchParams({ q })}`);
    expect(response.status(), q.slice(0, 20)).toBe(200);
    expect(await response.text(), q.slice(0, 20)).not.toContain("<script>alert(1)</script>");
  }
  // The material is still there: the search was text, never SQL.
  const after = await request.get("/bibliotheek?q=tilliften");
  expect(await after.text()).toContain("Tilliften en ergonomie in de ouderenzorg");
});

test("hostile directory parameters get a page, not an error", async ({ request }) => {
  for (const query of [
    "q=%00",
    "pagina=-1",
    "pagina=99999999999999999999",
    "provincie=XXX&gemeente=1&net=%27",
    "soort=school&soort=company",
  ]) {
    const response = await request.get(`/gids?${query}`);
    expect(response.status(), query).toBe(200);
  }
  for (const id of [
    "%27%3Bdrop",
    "00000000-0000-0000-0000-000000000000",
    "..%2F..%2Fetc%2Fpasswd",
  ]) {
    const response = await request.get(`/gids/${id}`);
    expect(response.status(), id).toBe(404);
  }
});
