import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actorByEmail, setUpDemoWorld } from "../../test/support/database";
import {
  hostilePdf,
  lyingZip,
  pdfWithText,
  testFileStore,
  testMaterialFileLimits,
  tinyPdf,
} from "../../test/support/files";
import { completeMaterial } from "../../test/support/library";
import { auditEvent } from "../audit/schema";
import type { Actor } from "../identity/actor";
import type { FileStore } from "../platform/files/file-store";
import { addMaterialFile } from "./add-material-file";
import { createMaterial } from "./create-material";
import { createMaterialVersion } from "./create-material-version";
import { countMaterialUsage, findMaterialFile, materialUsageTotals } from "./material-usage";
import { moveMaterialVersion } from "./move-material-version";
import { removeMaterialFile } from "./remove-material-file";
import { materialFile, materialVersion } from "./schema";
import { searchMaterials } from "./search-materials";

// A learning material's files on a real database: its makers add and remove them while the
// version is with them; other schools do not even see the version; once submitted the files are
// fixed (by the use cases and by a trigger); a new version shares the stored bytes; downloads
// are found only for those who may see the version; views and downloads are counted per day.

const demo = setUpDemoWorld();
const store = testFileStore();
const add = addMaterialFile(store, testMaterialFileLimits);
const remove = removeMaterialFile(store);
let teacher: Actor;
let counsellor: Actor;
let otherCoordinator: Actor;
let schoolId: string;

beforeAll(async () => {
  teacher = await actorByEmail(demo.handle, "leraar@demo.innovet.test");
  counsellor = await actorByEmail(demo.handle, "begeleider@demo.innovet.test");
  otherCoordinator = await actorByEmail(demo.handle, "coordinator2@demo.innovet.test");
  schoolId = teacher.memberships[0]?.organisationId ?? "";
});

const ctx = (actor: Actor | null) => ({ db: demo.handle.db, actor });

async function draft() {
  const created = await createMaterial(ctx(teacher), {
    ...completeMaterial,
    organisationId: schoolId,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.value;
}

describe("adding and removing files", () => {
  it("a maker adds a PDF: sniffed type, hash, extracted text, audit; and removes it", async () => {
    const { materialId, versionId } = await draft();
    const added = await add(ctx(teacher), {
      versionId,
      file: new File([pdfWithText("Veilig lassen")], "Les 1: lassen.pdf", { type: "text/html" }),
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(added.value).toMatchObject({
      name: "Les 1_ lassen.pdf",
      contentType: "application/pdf",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const [row] = await demo.handle.db
      .select()
      .from(materialFile)
      .where(eq(materialFile.id, added.value.id));
    expect(row?.extractedText).toBe("Veilig lassen");
    const [withText] = await demo.handle.db
      .select({ searchText: materialVersion.searchText })
      .from(materialVersion)
      .where(eq(materialVersion.id, versionId));
    expect(withText?.searchText).toBe("Veilig lassen");
    expect(row?.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.get(row?.storageKey ?? "")).not.toBeNull();
    const audits = await demo.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, materialId), eq(auditEvent.action, "material.file.add")));
    expect(audits).toHaveLength(1);

    const removed = await remove(ctx(teacher), { versionId, fileId: added.value.id });
    expect(removed.ok).toBe(true);
    expect(await store.get(row?.storageKey ?? "")).toBeNull();
    const [withoutText] = await demo.handle.db
      .select({ searchText: materialVersion.searchText })
      .from(materialVersion)
      .where(eq(materialVersion.id, versionId));
    expect(withoutText?.searchText).toBe("");
    const again = await remove(ctx(teacher), { versionId, fileId: added.value.id });
    expect(again).toMatchObject({
      ok: false,
      reason: "conflict",
      message: "library.file.error.gone",
    });
  });

  it("refuses a disguised program, an empty file, a too large one and one too many, at the field", async () => {
    const { versionId } = await draft();
    const refusedWith = async (file: File) => {
      const result = await add(ctx(teacher), { versionId, file });
      return result.ok ? null : result.reason === "invalid" ? result.fieldErrors.file : result;
    };
    const program = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    expect(await refusedWith(new File([program], "les.pdf"))).toEqual([
      "library.file.error.executable",
    ]);
    expect(await refusedWith(new File([], "leeg.pdf"))).toEqual(["library.file.error.empty"]);
    const big = new Uint8Array(testMaterialFileLimits.maxBytes + 1);
    big.set(tinyPdf());
    expect(await refusedWith(new File([big], "groot.pdf"))).toEqual([
      "library.file.error.tooLarge",
    ]);
    for (let i = 0; i < testMaterialFileLimits.maxCount; i++)
      expect(await refusedWith(new File([tinyPdf(`les ${i}`)], `les${i}.pdf`))).toBeNull();
    expect(await refusedWith(new File([tinyPdf()], "teveel.pdf"))).toEqual([
      "library.file.error.tooMany",
    ]);
  });

  it("another school's coordinator does not find the draft; a moderator may not add files", async () => {
    const { versionId } = await draft();
    const file = new File([tinyPdf()], "les.pdf");
    expect(await add(ctx(otherCoordinator), { versionId, file })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await add(ctx(null), { versionId, file })).toMatchObject({ ok: false });
    expect(await add(ctx(counsellor), { versionId, file })).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
    expect(await remove(ctx(otherCoordinator), { versionId, fileId: randomUUID() })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
  });
});

describe("files once the version left its makers", () => {
  it("are fixed after submission, shared by the next version, downloadable once published", async () => {
    const { materialId, versionId } = await draft();
    const added = await add(ctx(teacher), {
      versionId,
      file: new File([pdfWithText("Autogeen lassen met zuurstofacetyleen")], "les.pdf"),
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    // Before publication only the makers (and moderators) find the file.
    expect(await findMaterialFile(demo.handle.db, materialId, added.value.id, null)).toBeNull();
    expect(
      await findMaterialFile(demo.handle.db, materialId, added.value.id, teacher),
    ).not.toBeNull();

    const submitted = await moveMaterialVersion(ctx(teacher), { versionId, move: "submit" });
    expect(submitted.ok).toBe(true);
    expect(
      await add(ctx(teacher), { versionId, file: new File([tinyPdf()], "laat.pdf") }),
    ).toMatchObject({ ok: false, reason: "conflict", message: "library.error.notEditable" });
    expect(await remove(ctx(teacher), { versionId, fileId: added.value.id })).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    // The database refuses it too, whatever code tries (migration 0016).
    await expect(
      demo.handle.db.delete(materialFile).where(eq(materialFile.id, added.value.id)),
    ).rejects.toThrow();
    await expect(
      demo.handle.db
        .update(materialFile)
        .set({ name: "anders.pdf" })
        .where(eq(materialFile.id, added.value.id)),
    ).rejects.toThrow();

    for (const move of ["startReview", "publish"] as const)
      expect((await moveMaterialVersion(ctx(counsellor), { versionId, move })).ok).toBe(true);
    const found = await findMaterialFile(demo.handle.db, materialId, added.value.id, null);
    expect(found?.name).toBe("les.pdf");
    // The words inside the file find the material (a word only its file holds).
    const hits = await searchMaterials(demo.handle.db, {
      query: "zuurstofacetyleen",
      filters: {},
      sort: "relevance",
      page: 1,
    });
    expect(hits.hits.map((h) => h.id)).toContain(materialId);
    expect(await findMaterialFile(demo.handle.db, randomUUID(), added.value.id, null)).toBeNull();

    const next = await createMaterialVersion(ctx(teacher), { materialId });
    if (!next.ok) throw new Error(JSON.stringify(next));
    const [copy] = await demo.handle.db
      .select()
      .from(materialFile)
      .where(eq(materialFile.versionId, next.value.versionId));
    expect(copy?.storageKey).toBe(found?.storageKey);
    // Removing the copy from the new draft keeps the bytes the published version still needs.
    const removed = await remove(ctx(teacher), {
      versionId: next.value.versionId,
      fileId: copy?.id,
    });
    expect(removed.ok).toBe(true);
    expect(await store.get(found?.storageKey ?? "")).not.toBeNull();
  });
});

describe("usage counts", () => {
  it("adds views and downloads per day, without anything about who", async () => {
    const { materialId } = await draft();
    const day = new Date("2026-11-23T10:00:00Z");
    await countMaterialUsage(demo.handle.db, materialId, "views", day);
    await countMaterialUsage(demo.handle.db, materialId, "views", day);
    await countMaterialUsage(demo.handle.db, materialId, "downloads", day);
    await countMaterialUsage(demo.handle.db, materialId, "views", new Date("2026-11-24T10:00:00Z"));
    expect(await materialUsageTotals(demo.handle.db, materialId)).toEqual({
      views: 3,
      downloads: 1,
    });
  });
});

const fixture = (name: string) =>
  readFileSync(new URL(`../platform/files/fixtures/${name}`, import.meta.url));

describe("real documents and hostile ones (ADR 0023)", () => {
  const textOf = async (fileId: string) => {
    const [row] = await demo.handle.db
      .select({ text: materialFile.extractedText })
      .from(materialFile)
      .where(eq(materialFile.id, fileId));
    return row?.text;
  };

  it("a LibreOffice DOCX is searchable with its words apart at tabs and line breaks", async () => {
    const { versionId } = await draft();
    const added = await add(ctx(teacher), {
      versionId,
      file: new File([fixture("lesson.docx")], "les.docx"),
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const text = await textOf(added.value.id);
    expect(text).toContain("Lasmasker veiligheidsbril handschoenen");
    expect(text).toContain("Eerste regel\ntweede regel");
  });

  it("refuses a zip whose headers declare small sizes but whose data inflates past the cap, and stores nothing", async () => {
    const { versionId } = await draft();
    const liar = lyingZip(
      "les/data.bin",
      testMaterialFileLimits.maxUncompressed + 2 * 1024 * 1024,
      200,
    );
    expect(liar.length).toBeLessThan(testMaterialFileLimits.maxBytes);
    const puts: string[] = [];
    const watched: FileStore = {
      ...store,
      put: async (b) => {
        const k = await store.put(b);
        puts.push(k);
        return k;
      },
    };
    const result = await addMaterialFile(watched, testMaterialFileLimits)(ctx(teacher), {
      versionId,
      file: new File([liar], "les.zip"),
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { file: ["library.file.error.archiveBomb"] },
    });
    expect(puts).toEqual([]);
  });

  it("keeps the issue's hostile PDF (300 streams inflating to 20 MB each) without text", async () => {
    const { versionId } = await draft();
    const hostile = hostilePdf(300, 20 * 1024 * 1024);
    const addLarge = addMaterialFile(store, {
      ...testMaterialFileLimits,
      maxBytes: 8 * 1024 * 1024,
    });
    const added = await addLarge(ctx(teacher), {
      versionId,
      file: new File([hostile], "groot.pdf"),
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(added.value.extractedChars).toBe(0);
    expect(await textOf(added.value.id)).toBe("");
  });

  it("does its heavy work outside the transaction: while the store PUT waits, the database serves others", async () => {
    const { versionId } = await draft();
    let release = () => {};
    let putStarted = () => {};
    const started = new Promise<void>((resolve) => {
      putStarted = resolve;
    });
    const slowStore: FileStore = {
      ...store,
      put: async (bytes) => {
        putStarted();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return store.put(bytes);
      },
    };
    const upload = addMaterialFile(slowStore, testMaterialFileLimits)(ctx(teacher), {
      versionId,
      file: new File([pdfWithText("Lassen")], "les.pdf"),
    });
    await started;
    // PGlite has one connection: had the upload opened its transaction, this would wait for it
    // (and the test would time out).
    const [row] = await demo.handle.db
      .select({ state: materialVersion.state })
      .from(materialVersion)
      .where(eq(materialVersion.id, versionId));
    expect(row?.state).toBe("draft");
    release();
    expect(await upload).toMatchObject({ ok: true });
  });

  it("does no heavy work for a change that cannot happen: nothing is read or stored", async () => {
    const { versionId } = await draft();
    const puts: string[] = [];
    const watched: FileStore = {
      ...store,
      put: async (bytes) => {
        const key = await store.put(bytes);
        puts.push(key);
        return key;
      },
    };
    const addWatched = addMaterialFile(watched, { ...testMaterialFileLimits, maxCount: 1 });
    const file = () => new File([pdfWithText("Lassen")], "les.pdf");
    // a moderator may not add files: refused before the file is even read
    expect(await addWatched(ctx(counsellor), { versionId, file: file() })).toMatchObject({
      reason: "forbidden",
    });
    expect(puts).toHaveLength(0);
    expect(await addWatched(ctx(teacher), { versionId, file: file() })).toMatchObject({ ok: true });
    expect(puts).toHaveLength(1);
    // the version is full: refused in the short transaction before the upload's work
    expect(await addWatched(ctx(teacher), { versionId, file: file() })).toMatchObject({
      fieldErrors: { file: ["library.file.error.tooMany"] },
    });
    expect(puts).toHaveLength(1);
  });

  it("removes the stored file when the transaction does not commit (the version left its makers meanwhile)", async () => {
    const { versionId } = await draft();
    const keys: string[] = [];
    // The file store is where the race is made: right after the PUT, the version is submitted.
    const racing: FileStore = {
      ...store,
      put: async (bytes) => {
        const key = await store.put(bytes);
        keys.push(key);
        const moved = await moveMaterialVersion(ctx(teacher), { versionId, move: "submit" });
        expect(moved.ok).toBe(true);
        return key;
      },
    };
    const result = await addMaterialFile(racing, testMaterialFileLimits)(ctx(teacher), {
      versionId,
      file: new File([pdfWithText("Te laat")], "les.pdf"),
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "conflict",
      message: "library.error.notEditable",
    });
    expect(keys).toHaveLength(1);
    expect(await store.get(keys[0] ?? "")).toBeNull();
  });
});
