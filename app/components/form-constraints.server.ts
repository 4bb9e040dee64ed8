import type { z } from "zod";
import type { FieldConstraint, FormConstraints } from "./form";

// The HTML constraints of a form's fields, read from the zod schema its use case validates with,
// so the page and the server cannot disagree (ADR 0031). Computed on the server (in a loader):
// the page gets plain data and the browser no zod. Only what the server really refuses becomes a
// constraint: a field is `required` when the schema refuses it blank (what a browser posts for
// an empty field), `maxLength` is the schema's own maximum, `min`/`max` a number's range. What a
// draft keeps although it is over a limit of the submission (ADR 0020) is no refusal, so it is no
// constraint either. Fields inside a list (an action's milestone rows) are never `required`: a
// blank row is left out, not refused. Keys are the fields' names; a list's items use `[]` for
// the row (`milestones[].title`), which the kit matches against `milestones.0.title`.

type Schema = z.core.$ZodType;

interface Leaf {
  kind: "string" | "number" | "enum" | "array" | "object" | "other";
  schema: Schema;
}

/** The schemas a value passes through: wrappers unwrapped, both sides of every pipe. */
function leaves(schema: Schema, depth = 0): Leaf[] {
  if (depth > 20) return [];
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "catch":
    case "readonly":
      return leaves(def.innerType as Schema, depth + 1);
    case "pipe":
      return [...leaves(def.in as Schema, depth + 1), ...leaves(def.out as Schema, depth + 1)];
    case "string":
      return [{ kind: "string", schema }];
    case "number":
      return [{ kind: "number", schema }];
    case "enum":
      return [{ kind: "enum", schema }];
    case "array":
      return [{ kind: "array", schema }];
    case "object":
      return [{ kind: "object", schema }];
    default:
      return [];
  }
}

/** Whether the server refuses this field left blank: "" for a single value, none for a list. */
function refusesBlank(schema: Schema, isList: boolean): boolean {
  const blank = isList ? [] : "";
  return !(schema as z.ZodType).safeParse(blank).success;
}

function fieldConstraint(schema: Schema, inList: boolean): FieldConstraint {
  const found = leaves(schema);
  const isList = found.some((l) => l.kind === "array");
  const constraint: FieldConstraint = {};
  if (!inList && refusesBlank(schema, isList)) constraint.required = true;
  for (const leaf of found) {
    if (leaf.kind === "string") {
      const s = leaf.schema as z.ZodString;
      if (s.maxLength !== null && !isList)
        constraint.maxLength = Math.min(constraint.maxLength ?? s.maxLength, s.maxLength);
      if (s.format === "email") {
        constraint.type = "email";
        constraint.inputMode = "email";
      }
      if (s.format === "url") {
        constraint.type = "url";
        constraint.inputMode = "url";
      }
    }
    if (leaf.kind === "number") {
      const n = leaf.schema as z.ZodNumber;
      constraint.inputMode = n.isInt ? "numeric" : "decimal";
      // An integer's own bounds (the safe integers) are no limit a person meets.
      const bound = (v: number | null) =>
        v !== null && Number.isSafeInteger(v) && Math.abs(v) !== Number.MAX_SAFE_INTEGER;
      if (bound(n.minValue)) constraint.min = n.minValue as number;
      if (bound(n.maxValue)) constraint.max = n.maxValue as number;
    }
  }
  return constraint;
}

/** A union's options (a discriminated union is one too), or null for any other schema. */
function unionOptions(schema: Schema): Schema[] | null {
  const def = schema._zod.def as unknown as { type: string; options?: Schema[] };
  return def.type === "union" && def.options ? def.options : null;
}

/**
 * The constraints of every field of an object schema (also one refined with `.check()`), by the
 * field's name; a field with none is left out. A union of objects (a form in variants, such as a
 * partner from the directory or a new one) gives each variant's fields; a field that several
 * variants share is required only where every one of them refuses it blank, and keeps the
 * tightest length.
 */
export function formConstraints(schema: Schema): FormConstraints {
  const options = unionOptions(schema);
  if (options) return mergeVariants(options.map((option) => formConstraints(option)));
  const out: FormConstraints = {};
  const walk = (current: Schema, prefix: string, inList: boolean) => {
    const object = leaves(current).find((l) => l.kind === "object");
    if (!object) return;
    const shape = (object.schema as z.ZodObject).shape as Record<string, Schema>;
    for (const [key, field] of Object.entries(shape)) {
      const name = `${prefix}${key}`;
      const constraint = fieldConstraint(field, inList);
      if (Object.keys(constraint).length > 0) out[name] = constraint;
      const list = leaves(field).find((l) => l.kind === "array");
      if (list) walk((list.schema as z.ZodArray<z.ZodType>).element, `${name}[].`, true);
    }
  };
  walk(schema, "", false);
  return out;
}

function mergeVariants(variants: FormConstraints[]): FormConstraints {
  const out: FormConstraints = {};
  const names = new Set(variants.flatMap((v) => Object.keys(v)));
  for (const name of names) {
    const having = variants.filter((v) => name in v);
    const merged: FieldConstraint = Object.assign({}, ...having.map((v) => v[name]));
    const lengths = having.map((v) => v[name]?.maxLength).filter((n) => n !== undefined);
    if (lengths.length > 0) merged.maxLength = Math.min(...lengths);
    if (!having.every((v) => v[name]?.required)) delete merged.required;
    out[name] = merged;
  }
  return out;
}
