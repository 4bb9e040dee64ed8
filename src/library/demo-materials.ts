import { count, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { loadActor } from "../identity/load-actor";
import { user } from "../identity/schema";
import { createMaterial } from "./create-material";
import { moveMaterialVersion } from "./move-material-version";
import { material } from "./schema";

// A few published demo materials, so the library's search has something to find in the demo:
// written by the second school's coordinator and published by the pedagogical counsellor, through
// the use cases like every other material. Only `npm run setup` writes them: the test templates
// leave the commons empty, because the harvesting and search tests count its records exactly.

const demoMaterials = [
  {
    title: "Veilig lassen met een lasrobot",
    description:
      "Een lessenreeks voor de derde graad: leerlingen programmeren een lasrobot, controleren de lasnaden en werken veilig in de lascel.",
    keywords: "lassen, lasrobot, robotica, veiligheid",
    studyDomains: ["2"],
    finalities: ["A"],
    grades: ["3"],
    transitionAreas: ["3"],
    resourceTypes: ["courseModule"],
  },
  {
    title: "Tilliften en ergonomie in de ouderenzorg",
    description:
      "Werkbladen en video's over het veilig verplaatsen van zorgvragers met een tillift, getest in een woonzorgcentrum.",
    keywords: "zorg, tillift, ergonomie, verzorgende",
    studyDomains: ["6"],
    finalities: ["A"],
    grades: ["3", "7"],
    transitionAreas: ["5"],
    resourceTypes: ["worksheet", "video"],
  },
  {
    title: "Zonnepanelen plaatsen en keuren",
    description:
      "Een project waarin leerlingen elektriciteit een pv-installatie ontwerpen, plaatsen en laten keuren volgens het AREI.",
    keywords: "elektriciteit, zonnepanelen, AREI, energie",
    studyDomains: ["2"],
    finalities: ["A", "DU"],
    grades: ["2", "3"],
    transitionAreas: ["7"],
    resourceTypes: ["project"],
  },
  {
    title: "Duurzaam koken met seizoensgroenten",
    description:
      "Lesvoorbereidingen voor de keuken: menu's met groenten van het seizoen, minder voedselverlies en een eerlijke kostprijs.",
    keywords: "voeding, koken, duurzaamheid, voedselverlies",
    studyDomains: ["8"],
    finalities: ["A"],
    grades: ["2"],
    transitionAreas: ["1"],
    resourceTypes: ["lessonPlan"],
  },
  {
    title: "Heftruckbesturing in het magazijn",
    description:
      "Een simulatie en evaluatie voor logistiek: veilig rijden met een heftruck, laden en lossen, het magazijnbeheer.",
    keywords: "logistiek, heftruck, magazijn",
    studyDomains: ["5"],
    finalities: ["A"],
    grades: ["3"],
    transitionAreas: ["6"],
    resourceTypes: ["simulation", "assessment"],
  },
];

/** Seeds the demo materials once; the demo world must exist. Returns how many were written. */
export async function seedDemoMaterials(db: Database, now = new Date()): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(material);
  if ((existing?.n ?? 0) > 0) return 0;
  const idOf = async (email: string) =>
    (await db.select({ id: user.id }).from(user).where(eq(user.email, email)))[0]?.id;
  const authorId = await idOf("coordinator2@demo.innovet.test");
  const moderatorId = await idOf("begeleider@demo.innovet.test");
  if (!authorId || !moderatorId) return 0;
  const author = await loadActor(db, authorId);
  const moderator = await loadActor(db, moderatorId);
  const organisationId = author?.memberships[0]?.organisationId;
  if (!author || !moderator || !organisationId) return 0;
  let written = 0;
  for (const [i, fields] of demoMaterials.entries()) {
    // A day apart, the newest last, so sorting by date has something to show.
    const at = new Date(now.getTime() - (demoMaterials.length - i) * 86_400_000);
    const ctx = (actor: typeof author) => ({ db, actor, now: () => at });
    const created = await createMaterial(ctx(author), {
      ...fields,
      licence: "CC-BY-SA-4.0",
      authors: "Demo Coördinator (Demo school)",
      links: "https://voorbeeld.be/leermateriaal Lesmateriaal",
      audiences: ["pupils", "teachers"],
      maturity: "testedInClass",
      maturityEvidence: "Getest in twee klassen.",
      organisationId,
    });
    if (!created.ok) throw new Error(`demo material refused: ${JSON.stringify(created)}`);
    for (const [actor, move] of [
      [author, "submit"],
      [moderator, "publish"],
    ] as const) {
      const moved = await moveMaterialVersion(ctx(actor), {
        versionId: created.value.versionId,
        move,
      });
      if (!moved.ok) throw new Error(`demo material ${move}: ${JSON.stringify(moved)}`);
    }
    written += 1;
  }
  return written;
}
