import { expect, test } from "./fixtures";

// The library for harvesters, through the server: OAI-PMH by GET and by form POST (without a
// CSRF token, as harvesters send it), and the JSON export. The protocol itself is tested in
// src/library/harvesting/oai-pmh.test.ts.

test("OAI-PMH answers a GET with XML in UTF-8", async ({ request, baseURL }) => {
  const response = await request.get("/oai?verb=Identify");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toContain(`<baseURL>${baseURL}/oai</baseURL>`);
  expect(xml).toContain("<deletedRecord>persistent</deletedRecord>");
});

test("OAI-PMH answers a form POST from a harvester, without a CSRF token", async ({ request }) => {
  const response = await request.post("/oai", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "verb=ListSets",
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("<setSpec>domein:2</setSpec>");
  const repeated = await request.post("/oai", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "verb=Identify&verb=ListSets",
  });
  expect(await repeated.text()).toContain('<error code="badVerb">');
});

test("the JSON export is one JSON document of the library's materials", async ({ request }) => {
  const response = await request.get("/bibliotheek/export.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const body = (await response.json()) as { generatedAt: string; materials: unknown[] };
  expect(Array.isArray(body.materials)).toBe(true);
  expect(Date.parse(body.generatedAt)).not.toBeNaN();
});

test("the library's front page points harvesters to both", async ({ page }) => {
  await page.goto("/bibliotheek");
  await expect(page.getByRole("link", { name: "alle metadata als JSON-bestand" })).toHaveAttribute(
    "href",
    "/bibliotheek/export.json",
  );
  await expect(page.getByRole("link", { name: /oogsten via OAI-PMH/ })).toHaveAttribute(
    "href",
    "/oai?verb=Identify",
  );
});
