import { href } from "react-router";
import type { DbExecutor } from "../../db/client";
import { studyDomains, transitionAreas } from "../../directory/model";
import { translate } from "../../i18n/translate";
import { harvestHorizon } from "./horizon";
import { isMetadataPrefix, type MetadataPrefix, metadataFormats, metadataOf } from "./metadata";
import {
  countItems,
  earliestDatestamp,
  getItem,
  type HarvestItem,
  type ItemQuery,
  listItems,
  producingProjects,
} from "./records";
import { decodeToken, encodeToken, type TokenState } from "./resumption-token";
import { el, type XmlElement, xmlDocument } from "./xml";

// The library as an OAI-PMH 2.0 repository (https://www.openarchives.org/OAI/openarchivesprotocol.html):
// the six verbs over the harvestable items of records.ts, selective harvesting by set and dates,
// stateless flow control with signed resumption tokens, deleted records kept for good, and every
// error condition with its code. Takes the request's arguments as pairs, so that a repeated
// argument is seen; answers the XML text. No HTTP here: the route passes the arguments in.

export interface OaiOptions {
  /** The platform's address (config BASE_URL), without a trailing slash. */
  baseUrl: string;
  adminEmail: string;
  /** The secret that signs resumption tokens. */
  secret: string;
  /** Records or headers per response. */
  pageSize?: number;
  now?: Date;
}

export const oaiPageSize = 100;
const verbs = [
  "Identify",
  "ListMetadataFormats",
  "ListSets",
  "ListIdentifiers",
  "ListRecords",
  "GetRecord",
] as const;
type Verb = (typeof verbs)[number];

/** Which arguments each verb takes (besides `verb`): required, optional and exclusive. */
const argumentsOf: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ["identifier"] },
  ListSets: { required: [], optional: [], exclusive: "resumptionToken" },
  ListIdentifiers: {
    required: ["metadataPrefix"],
    optional: ["from", "until", "set"],
    exclusive: "resumptionToken",
  },
  ListRecords: {
    required: ["metadataPrefix"],
    optional: ["from", "until", "set"],
    exclusive: "resumptionToken",
  },
  GetRecord: { required: ["identifier", "metadataPrefix"], optional: [] },
};

type ErrorCode =
  | "badVerb"
  | "badArgument"
  | "badResumptionToken"
  | "cannotDisseminateFormat"
  | "idDoesNotExist"
  | "noRecordsMatch";

class OaiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The syntax of each argument's value, as the OAI-PMH schema types the `<request>` attributes
 * that echo them (metadataPrefixType, setSpecType, identifierType: a URI without spaces, UTCdatetimeType); a
 * value outside it is badArgument, answered with the bare `<request>` so that the response stays
 * valid. A resumption token is any string: one this repository did not issue is
 * badResumptionToken. from and until are checked for real dates where the list is made.
 */
const argumentSyntax: Record<string, RegExp> = {
  metadataPrefix: /^[A-Za-z0-9\-_.!~*'()]+$/,
  set: /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/,
  identifier: /^[^\s<>"{}|\\^`]+$/,
  from: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/,
  until: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/,
};

/** A UTC datestamp at the repository's granularity: 2026-03-01T09:30:00Z. */
export function formatDatestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const secondPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** A `from` or `until` argument: its moment and granularity, or null when it is not a date. */
export function parseDatestamp(
  value: string,
  bound: "from" | "until",
): { at: Date; granularity: "day" | "second" } | null {
  const day = dayPattern.exec(value);
  const second = day ? null : secondPattern.exec(value);
  const parts = (day ?? second)?.slice(1).map(Number);
  if (!parts) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts;
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2026-02-30 over to March: refuse what does not come back as written.
  if (
    at.getUTCFullYear() !== y ||
    at.getUTCMonth() !== mo - 1 ||
    at.getUTCDate() !== d ||
    at.getUTCHours() !== h ||
    at.getUTCMinutes() !== mi ||
    at.getUTCSeconds() !== s
  )
    return null;
  // A day as `until` means up to and including its last second.
  if (day && bound === "until") at.setUTCHours(23, 59, 59);
  return { at, granularity: day ? "day" : "second" };
}

function identifierOf(host: string, materialId: string): string {
  return `oai:${host}:material/${materialId}`;
}

function materialIdOf(host: string, identifier: string): string | null {
  const prefix = `oai:${host}:material/`;
  if (!identifier.startsWith(prefix)) return null;
  const id = identifier.slice(prefix.length).toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}

function setSpecsOf(item: HarvestItem): string[] {
  return [
    ...item.version.studyDomains.map((d) => `domein:${d}`),
    ...item.version.transitionAreas.map((t) => `transitie:${t}`),
    ...(item.applicationId ? [`project:${item.applicationId}`] : []),
  ];
}

/** Answers one OAI-PMH request; `args` are the request's name–value pairs in order. */
export async function answerOaiRequest(
  db: DbExecutor,
  args: ReadonlyArray<readonly [string, string]>,
  options: OaiOptions,
): Promise<string> {
  // The response is as of the harvest horizon (horizon.ts): a harvester that takes this
  // responseDate as its next `from` misses nothing that is being written meanwhile. Lists show
  // the changes up to it, and no later ones.
  const responseDate = await harvestHorizon(db, options.now ?? new Date());
  const baseUrl = `${options.baseUrl}${href("/oai")}`;
  const host = new URL(options.baseUrl).hostname;
  const pageSize = options.pageSize ?? oaiPageSize;
  const pageUrl = (id: string) =>
    `${options.baseUrl}${href("/bibliotheek/:materialId", { materialId: id })}`;

  const envelope = (request: XmlElement, ...content: XmlElement[]) =>
    xmlDocument(
      el(
        "OAI-PMH",
        {
          xmlns: "http://www.openarchives.org/OAI/2.0/",
          "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
          "xsi:schemaLocation":
            "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd",
        },
        el("responseDate", null, formatDatestamp(responseDate)),
        request,
        ...content,
      ),
    );
  const bareRequest = el("request", null, baseUrl);
  const errorResponse = (request: XmlElement, errors: OaiError[]) =>
    envelope(request, ...errors.map((e) => el("error", { code: e.code }, e.message)));

  // badVerb and badArgument answer with the bare request element, as the protocol asks (§3.6).
  const verbValues = args.filter(([name]) => name === "verb").map(([, value]) => value);
  const verb = verbValues[0];
  if (verbValues.length !== 1 || !verbs.includes(verb as Verb))
    return errorResponse(bareRequest, [
      new OaiError(
        "badVerb",
        verbValues.length === 0
          ? "The verb argument is missing."
          : verbValues.length > 1
            ? "The verb argument is repeated."
            : "The value of the verb argument is not a legal OAI-PMH verb.",
      ),
    ]);
  const rules = argumentsOf[verb as Verb];
  const given = new Map<string, string>();
  const problems: OaiError[] = [];
  for (const [name, value] of args) {
    if (name === "verb") continue;
    if (given.has(name))
      problems.push(new OaiError("badArgument", `The argument ${name} is repeated.`));
    else if (
      !rules.required.includes(name) &&
      !rules.optional.includes(name) &&
      rules.exclusive !== name
    )
      problems.push(
        new OaiError("badArgument", `The argument ${name} is not allowed for ${verb}.`),
      );
    else if (argumentSyntax[name] && !argumentSyntax[name].test(value))
      problems.push(
        new OaiError("badArgument", `The value of the argument ${name} has an illegal syntax.`),
      );
    given.set(name, value);
  }
  if (rules.exclusive && given.has(rules.exclusive)) {
    if (given.size > 1)
      problems.push(
        new OaiError(
          "badArgument",
          `The argument ${rules.exclusive} is exclusive: no other arguments.`,
        ),
      );
  } else
    for (const name of rules.required)
      if (!given.has(name))
        problems.push(new OaiError("badArgument", `The argument ${name} is required for ${verb}.`));
  if (problems.length > 0) return errorResponse(bareRequest, problems);

  const request = el("request", { verb, ...Object.fromEntries(given) }, baseUrl);
  try {
    const content = await answerVerb(verb as Verb, given);
    return envelope(request, content);
  } catch (error) {
    if (!(error instanceof OaiError)) throw error;
    return errorResponse(error.code === "badArgument" ? bareRequest : request, [error]);
  }

  async function answerVerb(verb: Verb, given: Map<string, string>): Promise<XmlElement> {
    switch (verb) {
      case "Identify":
        return identify();
      case "ListMetadataFormats":
        return listMetadataFormats(given.get("identifier"));
      case "ListSets":
        return listSets(given.get("resumptionToken"));
      case "GetRecord":
        return getRecord(given.get("identifier") ?? "", given.get("metadataPrefix") ?? "");
      case "ListIdentifiers":
      case "ListRecords":
        return list(verb, given);
    }
  }

  async function identify(): Promise<XmlElement> {
    const earliest = (await earliestDatestamp(db)) ?? responseDate;
    return el(
      "Identify",
      null,
      el("repositoryName", null, "InnoVET-bibliotheek"),
      el("baseURL", null, baseUrl),
      el("protocolVersion", null, "2.0"),
      el("adminEmail", null, options.adminEmail),
      el("earliestDatestamp", null, formatDatestamp(earliest)),
      el("deletedRecord", null, "persistent"),
      el("granularity", null, "YYYY-MM-DDThh:mm:ssZ"),
    );
  }

  async function itemByIdentifier(identifier: string): Promise<HarvestItem> {
    const id = materialIdOf(host, identifier);
    const item = id ? await getItem(db, id) : null;
    if (!item) throw new OaiError("idDoesNotExist", `No item has the identifier ${identifier}.`);
    return item;
  }

  async function listMetadataFormats(identifier: string | undefined): Promise<XmlElement> {
    // Every item, deleted ones too, is disseminated in both formats.
    if (identifier !== undefined) await itemByIdentifier(identifier);
    return el(
      "ListMetadataFormats",
      null,
      metadataFormats.map((f) =>
        el(
          "metadataFormat",
          null,
          el("metadataPrefix", null, f.metadataPrefix),
          el("schema", null, f.schema),
          el("metadataNamespace", null, f.metadataNamespace),
        ),
      ),
    );
  }

  async function listSets(token: string | undefined): Promise<XmlElement> {
    // The sets fit in one response: there is no token to resume.
    if (token !== undefined)
      throw new OaiError("badResumptionToken", "ListSets has no resumption tokens.");
    const set = (spec: string, name: string) =>
      el("set", null, el("setSpec", null, spec), el("setName", null, name));
    const projects = await producingProjects(db);
    return el(
      "ListSets",
      null,
      set("domein", "Studiedomeinen"),
      studyDomains.map((d) => set(`domein:${d}`, `Studiedomein ${translate("nl", `domain.${d}`)}`)),
      set("transitie", "Transitiegebieden"),
      transitionAreas.map((t) =>
        set(`transitie:${t}`, `Transitiegebied ${translate("nl", `transitionArea.${t}`)}`),
      ),
      set("project", "InnoVET-projecten"),
      projects.map((p) => set(`project:${p.id}`, `InnoVET-project ${p.title}`)),
    );
  }

  function header(item: HarvestItem): XmlElement {
    return el(
      "header",
      { status: item.deleted ? "deleted" : undefined },
      el("identifier", null, identifierOf(host, item.id)),
      el("datestamp", null, formatDatestamp(item.datestamp)),
      setSpecsOf(item).map((s) => el("setSpec", null, s)),
    );
  }

  function record(item: HarvestItem, prefix: MetadataPrefix): XmlElement {
    return el(
      "record",
      null,
      header(item),
      item.deleted ? null : el("metadata", null, metadataOf(prefix, item, pageUrl)),
    );
  }

  function checkPrefix(prefix: string): MetadataPrefix {
    if (!isMetadataPrefix(prefix))
      throw new OaiError(
        "cannotDisseminateFormat",
        `The metadata format ${prefix} is not supported; use oai_dc or lom.`,
      );
    return prefix;
  }

  async function getRecord(identifier: string, prefix: string): Promise<XmlElement> {
    const item = await itemByIdentifier(identifier);
    return el("GetRecord", null, record(item, checkPrefix(prefix)));
  }

  /** The list's state from its arguments, for a first request. */
  async function firstState(
    verb: "ListIdentifiers" | "ListRecords",
    given: Map<string, string>,
  ): Promise<TokenState> {
    const from = given.get("from");
    const until = given.get("until");
    const parsedFrom = from === undefined ? undefined : parseDatestamp(from, "from");
    const parsedUntil = until === undefined ? undefined : parseDatestamp(until, "until");
    if (parsedFrom === null || parsedUntil === null)
      throw new OaiError("badArgument", "from and until are YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
    if (parsedFrom && parsedUntil && parsedFrom.granularity !== parsedUntil.granularity)
      throw new OaiError("badArgument", "from and until must have the same granularity.");
    if (parsedFrom && parsedUntil && parsedFrom.at > parsedUntil.at)
      throw new OaiError("badArgument", "from is later than until.");
    const prefix = checkPrefix(given.get("metadataPrefix") ?? "");
    const state: TokenState = {
      verb,
      metadataPrefix: prefix,
      set: given.get("set"),
      from: parsedFrom ? parsedFrom.at.toISOString() : undefined,
      until: parsedUntil ? parsedUntil.at.toISOString() : undefined,
      asOf: responseDate.getTime(),
      after: { at: 0, id: "00000000-0000-0000-0000-000000000000" },
      cursor: 0,
      completeListSize: 0,
    };
    state.completeListSize = await countItems(db, itemQuery(state, false));
    return state;
  }

  function itemQuery(state: TokenState, withPosition: boolean): ItemQuery {
    return {
      set: state.set,
      from: state.from ? new Date(state.from) : undefined,
      until: state.until ? new Date(state.until) : undefined,
      asOf: new Date(state.asOf),
      after:
        withPosition && state.cursor > 0
          ? { at: new Date(state.after.at), id: state.after.id }
          : undefined,
    };
  }

  async function list(
    verb: "ListIdentifiers" | "ListRecords",
    given: Map<string, string>,
  ): Promise<XmlElement> {
    const token = given.get("resumptionToken");
    let state: TokenState;
    if (token !== undefined) {
      const decoded = decodeToken(token, options.secret);
      if (!decoded || decoded.verb !== verb || !isMetadataPrefix(decoded.metadataPrefix))
        throw new OaiError("badResumptionToken", "The resumption token is invalid.");
      state = decoded;
    } else state = await firstState(verb, given);
    const prefix = state.metadataPrefix as MetadataPrefix;

    // One more than a page tells whether another page follows.
    const items = await listItems(db, itemQuery(state, true), pageSize + 1);
    const page = items.slice(0, pageSize);
    if (page.length === 0)
      throw new OaiError("noRecordsMatch", "No records match the arguments of the request.");
    const last = page.at(-1) as HarvestItem;
    const more = items.length > pageSize;
    // A first page that holds the whole list needs no token; any later page carries one.
    const tokenElement =
      more || token !== undefined
        ? el(
            "resumptionToken",
            { completeListSize: state.completeListSize, cursor: state.cursor },
            more
              ? encodeToken(
                  {
                    ...state,
                    after: { at: last.datestamp.getTime(), id: last.id },
                    cursor: state.cursor + page.length,
                  },
                  options.secret,
                )
              : null,
          )
        : null;
    return el(
      verb,
      null,
      page.map((item) => (verb === "ListRecords" ? record(item, prefix) : header(item))),
      tokenElement,
    );
  }
}
