import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { count, eq } from "drizzle-orm";
import { seedDemoApplications, seedDemoHomeApplications } from "../applications/demo-applications";
import { auditEvent } from "../audit/schema";
import { seedDemoCalls } from "../calls/demo-calls";
import type { Database, DbExecutor } from "../db/client";
import {
  type DemoWorld,
  demoEmailDomain,
  demoRefs,
  generateDemoWorld,
} from "../directory/demo-world";
import { organisation, site, siteProgramme } from "../directory/schema";
import { loadActor } from "../identity/load-actor";
import { account, membership, user } from "../identity/schema";
import type { FileStore } from "../platform/files/file-store";
import { demoPassword } from "./demo-password";

// The demo world (src/directory/demo-world.ts) written to the database once: organisations,
// sites with their programmes, people with a password account, and memberships. Every row is
// recorded in the audit log as done by the system ("seed.*"), like any other state change.

const chunk = 1000;

async function insertInChunks<T>(rows: T[], write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += chunk) await write(rows.slice(i, i + chunk));
}

async function audit(
  tx: DbExecutor,
  action: string,
  subjectType: string,
  rows: Array<{ id: string; after: unknown }>,
) {
  await insertInChunks(rows, (part) =>
    tx
      .insert(auditEvent)
      .values(
        part.map((r) => ({ actorId: null, action, subjectType, subjectId: r.id, after: r.after })),
      ),
  );
}

export interface SeedReport {
  seeded: boolean;
  organisations: number;
  sites: number;
  people: number;
  calls: number;
  applications: number;
}

/**
 * Seeds the demo world when the directory is empty; does nothing when it is already there. With
 * a file store, also the demo accounts' own applications in every state (their attachments need
 * one), so that every role's dashboard has something real to show.
 */
export async function seedDemoWorld(
  db: Database,
  world: DemoWorld = generateDemoWorld(),
  now: Date = new Date(),
  home?: { files: FileStore; baseUrl: string },
): Promise<SeedReport> {
  const [existing] = await db.select({ n: count() }).from(organisation);
  if ((existing?.n ?? 0) > 0)
    return { seeded: false, organisations: 0, sites: 0, people: 0, calls: 0, applications: 0 };

  // One hash for all demo accounts: scrypt is deliberately slow, and they share one password.
  const passwordHash = await hashPassword(demoPassword);

  const userIdOfEmail = new Map<string, string>();
  const idOfRef = new Map<string, string>();
  await db.transaction(async (tx) => {
    const organisations = world.organisations.map((o) => {
      const id = randomUUID();
      idOfRef.set(o.ref, id);
      const { ref: _ref, ...fields } = o;
      return { id, ...fields };
    });
    await insertInChunks(organisations, (part) => tx.insert(organisation).values(part));
    await audit(
      tx,
      "seed.organisation",
      "organisation",
      organisations.map((o) => ({ id: o.id, after: o })),
    );

    const sites = world.sites.map((s) => {
      const organisationId = idOfRef.get(s.organisationRef);
      if (!organisationId)
        throw new Error(`Demo site of unknown organisation ${s.organisationRef}`);
      const { organisationRef: _ref, programmes, ...fields } = s;
      return { row: { id: randomUUID(), organisationId, ...fields }, programmes };
    });
    await insertInChunks(
      sites.map((s) => s.row),
      (part) => tx.insert(site).values(part),
    );
    await insertInChunks(
      sites.flatMap((s) =>
        s.programmes.map((p) => ({
          siteId: s.row.id,
          programmeCode: p.code,
          programmeStage: p.stage,
        })),
      ),
      (part) => tx.insert(siteProgramme).values(part),
    );
    await audit(
      tx,
      "seed.site",
      "site",
      sites.map((s) => ({ id: s.row.id, after: { ...s.row, programmes: s.programmes } })),
    );

    const people = world.people.map((p) => {
      const id = randomUUID();
      userIdOfEmail.set(p.email, id);
      return { id, email: p.email, name: p.name, locale: p.locale, emailVerified: true };
    });
    await tx.insert(user).values(people);
    await tx.insert(account).values(
      people.map((p) => ({
        id: randomUUID(),
        accountId: p.id,
        providerId: "credential",
        userId: p.id,
        password: passwordHash,
      })),
    );
    await audit(
      tx,
      "seed.person",
      "person",
      people.map((p) => ({ id: p.id, after: p })),
    );

    const memberships = world.memberships.map((m) => {
      const userId = userIdOfEmail.get(m.personEmail);
      const organisationId = idOfRef.get(m.organisationRef);
      if (!userId || !organisationId)
        throw new Error(`Demo membership of unknown ${m.personEmail}`);
      return { id: randomUUID(), userId, organisationId, role: m.role };
    });
    await tx.insert(membership).values(memberships);
    await audit(
      tx,
      "seed.membership",
      "person",
      memberships.map((m) => ({ id: m.userId, after: m })),
    );
  });

  // The calls go through the use cases, as the demo programme manager, after the world exists.
  const managerEmail = world.people.find((p) =>
    world.memberships.some((m) => m.personEmail === p.email && m.role === "programmeManager"),
  )?.email;
  const managerId = managerEmail ? userIdOfEmail.get(managerEmail) : undefined;
  const manager = managerId ? await loadActor(db, managerId) : null;
  const calls = manager ? await seedDemoCalls(db, manager, now) : 0;
  const adminEmail = world.memberships.find((m) => m.role === "platformAdmin")?.personEmail;
  const adminId = adminEmail ? userIdOfEmail.get(adminEmail) : undefined;
  const admin = adminId ? await loadActor(db, adminId) : null;
  // The schools' drafts need no file store; their links name the platform's address.
  const schoolDrafts = admin
    ? await seedDemoApplications(db, {
        admin,
        now,
        baseUrl: home?.baseUrl ?? "http://localhost:3000",
        emailDomain: demoEmailDomain,
        password: demoPassword,
      })
    : 0;
  let applications = schoolDrafts;
  if (home) {
    applications += await seedHomes(db, world, { userIdOfEmail, idOfRef }, now, home);
  }

  return {
    seeded: true,
    calls,
    applications,
    organisations: world.organisations.length,
    sites: world.sites.length,
    // Each school's draft has its own coordinator, added by the administrator.
    people: world.people.length + schoolDrafts,
  };
}

/** The demo coordinator's applications in every state, for the dashboards (through use cases). */
async function seedHomes(
  db: Database,
  world: DemoWorld,
  ids: { userIdOfEmail: Map<string, string>; idOfRef: Map<string, string> },
  now: Date,
  home: { files: FileStore; baseUrl: string },
): Promise<number> {
  const actorOf = async (role: "schoolCoordinator" | "schoolDirector") => {
    const email = world.memberships.find(
      (m) => m.role === role && m.organisationRef === demoRefs.school,
    )?.personEmail;
    const id = email ? ids.userIdOfEmail.get(email) : undefined;
    return id ? loadActor(db, id) : null;
  };
  const coordinator = await actorOf("schoolCoordinator");
  const director = await actorOf("schoolDirector");
  const company = ids.idOfRef.get(demoRefs.company);
  const employment = ids.idOfRef.get(demoRefs.employmentService);
  const partnerEmail = world.memberships.find(
    (m) => m.role === "partnerContact" && m.organisationRef === demoRefs.company,
  )?.personEmail;
  const partnerName = world.people.find((p) => p.email === partnerEmail)?.name;
  const [rtc] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.kind, "rtc"))
    .orderBy(organisation.name)
    .limit(1);
  if (!coordinator || !director || !company || !employment || !partnerEmail || !rtc) return 0;
  return seedDemoHomeApplications(
    db,
    {
      coordinator,
      director,
      partner: {
        organisationId: company,
        contactEmail: partnerEmail,
        contactName: partnerName ?? "Contactpersoon",
      },
      otherPartners: [
        {
          organisationId: employment,
          contactName: "Contactpersoon VDAB",
          contactEmail: `vdab@${demoEmailDomain}`,
        },
        {
          organisationId: rtc.id,
          contactName: "Contactpersoon RTC",
          contactEmail: `rtc@${demoEmailDomain}`,
        },
      ],
    },
    { now, ...home },
  );
}
