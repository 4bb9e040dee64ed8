import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { demoAccounts } from "../directory/demo-world";
import { findPerson, listPeople } from "./read-people";

// The people administration's read queries on a copy of the demo world: the 10 demo accounts and
// the 12 coordinators of the schools whose drafts the seed made (coordinatie.<nr>@…), 22 people.
const schoolCoordinators = 12;
const everyone = demoAccounts.length + schoolCoordinators;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase("demo");
});
afterAll(async () => {
  await handle?.close();
});

describe("listPeople", () => {
  it("lists everyone alphabetically, with their roles and organisations", async () => {
    const page = await listPeople(handle.db);
    expect(page.total).toBe(everyone);
    const names = page.people.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const coordinator = page.people.find((p) => p.email.startsWith("coordinator@"));
    expect(coordinator).toMatchObject({
      active: true,
      memberships: [
        {
          role: "schoolCoordinator",
          organisationName: "Demo Technisch Instituut Sint-Aldegondis Gent",
        },
      ],
    });
  });

  it.each([
    { query: "COORDINATOR", expected: 2 },
    { query: "demobeke", expected: 1 },
    { query: "  Ilse ", expected: 1 },
    { query: "coordinatie.", expected: schoolCoordinators },
    { query: "%", expected: 0 },
    { query: "_", expected: 0 },
    { query: "niemand", expected: 0 },
  ])("finds $expected for '$query' in names and e-mail addresses", async ({ query, expected }) => {
    expect((await listPeople(handle.db, { query })).total).toBe(expected);
  });

  it("pages, and keeps the page within range", async () => {
    const first = await listPeople(handle.db, { pageSize: 5 });
    expect(first).toMatchObject({ page: 1, pages: 5, total: everyone });
    expect(first.people).toHaveLength(5);
    const last = await listPeople(handle.db, { pageSize: 5, page: 99 });
    expect(last.page).toBe(5);
    expect(last.people).toHaveLength(everyone - 4 * 5);
    const all = [1, 2, 3, 4, 5].map((page) => listPeople(handle.db, { pageSize: 5, page }));
    const ids = (await Promise.all(all)).flatMap((p) => p.people.map((x) => x.id));
    expect(new Set(ids).size).toBe(everyone);
  });
});

describe("findPerson", () => {
  it("gives one person with their memberships", async () => {
    const { people } = await listPeople(handle.db, { query: "admin@" });
    const id = people[0]?.id ?? "";
    expect(await findPerson(handle.db, id)).toMatchObject({
      id,
      locale: "nl",
      active: true,
      memberships: [{ role: "platformAdmin" }],
    });
  });

  it("answers null for an unknown id", async () => {
    expect(await findPerson(handle.db, "bestaat-niet")).toBeNull();
  });
});
