import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll } from "vitest";
import { answerOaiRequest } from "../../src/library/harvesting/oai-pmh";
import type { DemoWorld } from "./database";

// Asking the library's OAI-PMH repository in tests, with every response validated by xmllint
// against the OAI-PMH schema and the schemas of the metadata formats (test/schemas/: for LOM the
// official IEEE LTSC binding, its loose composite, which the records advertise); without xmllint
// the tests fail rather than skip.

export const oaiBaseUrl = "https://innovet.example.be";
export const oaiHost = "innovet.example.be";
export const oaiSecret = "a-test-secret-for-resumption-tokens-0000000";
const schemas = {
  loose: resolve(import.meta.dirname, "../schemas/harvest.xsd"),
  /** LOM's strict composite: LOMv1.0 vocabulary values only. */
  strict: resolve(import.meta.dirname, "../schemas/harvest-strict.xsd"),
};

/** A material's OAI identifier in the tests' repository. */
export const oaiIdOf = (materialId: string) => `oai:${oaiHost}:material/${materialId}`;
/** Its page address: its identifier inside the records. */
export const pageUrlOf = (materialId: string) => `${oaiBaseUrl}/bibliotheek/${materialId}`;

/** The OAI identifiers in a response, in order. */
export const oaiIdentifiers = (xml: string) =>
  [...xml.matchAll(/<identifier>(oai:[^<]*)<\/identifier>/g)].map((m) => m[1]);

/**
 * A client for the demo world's repository: the request as a query string or as pairs; the
 * response is validated (the test fails when it is not valid) and returned as text.
 */
export function oaiClient(demo: DemoWorld) {
  const scratch = mkdtempSync(join(tmpdir(), "innovet-oai-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let responses = 0;
  const validate = (xml: string, lom: keyof typeof schemas = "loose"): void => {
    const file = join(scratch, `response-${++responses}.xml`);
    writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--schema", schemas[lom], file], {
      encoding: "utf8",
    });
    if (run.error)
      throw new Error(
        `xmllint is needed for these tests (apt-get install libxml2-utils): ${run.error.message}`,
      );
    if (run.status !== 0) throw new Error(`invalid OAI-PMH response:\n${run.stderr}\n${xml}`);
  };
  const ask = async (
    query: string | Array<[string, string]>,
    pageSize = 100,
    options: { now?: Date } = {},
  ): Promise<string> => {
    const args = typeof query === "string" ? [...new URLSearchParams(query)] : query;
    const xml = await answerOaiRequest(demo.handle.db, args, {
      baseUrl: oaiBaseUrl,
      adminEmail: "bibliotheek@innovet.example.be",
      secret: oaiSecret,
      pageSize,
      now: options.now,
    });
    validate(xml);
    return xml;
  };
  /** Also validates a response against LOM's strict composite (the test fails when it is not valid). */
  const strictLom = (xml: string): void => validate(xml, "strict");
  return Object.assign(ask, { strictLom });
}
