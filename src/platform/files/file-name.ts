// A file's name as a person's computer called it, made safe to show and to send back in a
// Content-Disposition header: no path, no control or bidirectional-override characters, no
// characters Windows refuses, not empty, not too long. The name is only ever shown; a file is
// stored under a random key (file-store.ts).

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"*:<>?|\\/]/gu;

export function sanitiseFileName(raw: string, fallback = "bestand"): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(unsafe, "_").replace(/\s+/g, " ").trim();
  const withoutDots = cleaned.replace(/^\.+/, "");
  if (!withoutDots || /^_+$/.test(withoutDots)) return fallback;
  if (withoutDots.length <= 120) return withoutDots;
  const dot = withoutDots.lastIndexOf(".");
  const extension = dot > 0 && withoutDots.length - dot <= 10 ? withoutDots.slice(dot) : "";
  return `${withoutDots.slice(0, 120 - extension.length)}${extension}`;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients and the
 * real name in `filename*` (RFC 5987, UTF-8, percent-encoded).
 */
export function contentDisposition(fileName: string): string {
  const safe = sanitiseFileName(fileName);
  const asciiName = safe.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
