// A small XML writer for the harvesting responses: text and attribute values escaped, and the
// characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF) dropped, because one such
// character in a material's description would make the whole response unparseable for a harvester.

/** An element: a name, attributes (undefined ones left out) and children (text or elements). */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | number | undefined>;
  children?: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Builds an element; children that are null, undefined or false are left out. */
export function el(
  name: string,
  attributes?: Record<string, string | number | undefined> | null,
  ...children: Array<XmlNode | XmlNode[] | null | undefined | false>
): XmlElement {
  const kept: XmlNode[] = [];
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) kept.push(child);
  return { name, attributes: attributes ?? undefined, children: kept };
}

// Allowed: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without the characters XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(forbidden, "");
}

export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  // Tabs and line breaks in attributes would be normalised to spaces by a parser: keep them.
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

function write(node: XmlNode, out: string[]): void {
  if (typeof node === "string") {
    out.push(escapeText(node));
    return;
  }
  out.push(`<${node.name}`);
  for (const [key, value] of Object.entries(node.attributes ?? {}))
    if (value !== undefined) out.push(` ${key}="${escapeAttribute(String(value))}"`);
  const children = node.children ?? [];
  if (children.length === 0) {
    out.push("/>");
    return;
  }
  out.push(">");
  for (const child of children) write(child, out);
  out.push(`</${node.name}>`);
}

/** The document with its XML declaration. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out);
  out.push("\n");
  return out.join("");
}
