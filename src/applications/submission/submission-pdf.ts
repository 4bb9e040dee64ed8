import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { formatBrussels, formatEuro } from "../../calls/brussels-time";
import type { Question } from "../../calls/form-definition";
import { type Locale, translate } from "../../i18n/translate";
import type { Answer } from "../model";
import type { SubmissionSnapshot } from "./dossier";

// The PDF of a submission: exactly the frozen snapshot, with its SHA-256 fingerprint on every
// page. It is rendered from the immutable snapshot whenever it is downloaded; the same snapshot
// gives the same bytes (fixed dates, no random document id), so the PDF can be checked again.
// DejaVu Sans is embedded (subset) so every character a school typed prints as typed.

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};

/** An answer as a reader of the PDF should see it: choices as their labels, money in euro. */
export function answerText(question: Question, answer: Answer | undefined, locale: Locale): string {
  if (answer === undefined || (Array.isArray(answer) && answer.length === 0))
    return translate(locale, "submission.pdf.noAnswer");
  if (question.type === "choice") {
    const values = Array.isArray(answer) ? answer : [String(answer)];
    return values.map((v) => question.options.find((o) => o.value === v)?.label ?? v).join(", ");
  }
  if (question.type === "money" && typeof answer === "number") return formatEuro(answer, locale);
  if (Array.isArray(answer)) return answer.join(", ");
  return String(answer);
}

export function renderSubmissionPdf(
  snapshot: SubmissionSnapshot,
  fingerprint: string,
  locale: Locale,
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const submittedAt = new Date(snapshot.submission.submittedAt);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: locale === "nl" ? "nl-BE" : "en",
    info: {
      Title: snapshot.application.title,
      Author: snapshot.leadSchool.name,
      Subject: t("submission.pdf.subject", { call: snapshot.call.title }),
      Creator: "InnoVET",
      Producer: "InnoVET",
      CreationDate: submittedAt,
      ModDate: submittedAt,
    },
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string, size: number) =>
    doc.font("bold").fontSize(size).text(text).moveDown(0.4);
  const fact = (label: string, value: string) => {
    doc.font("bold").fontSize(10).text(`${label}: `, { continued: true });
    doc.font("regular").text(value);
  };

  heading(t("submission.pdf.title"), 18);
  heading(snapshot.application.title, 14);
  fact(t("submission.pdf.call"), snapshot.call.title);
  fact(t("submission.pdf.leadSchool"), snapshot.leadSchool.name);
  fact(
    t("submission.pdf.submittedAt"),
    `${formatBrussels(submittedAt, locale)} (${t("submission.pdf.brusselsTime")})`,
  );
  fact(t("submission.pdf.submittedBy"), snapshot.submission.submittedBy.name);
  fact(t("submission.pdf.sequence"), String(snapshot.submission.sequence));
  fact(t("submission.pdf.formVersion"), snapshot.form.contentHash);
  fact(t("submission.pdf.fingerprint"), fingerprint);
  doc.moveDown();

  for (const section of snapshot.form.definition.sections) {
    heading(section.title, 13);
    for (const question of section.questions) {
      doc.font("bold").fontSize(10.5).text(question.label).moveDown(0.2);
      doc
        .font("regular")
        .fontSize(10)
        .text(answerText(question, snapshot.answers[question.id], locale), { align: "left" })
        .moveDown(0.6);
    }
    doc.moveDown(0.4);
  }

  // The consortium as it was submitted: schools with their programmes, partners with what they
  // committed to and who confirmed it.
  const { consortium } = snapshot;
  heading(t("consortium.title"), 13);
  for (const school of consortium.schools) {
    const role = school.isLead ? t("consortium.leadSchool") : t("consortium.coApplicant");
    doc.font("bold").fontSize(10.5).text(`${school.name} (${role})`).moveDown(0.2);
    fact(t("consortium.sites"), school.sites.map((x) => `${x.siteNumber}. ${x.name}`).join("; "));
    fact(t("consortium.programmes"), school.programmes.map((p) => p.name).join("; "));
    doc.moveDown(0.6);
  }
  for (const partner of consortium.partners) {
    doc
      .font("bold")
      .fontSize(10.5)
      .text(`${partner.name} (${t(`kind.${partner.kind}`)})`)
      .moveDown(0.2);
    fact(t("consortium.roles"), partner.roles.map((r) => t(`consortium.role.${r}`)).join(", "));
    fact(t("consortium.commitment"), partner.commitment);
    fact(t("consortium.inKind"), formatEuro(partner.inKindCents, locale));
    fact(t("consortium.cash"), formatEuro(partner.cashCents, locale));
    fact(
      t("consortium.status"),
      partner.status === "confirmed" && partner.respondedAt
        ? t("consortium.statusDetail.confirmed", {
            name: partner.respondedBy ?? "",
            date: formatBrussels(new Date(partner.respondedAt), locale),
          })
        : t(`consortium.statusName.${partner.status}`),
    );
    doc.moveDown(0.6);
  }
  fact(t("consortium.totalCoFinancing"), formatEuro(consortium.totals.coFinancingCents, locale));

  // Footer on every page: the fingerprint and the page number, so a loose page is traceable.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(7.5)
      .fillColor("#444444")
      .text(
        t("submission.pdf.footer", { fingerprint, page: i + 1, pages: range.count }),
        doc.page.margins.left,
        doc.page.height - 40,
        {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
