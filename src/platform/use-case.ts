import type { z } from "zod";
import { type AuditEntry, recordAuditEvent } from "../audit/record-event";
import type { Database, Transaction } from "../db/client";
import { isMessageKey, type MessageKey } from "../i18n/translate";
import type { Actor } from "../identity/actor";
import { unstorableText } from "./form-input";

// Every state change is a use case: input validated by a zod schema, authorised by a policy,
// run in one transaction that also writes the audit event. Routes call use cases; they never
// touch tables. Failures are values, not exceptions, so a route can always answer in Dutch.

export interface UseCaseContext {
  db: Database;
  actor: Actor | null;
  /** The clock, injectable for deadline tests. */
  now?: () => Date;
}

/** Field errors carry message keys of the catalogue (app/i18n), translated by the form kit. */
export type FieldErrors = Record<string, string[]>;

export type UseCaseResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors; formErrors: string[] }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "notFound" }
  | {
      ok: false;
      reason: "conflict";
      /** What the person is told, as a catalogue key: a route shows it without a fallback. */
      message: MessageKey;
      /** Values for the message's placeholders. */
      params?: Record<string, string>;
    };

/** Thrown inside `run` to end the use case with a clean failure and roll the transaction back. */
export class UseCaseFailure extends Error {
  constructor(readonly failure: Exclude<UseCaseResult<never>, { ok: true }>) {
    super(failure.reason);
  }
}

export const fail = {
  notFound: () => new UseCaseFailure({ ok: false, reason: "notFound" }),
  forbidden: () => new UseCaseFailure({ ok: false, reason: "forbidden" }),
  conflict: (message: MessageKey, params?: Record<string, string>) =>
    new UseCaseFailure({
      ok: false,
      reason: "conflict",
      message,
      ...(params ? { params } : {}),
    }),
  field: (field: string, messageKey: string) =>
    new UseCaseFailure({
      ok: false,
      reason: "invalid",
      fieldErrors: { [field]: [messageKey] },
      formErrors: [],
    }),
};

/**
 * Who acts in a use case that passed `authorize`: a signed-in person, unless the use case declares
 * `anonymous: true` (a public page's answer, the system's own jobs), where it may be null.
 */
export type ActingActor<Anonymous extends boolean> = Anonymous extends true ? Actor | null : Actor;

export interface UseCaseSpec<
  S extends z.ZodType,
  T,
  P = undefined,
  Anonymous extends boolean = false,
> {
  /** The audit action, e.g. "organisation.create". */
  name: string;
  input: S;
  /**
   * Whether the use case runs without a signed-in person. Left out, a null actor that `authorize`
   * let pass is refused (forbidden), so `precheck`, `prepare` and `run` get an actor that is not
   * null. `authorize` itself still sees the public (null), so that it can answer notFound to
   * whoever may not know an object exists.
   */
  anonymous?: Anonymous;
  /** The policy check; may read the database (object-level rules). */
  authorize: (
    actor: Actor | null,
    input: z.output<S>,
    tx: Transaction,
  ) => boolean | Promise<boolean>;
  /**
   * Heavy work that must not hold a transaction (an upload's checks, its file-store PUT, its text
   * extraction): it runs after `authorize` passed in a short transaction of its own, and before
   * the transaction of `run`, so no row is locked while it works (ADR 0023). `run` gets what it
   * returns and checks permissions and state again.
   */
  prepare?: (input: z.output<S>, ctx: { actor: ActingActor<Anonymous>; now: Date }) => Promise<P>;
  /**
   * Cheap checks of state (is the draft still open, is there room for one more) in the short
   * transaction before `prepare`, so that no heavy work is done for a change that cannot happen;
   * `run` repeats them, since the state may change while `prepare` works. Throws a failure.
   */
  precheck?: (
    tx: Transaction,
    input: z.output<S>,
    ctx: { actor: ActingActor<Anonymous>; now: Date },
  ) => Promise<void>;
  /** Undoes what `prepare` left outside the database (a stored object) when `run` did not commit. */
  discard?: (prepared: P) => Promise<void>;
  run: (
    tx: Transaction,
    input: z.output<S>,
    ctx: { actor: ActingActor<Anonymous>; now: Date; prepared: P },
  ) => Promise<{
    value: T;
    /** null only when the use case ended without changing anything (there is nothing to record). */
    audit: (Omit<AuditEntry, "action"> & { action?: string }) | null;
  }>;
}

export type UseCase<S extends z.ZodType, T, P = undefined, Anonymous extends boolean = boolean> = ((
  ctx: UseCaseContext,
  input: unknown,
) => Promise<UseCaseResult<T>>) & { spec: UseCaseSpec<S, T, P, Anonymous> };

/**
 * Zod's issues as field and form errors. Every schema names a catalogue key for the mistakes a
 * person can make in a form; input no form produces (an object where text belongs, a missing
 * field a form always sends) falls back to one plain key instead of zod's English text.
 */
export function zodFieldErrors(error: z.ZodError): {
  fieldErrors: FieldErrors;
  formErrors: string[];
} {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const raw of error.issues) {
    const issue = isMessageKey(raw.message) ? raw : { ...raw, message: "error.invalidValue" };
    const path = issue.path.map(String).join(".");
    if (!path) formErrors.push(issue.message);
    else fieldErrors[path] = [...(fieldErrors[path] ?? []), issue.message];
  }
  return { fieldErrors, formErrors };
}

export function defineUseCase<
  S extends z.ZodType,
  T,
  P = undefined,
  Anonymous extends boolean = false,
>(spec: UseCaseSpec<S, T, P, Anonymous>): UseCase<S, T, P, Anonymous> {
  const execute = async (ctx: UseCaseContext, raw: unknown): Promise<UseCaseResult<T>> => {
    const unstorable = unstorableText(raw);
    if (unstorable.length > 0)
      return {
        ok: false,
        reason: "invalid",
        fieldErrors: Object.fromEntries(
          unstorable.filter((u) => u.path).map((u) => [u.path, [u.message]]),
        ),
        formErrors: unstorable.filter((u) => !u.path).map((u) => u.message),
      };
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: "invalid", ...zodFieldErrors(parsed.error) };
    let prepared: { value: P } | undefined;
    // Once `authorize` passed and this holds, the actor is who `precheck`, `prepare` and `run`
    // are typed for (ActingActor).
    const signedIn = () => {
      if (ctx.actor === null && spec.anonymous !== true) throw fail.forbidden();
    };
    const actor = ctx.actor as ActingActor<Anonymous>;
    try {
      if (spec.prepare) {
        // The heavy work before the transaction is checked and done at its own moment; the
        // transaction below reads its own (what it writes carries that one).
        const preparedAt = ctx.now?.() ?? new Date();
        await ctx.db.transaction(async (tx) => {
          if (!(await spec.authorize(ctx.actor, parsed.data, tx))) throw fail.forbidden();
          signedIn();
          await spec.precheck?.(tx, parsed.data, { actor, now: preparedAt });
        });
        prepared = {
          value: await spec.prepare(parsed.data, { actor, now: preparedAt }),
        };
      }
      return await ctx.db.transaction(async (tx) => {
        // The use case's moment is read once its transaction holds a connection, not before a
        // wait for one: a harvest relies on datestamps being close to the transaction (ADR 0027).
        const now = ctx.now?.() ?? new Date();
        if (!(await spec.authorize(ctx.actor, parsed.data, tx))) throw fail.forbidden();
        signedIn();
        const { value, audit } = await spec.run(tx, parsed.data, {
          actor,
          now,
          prepared: prepared?.value as P,
        });
        if (audit)
          await recordAuditEvent(tx, ctx.actor?.userId ?? null, {
            ...audit,
            action: audit.action ?? spec.name,
          });
        return { ok: true as const, value };
      });
    } catch (error) {
      // Nothing was committed: what `prepare` stored elsewhere goes too (a failing clean-up leaves
      // an unreferenced object, never a row without its file).
      if (prepared && spec.discard) await spec.discard(prepared.value).catch(() => undefined);
      if (error instanceof UseCaseFailure) return error.failure;
      throw error;
    }
  };
  return Object.assign(execute, { spec });
}
