import { fail } from "../../platform/use-case";
import { draftItemCollection } from "../draft-items";
import { lockEditableDraft } from "../editable-draft";
import { budgetLine } from "./schema";

// The budget's lines as a draft item collection, from which each use case file makes its own
// change: the draft locked while open, a line audited with its id and amounts.

/** The most lines one budget may have: far more than any proposal needs, a guard against abuse. */
export const maxBudgetLines = 200;

export const budgetLines = draftItemCollection({
  table: budgetLine,
  lock: lockEditableDraft,
  audited: ({ id, category, description, hours, hourlyCostCents, amountCents }) => ({
    budgetLine: id,
    category,
    description,
    hours,
    hourlyCostCents,
    amountCents,
  }),
  gone: () => fail.conflict("budget.error.unknownLine"),
});
