// The commons' vocabulary (issue 4): a learning material (leermateriaal) and its versions, each
// moderated before it is public; licences, maturity, resource types and audiences as data; the
// moderation state machine as a table of allowed moves. See ../shared/glossary.md.

/** The six Creative Commons licences, CC0, and "all rights reserved". */
export const licences = [
  "CC-BY-4.0",
  "CC-BY-SA-4.0",
  "CC-BY-NC-4.0",
  "CC-BY-NC-SA-4.0",
  "CC-BY-ND-4.0",
  "CC-BY-NC-ND-4.0",
  "CC0-1.0",
  "all-rights-reserved",
] as const;
export type Licence = (typeof licences)[number];

/** The licence deed a material links to (the machine-readable licence in its metadata). */
export const licenceUrl: Record<Licence, string | null> = {
  "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
  "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
  "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
  "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
  "CC-BY-ND-4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
  "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
  "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
  "all-rights-reserved": null,
};

/** How far a material has come: made, tried in a class, or used again by another school. */
export const maturities = ["prototype", "testedInClass", "replicated"] as const;
export type Maturity = (typeof maturities)[number];

/** Learning-resource types (after LRMI/LOM learningResourceType, in words a teacher uses). */
export const resourceTypes = [
  "lessonPlan",
  "courseModule",
  "worksheet",
  "presentation",
  "video",
  "assessment",
  "project",
  "simulation",
  "manual",
  "other",
] as const;
export type ResourceType = (typeof resourceTypes)[number];

export const audiences = ["pupils", "teachers"] as const;
export type Audience = (typeof audiences)[number];

/** Accessibility features (schema.org accessibilityFeature values). */
export const accessibilityFeatures = [
  "captions",
  "transcript",
  "alternativeText",
  "largePrint",
  "structuralNavigation",
  "readingOrder",
  "signLanguage",
] as const;

/** Grades (graden) of secondary education a material is meant for; 7 is the seventh year. */
export const grades = ["1", "2", "3", "7"] as const;

export const materialLanguages = ["nl", "en", "fr", "de"] as const;

/** How one material relates to another (Dublin Core terms). */
export const relationKinds = ["isPartOf", "isBasedOn", "references"] as const;
export type RelationKind = (typeof relationKinds)[number];

/**
 * A version's moderation state. A version is written as a draft, submitted, taken in review by a
 * moderator, sent back with notes (changes requested) or published. A published version never
 * changes; it can be withdrawn, with a reason, and then stays as a tombstone.
 */
export const versionStates = [
  "draft",
  "submitted",
  "inReview",
  "changesRequested",
  "published",
  "withdrawn",
] as const;
export type VersionState = (typeof versionStates)[number];

export type ModerationMove = "submit" | "startReview" | "requestChanges" | "publish" | "withdraw";

/** Who makes a move: the author side (the material's makers) or a moderator. */
export const moveMadeBy: Record<ModerationMove, "author" | "moderator" | "either"> = {
  submit: "author",
  startReview: "moderator",
  requestChanges: "moderator",
  publish: "moderator",
  withdraw: "either",
};

/** The allowed moves: from which states, to which state. Everything else is refused. */
export const moderationMoves: Record<
  ModerationMove,
  { from: readonly VersionState[]; to: VersionState }
> = {
  submit: { from: ["draft", "changesRequested"], to: "submitted" },
  startReview: { from: ["submitted"], to: "inReview" },
  requestChanges: { from: ["submitted", "inReview"], to: "changesRequested" },
  publish: { from: ["submitted", "inReview"], to: "published" },
  withdraw: { from: ["published"], to: "withdrawn" },
};

export function nextState(state: VersionState, move: ModerationMove): VersionState | null {
  const rule = moderationMoves[move];
  return rule.from.includes(state) ? rule.to : null;
}

/** Whether a move is allowed from a state (by the table above). */
export function allowsMove(state: VersionState, move: ModerationMove): boolean {
  return nextState(state, move) !== null;
}

/**
 * Versions still with their authors or in moderation. A material has at most one: while it
 * exists, a new version is not started (it is that one to work on).
 */
export const openVersionStates: readonly VersionState[] = [
  "draft",
  "submitted",
  "inReview",
  "changesRequested",
];

/** The states in which a version waits for a moderator (the queue): those it is published from. */
export const awaitingModerationStates: readonly VersionState[] = moderationMoves.publish.from;

/**
 * Whether the next version of a material may be started from the given version: it is the
 * latest, and no version is open. `versions` are the material's versions, newest first.
 */
export function canStartNextVersion(
  versions: ReadonlyArray<{ id: string; state: VersionState }>,
  versionId: string,
): boolean {
  return (
    versions[0]?.id === versionId && !versions.some((v) => openVersionStates.includes(v.state))
  );
}

/** A version's content can be changed only while it is with its authors. */
export function isEditable(state: VersionState): boolean {
  return state === "draft" || state === "changesRequested";
}

/** Only published versions are public (and harvested); withdrawn ones are tombstones. */
export function isPublic(state: VersionState): boolean {
  return state === "published";
}

/** An author as attributed: a name and, optionally, an organisation. */
export interface MaterialAuthor {
  name: string;
  organisation?: string;
}

export interface MaterialLink {
  url: string;
  label: string;
}

/**
 * The suggested attribution (TASL: title, author, source, licence), as Creative Commons asks
 * for it, e.g. "“Lassen met AR” door An Peeters (VTI Gent), InnoVET-bibliotheek, CC BY 4.0".
 */
export function attributionText(values: {
  title: string;
  authors: readonly MaterialAuthor[];
  sourceUrl: string;
  licence: Licence;
  licenceLabel: string;
  byWord: string;
}): string {
  const who = values.authors
    .map((a) => (a.organisation ? `${a.name} (${a.organisation})` : a.name))
    .join(", ");
  return `“${values.title}”${who ? ` ${values.byWord} ${who}` : ""}, ${values.sourceUrl}, ${values.licenceLabel}`;
}

/** A replication report is moderated like a version, more simply: published or rejected. */
export const replicationStates = ["submitted", "published", "rejected"] as const;
export type ReplicationState = (typeof replicationStates)[number];

const maturityRank: Record<Maturity, number> = { prototype: 0, testedInClass: 1, replicated: 2 };

/**
 * The maturity a material shows: what its authors declared for the version, raised to
 * "replicated elsewhere" as soon as another school's replication report has been published.
 */
export function shownMaturity(declared: Maturity, publishedReplications: number): Maturity {
  const earned: Maturity = publishedReplications > 0 ? "replicated" : "prototype";
  return maturityRank[earned] > maturityRank[declared] ? earned : declared;
}
