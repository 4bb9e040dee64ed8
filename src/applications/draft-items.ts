import { and, eq, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Transaction } from "../db/client";
import type { Actor } from "../identity/actor";
import { defineUseCase, type UseCaseFailure } from "../platform/use-case";
import { touchApplication } from "./editable-draft";

// The items a draft holds in a list of its own (the plan's actions, teachers and dissemination
// items, the budget's lines): added, changed and removed while the draft is open. The shape is
// the same for each: lock the draft, find the item of this application (or answer that it is
// gone), write the row, touch the application, audit what the item was and became. A collection
// says that once; each state change stays a use case of its own, in its own file, with its own
// name (the audit action), input and policy (ADR 0031).

/** A table of a draft's items: an id and the application it belongs to. */
type ItemTable = PgTable & { id: PgColumn; applicationId: PgColumn };
type Row<T extends ItemTable> = InferSelectModel<T>;
type Values<T extends ItemTable> = Omit<InferInsertModel<T>, "id" | "applicationId">;
type Input = z.ZodType<{ applicationId: string }>;

export interface DraftItemCollection<T extends ItemTable, L> {
  /** The items' table. */
  table: T;
  /** Locks the open draft for the change (and reads what the checks need, e.g. its call). */
  lock: (tx: Transaction, applicationId: string, now: Date) => Promise<L>;
  /** What the audit log keeps of an item before and after the change. */
  audited: (row: Row<T>) => Record<string, unknown>;
  /** The answer when the item is not (or no longer) in this application. */
  gone: () => UseCaseFailure;
}

interface ItemUseCase<S extends Input> {
  /** The audit action, e.g. "application.plan.addAction". */
  name: string;
  input: S;
  authorize: (
    actor: Actor | null,
    input: z.output<S>,
    tx: Transaction,
  ) => boolean | Promise<boolean>;
}

/** What the hooks of a change know: the transaction, the clock and what `lock` returned. */
interface ChangeContext<L> {
  tx: Transaction;
  now: Date;
  locked: L;
}

export function draftItemCollection<T extends ItemTable, L>(collection: DraftItemCollection<T, L>) {
  const { table, lock, audited, gone } = collection;
  const ofApplication = (applicationId: string, itemId: string) =>
    and(eq(table.id, itemId), eq(table.applicationId, applicationId));

  return {
    /** A use case that adds an item: `values` checks the input against the draft and makes the row. */
    add<S extends Input, V>(
      spec: ItemUseCase<S> & {
        values: (input: z.output<S>, ctx: ChangeContext<L>) => Values<T> | Promise<Values<T>>;
        value: (row: Row<T>) => V;
      },
    ) {
      return defineUseCase({
        name: spec.name,
        input: spec.input,
        authorize: spec.authorize,
        run: async (tx, input: z.output<S>, { now }) => {
          const locked = await lock(tx, input.applicationId, now);
          const values = await spec.values(input, { tx, now, locked });
          const [row] = (await tx
            .insert(table)
            .values({ ...values, applicationId: input.applicationId } as never)
            .returning()) as Row<T>[];
          if (!row) throw new Error("insert returned no row");
          await touchApplication(tx, input.applicationId, now);
          return {
            value: spec.value(row),
            audit: {
              subjectType: "application",
              subjectId: input.applicationId,
              before: null,
              after: audited(row),
            },
          };
        },
      });
    },

    /** A use case that changes an item: `values` sees the current row and makes the new values. */
    update<S extends Input, V>(
      spec: ItemUseCase<S> & {
        itemId: (input: z.output<S>) => string;
        values: (
          input: z.output<S>,
          ctx: ChangeContext<L> & { current: Row<T> },
        ) => Partial<Values<T>> | Promise<Partial<Values<T>>>;
        value: (row: Row<T>) => V;
      },
    ) {
      return defineUseCase({
        name: spec.name,
        input: spec.input,
        authorize: spec.authorize,
        run: async (tx, input: z.output<S>, { now }) => {
          const locked = await lock(tx, input.applicationId, now);
          const of = ofApplication(input.applicationId, spec.itemId(input));
          const [current] = (await tx
            .select()
            .from(table as PgTable)
            .where(of)) as Row<T>[];
          if (!current) throw gone();
          const values = await spec.values(input, { tx, now, locked, current });
          const [row] = (await tx
            .update(table)
            .set(values as never)
            .where(of)
            .returning()) as Row<T>[];
          if (!row) throw gone();
          await touchApplication(tx, input.applicationId, now);
          return {
            value: spec.value(row),
            audit: {
              subjectType: "application",
              subjectId: input.applicationId,
              before: audited(current),
              after: audited(row),
            },
          };
        },
      });
    },

    /** A use case that removes an item; the audit log keeps what it held. */
    remove<S extends Input>(spec: ItemUseCase<S> & { itemId: (input: z.output<S>) => string }) {
      return defineUseCase({
        name: spec.name,
        input: spec.input,
        authorize: spec.authorize,
        run: async (tx, input: z.output<S>, { now }) => {
          await lock(tx, input.applicationId, now);
          const [row] = (await tx
            .delete(table)
            .where(ofApplication(input.applicationId, spec.itemId(input)))
            .returning()) as Row<T>[];
          if (!row) throw gone();
          await touchApplication(tx, input.applicationId, now);
          return {
            value: { id: row.id as string },
            audit: {
              subjectType: "application",
              subjectId: input.applicationId,
              before: audited(row),
              after: null,
            },
          };
        },
      });
    },
  };
}
