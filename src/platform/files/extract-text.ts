import { inflateSync } from "node:zlib";
import type { MaterialKind } from "./sniff";
import { readZipDirectory, readZipEntry } from "./zip";

// The text inside a learning material's file, for search (issue 4, item 3). Office files are
// read from their XML parts; PDFs by a small extractor for text-based PDFs: FlateDecode (or
// unfiltered) content streams, the text-showing operators Tj, TJ, ' and " with literal and hex
// strings. Honest limits: text in fonts with a custom encoding (subset fonts with a ToUnicode map,
// common in PDFs from Word) comes out as the font's codes, often gibberish or nothing; scanned
// PDFs have no text at all; object streams and other filters (LZW, ASCII85) are skipped. Whatever
// is found is capped, and every part is unpacked with a cap on its size.

export const maxExtractedChars = 200_000;
/** The most one part (an XML part, a PDF stream) is unpacked to. */
const maxPartBytes = 20 * 1024 * 1024;

const decodeEntities = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => safeCodePoint(Number.parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => safeCodePoint(Number.parseInt(d, 10)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function safeCodePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
}

/** The text of the elements named `tag` (e.g. w:t, a:t), paragraphs (`paragraph`) on new lines. */
function xmlText(xml: string, tag: string, paragraph: string): string {
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>|</${paragraph}>`, "g");
  let out = "";
  for (const m of xml.matchAll(pattern)) out += m[1] === undefined ? "\n" : decodeEntities(m[1]);
  return out;
}

/** OpenDocument: all text inside `<text:…>` elements, paragraphs and headings on new lines. */
function odfText(xml: string): string {
  const body = xml.slice(Math.max(0, xml.indexOf("<office:body")));
  return decodeEntities(
    body
      .replace(/<\/text:(p|h)>/g, "\n")
      .replace(/<text:(s|tab)\b[^>]*\/>/g, " ")
      .replace(/<[^>]+>/g, ""),
  );
}

function zipParts(bytes: Uint8Array, pick: (name: string) => boolean) {
  const entries = readZipDirectory(bytes) ?? [];
  const chosen = entries
    .filter((e) => pick(e.name))
    // slide2 before slide10
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  return chosen.map((e) =>
    new TextDecoder().decode(readZipEntry(bytes, e, maxPartBytes) ?? new Uint8Array()),
  );
}

/** The text of a file of the given kind, tidied and capped; "" for kinds without text. */
export function extractText(bytes: Uint8Array, kind: MaterialKind): string {
  let text = "";
  try {
    if (kind === "docx")
      text = zipParts(bytes, (n) => n === "word/document.xml")
        .map((x) => xmlText(x, "w:t", "w:p"))
        .join("\n");
    else if (kind === "pptx")
      text = zipParts(bytes, (n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
        .map((x) => xmlText(x, "a:t", "a:p"))
        .join("\n");
    else if (kind === "odt" || kind === "odp")
      text = zipParts(bytes, (n) => n === "content.xml")
        .map(odfText)
        .join("\n");
    else if (kind === "pdf") text = pdfText(bytes);
  } catch {
    // A broken file still may be kept (it passed the checks); it just has no searchable text.
    text = "";
  }
  return tidy(text).slice(0, maxExtractedChars);
}

function tidy(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      .replace(/[ \t]+/g, " ")
      .replace(/ *\n[ \n]*/g, "\n")
      .trim()
  );
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

/** The content streams of a PDF, unpacked (FlateDecode) or as they are (no filter). */
function pdfStreams(pdf: Uint8Array): string[] {
  const source = latin1(pdf);
  const streams: string[] = [];
  // "stream" that is not the end of "endstream"
  const pattern = /(?<!end)stream\r?\n/g;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const start = m.index + m[0].length;
    const end = source.indexOf("endstream", start);
    if (end < 0) break;
    // The stream's dictionary: from its object's "obj" (a nested dictionary such as DecodeParms
    // may come before /Filter).
    const dictionary = source.slice(
      Math.max(0, source.lastIndexOf("obj", m.index), m.index - 4000),
      m.index,
    );
    const data = pdf.subarray(start, end);
    pattern.lastIndex = end + "endstream".length;
    if (/\/Filter\s*\[?\s*\/FlateDecode\s*\]?/.test(dictionary)) {
      try {
        streams.push(latin1(inflateSync(data, { maxOutputLength: maxPartBytes })));
      } catch {
        // a broken or truncated stream: skip it
      }
    } else if (!/\/Filter/.test(dictionary)) streams.push(latin1(data));
  }
  return streams;
}

/** A PDF string's bytes as text: UTF-16BE with its byte-order mark, else PDFDocEncoding ≈ Latin-1. */
function pdfString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = "";
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out;
  }
  return String.fromCharCode(...bytes);
}

const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** The text shown by one content stream's text operators. */
function contentText(content: string): string {
  let out = "";
  let operands: Array<string | number> = [];
  let inArray = false;
  let array: Array<string | number> = [];
  let i = 0;
  const push = (value: string | number) => (inArray ? array : operands).push(value);
  while (i < content.length) {
    const c = content[i] as string;
    if (c === "(") {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < content.length && depth > 0) {
        const d = content[i] as string;
        if (d === "\\") {
          const next = content[i + 1] ?? "";
          if (next in escapes) bytes.push(escapes[next] as number);
          else if (/[0-7]/.test(next)) {
            const octal = /^[0-7]{1,3}/.exec(content.slice(i + 1))?.[0] ?? "0";
            bytes.push(Number.parseInt(octal, 8) & 0xff);
            i += octal.length - 1;
          } else if (next === "\r" || next === "\n") {
            // a line continuation
          } else bytes.push(next.charCodeAt(0));
          i += 2;
          continue;
        }
        if (d === "(") depth++;
        if (d === ")") depth--;
        if (depth > 0) bytes.push(d.charCodeAt(0));
        i++;
      }
      push(pdfString(bytes));
    } else if (c === "<" && content[i + 1] !== "<") {
      const end = content.indexOf(">", i);
      const hex = content.slice(i + 1, end < 0 ? content.length : end).replace(/[^0-9a-f]/gi, "");
      const padded = hex.length % 2 ? `${hex}0` : hex;
      const bytes: number[] = [];
      for (let h = 0; h < padded.length; h += 2)
        bytes.push(Number.parseInt(padded.slice(h, h + 2), 16));
      push(pdfString(bytes));
      i = end < 0 ? content.length : end + 1;
    } else if (c === "[") {
      inArray = true;
      array = [];
      i++;
    } else if (c === "]") {
      inArray = false;
      operands.push(
        array
          // a large negative adjustment between strings is a word gap
          .map((part) => (typeof part === "number" ? (part < -200 ? " " : "") : part))
          .join(""),
      );
      i++;
    } else if (/[\s]/.test(c)) i++;
    else if (c === "%") {
      while (i < content.length && content[i] !== "\n" && content[i] !== "\r") i++;
    } else {
      const token = /^[^\s()<>[\]{}/%]+|^\/[^\s()<>[\]{}/%]*|^./.exec(content.slice(i, i + 200));
      const word = token?.[0] ?? c;
      i += word.length;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        push(Number(word));
        continue;
      }
      if (word.startsWith("/")) {
        push(word);
        continue;
      }
      const last = operands.at(-1);
      const shown = typeof last === "string" && !last.startsWith("/") ? last : "";
      if (word === "Tj" || word === "TJ") out += shown;
      else if (word === "'" || word === '"') out += `\n${shown}`;
      else if (word === "T*" || word === "Td" || word === "TD") out += "\n";
      else if (word === "ET") out += "\n";
      operands = [];
    }
  }
  return out;
}

function pdfText(pdf: Uint8Array): string {
  let text = "";
  for (const stream of pdfStreams(pdf)) {
    if (!/\bBT\b/.test(stream)) continue;
    text += `${contentText(stream)}\n`;
    if (text.length > maxExtractedChars) break;
  }
  return text;
}
