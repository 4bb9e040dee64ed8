import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { nl } from "./catalogue.nl";

// Every message key is used somewhere, and the browser's code never imports a catalogue.
// A key counts as used when app/, src/ or e2e/ spell it out as a string ("key", 'key' or `key`).
// Keys built at run time from a value (`role.${role}`, or a prefix handed on as "role.") are
// allowed only under the prefixes below, each with the code that builds it; a prefix nothing
// builds any more fails the test too. The e2e journeys catch a built key the catalogue lacks
// (e2e/fixtures.ts reads every page for raw keys).
const dynamicKeyPrefixes = [
  "approval.state.", // a draft's approval state (task list, check page, dashboards)
  "application.status.", // an application's state (applications list, manage list)
  "application.sectionStatus.", // a task-list step's state
  "application.step.", // a task-list step's name
  "attachment.kind.", // an attachment's kind
  "audit.action.", // the audit log's action codes
  "audit.field.", // the audit log's changed fields
  "audit.subjectType.", // the audit log's subject types (label(t, "audit.subjectType.", …))
  "budget.category.", // a budget line's category
  "call.directorApproval.", // whether a call asks for the director's approval (call form and page)
  "call.phase.", // a call's phase (open, upcoming, closed)
  "call.questionType.", // a form question's type
  "call.status.", // a call's state
  "changeLevel.", // the change levels a call or material names
  "consortium.category.", // a consortium member's category
  "consortium.role.", // a consortium member's role
  "consortium.statusName.", // a consortium member's state
  "dashboard.role.", // what each role can do, on /mijn
  "domain.", // the study domains
  "educationForm.", // the forms of education
  "envelopeDimension.", // how a call's budget is split
  "finality.", // the finalities
  "formEditor.type.", // the form editor's question types
  "formEditor.typeHint.", // and their hints
  "jobs.kind.", // a scheduled job's kind
  "jobs.status.", // a scheduled job's state
  "kind.", // an organisation's kind
  "library.accessibility.", // a material's accessibility features
  "library.audience.", // a material's audiences
  "library.field.", // the material form's field labels
  "library.file.error.", // why a material's file was refused
  "library.grade.", // a material's grades
  "library.language.", // a material's languages
  "library.licence.", // a material's licence
  "library.maturity.", // a material's maturity
  "library.moved.", // a version's state change (flash message)
  "library.relation.", // how two materials relate
  "library.resourceType.", // a material's resource type
  "library.state.", // a version's state
  "manage.eligibility.", // the manage list's eligibility facet (labelPrefix in application-facets.ts)
  "manage.sort.", // the manage list's sort orders
  "network.", // the education networks
  "notifications.kind.", // a notification's kind
  "people.locale.", // a person's language
  "plan.learningMethod.", // a teacher's learning method
  "plan.licence.", // a dissemination product's licence
  "plan.resourceType.", // a dissemination product's type
  "privacy.", // the privacy statement's rows: privacy.<kind>.what|why|howLong (privacy.tsx)
  "province.", // the provinces
  "role.", // a membership's role
  "stage.", // the grades (graden) of secondary education
  "transitionArea.", // the transition areas
  "umbrella.", // the umbrella organisations
] as const;

const root = join(import.meta.dirname, "../..");
const catalogueFile = /(^src\/i18n\/(nl|en|catalogue\.(nl|en))\.ts$)|messages\.(nl|en)\.ts$/;

function sources(folder: string): { path: string; text: string }[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((path) => !catalogueFile.test(path))
    .map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }));
}

const code = [...sources("app"), ...sources("src"), ...sources("e2e")];
const allCode = code.map((f) => f.text).join("\n");
const spelled = (s: string) =>
  allCode.includes(`"${s}"`) || allCode.includes(`'${s}'`) || allCode.includes(`\`${s}\``);

describe("message keys", () => {
  it("are each used in app/, src/ or e2e/ (or built under a documented prefix)", () => {
    const unused = Object.keys(nl).filter(
      (key) => !spelled(key) && !dynamicKeyPrefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it.each(dynamicKeyPrefixes)("the prefix %s is built by code and names keys", (prefix) => {
    expect(allCode.includes(`\`${prefix}\${`) || spelled(prefix)).toBe(true);
    expect(Object.keys(nl).some((key) => key.startsWith(prefix))).toBe(true);
  });
});

describe("the browser's code", () => {
  // Web modules other than *.server.ts and entry.server.tsx end up in the browser's bundle: they
  // translate through app/lib/i18n.ts, never with a catalogue of their own (ADR 0028).
  const browserModules = sources("app").filter(
    (f) => !/\.server\.tsx?$/.test(f.path) && f.path !== "app/entry.server.tsx",
  );
  const catalogueImport =
    /^import\s+(?!type\s)[^;]*?from\s+"[./]*(src\/)?i18n\/(translate|nl|en|catalogue\.(nl|en))"|^import\s+(?!type\s)[^;]*?from\s+"[^"]*messages\.(nl|en)"/gm;

  it.each(browserModules.map((f) => [f.path, f.text]))(
    "%s imports no catalogue (only types)",
    (path, text) => {
      const imports = [...text.matchAll(catalogueImport)].map((m) => m[0]);
      // entry.client.tsx loads the page's one catalogue with a dynamic import().
      expect(imports, path).toEqual([]);
    },
  );
});
