import { describe, expect, it } from "vitest";
import { type DisplayValue, diffStates, displayValue, type FieldChange } from "./diff";

const cases: Array<{ name: string; before: unknown; after: unknown; changes: FieldChange[] }> = [
  { name: "nothing before and after", before: null, after: null, changes: [] },
  { name: "undefined counts as nothing", before: undefined, after: null, changes: [] },
  {
    name: "a creation shows the filled-in fields only",
    before: null,
    after: { id: "p1", name: "An", website: null },
    changes: [
      { field: "id", before: null, after: "p1" },
      { field: "name", before: null, after: "An" },
    ],
  },
  {
    name: "a deletion shows what was there",
    before: { role: "teacher", organisationId: "o1" },
    after: null,
    changes: [
      { field: "role", before: "teacher", after: null },
      { field: "organisationId", before: "o1", after: null },
    ],
  },
  {
    name: "only the changed field of an update",
    before: { name: "An", active: true, version: 1 },
    after: { name: "An", active: false, version: 1 },
    changes: [{ field: "active", before: true, after: false }],
  },
  {
    name: "a field added by the update",
    before: { active: true },
    after: { active: false, sessionsEnded: 2 },
    changes: [
      { field: "active", before: true, after: false },
      { field: "sessionsEnded", before: null, after: 2 },
    ],
  },
  {
    name: "a missing field equals null",
    before: { website: null },
    after: {},
    changes: [],
  },
  {
    name: "nested objects compare by value, whatever their key order",
    before: { address: { street: "Kerkstraat 1", postalCode: "9000" } },
    after: { address: { postalCode: "9000", street: "Kerkstraat 1" } },
    changes: [],
  },
  {
    name: "a changed nested object is one change",
    before: { address: { street: "Kerkstraat 1" }, tags: ["a"] },
    after: { address: { street: "Kerkstraat 2" }, tags: ["a", "b"] },
    changes: [
      { field: "address", before: { street: "Kerkstraat 1" }, after: { street: "Kerkstraat 2" } },
      { field: "tags", before: ["a"], after: ["a", "b"] },
    ],
  },
  {
    name: "0, false and empty string are values, not nothing",
    before: { count: 0, flag: false, text: "" },
    after: { count: null, flag: null, text: null },
    changes: [
      { field: "count", before: 0, after: null },
      { field: "flag", before: false, after: null },
      { field: "text", before: "", after: null },
    ],
  },
  {
    name: "a state that is not an object is compared as one value",
    before: ["a"],
    after: ["b"],
    changes: [{ field: "", before: ["a"], after: ["b"] }],
  },
  { name: "equal plain values", before: 3, after: 3, changes: [] },
];

describe("diffStates", () => {
  it.each(cases)("$name", ({ before, after, changes }) => {
    expect(diffStates(before, after)).toEqual(changes);
  });
});

const displays: Array<[unknown, DisplayValue]> = [
  [null, { kind: "empty" }],
  [undefined, { kind: "empty" }],
  ["", { kind: "empty" }],
  [true, { kind: "boolean", value: true }],
  [false, { kind: "boolean", value: false }],
  [0, { kind: "text", text: "0" }],
  ["Gent", { kind: "text", text: "Gent" }],
  [
    { b: 1, a: [1, 2] },
    { kind: "json", text: '{\n  "a": [\n    1,\n    2\n  ],\n  "b": 1\n}' },
  ],
];

describe("displayValue", () => {
  it.each(displays)("shows %j as %j", (value, expected) => {
    expect(displayValue(value)).toEqual(expected);
  });
});
