// Types of the whosaid package: its functions and the analyser's output contract (the Rust structs in src/output.rs
// and src/story/ of the whosaid repository, serialised as plain JSON-compatible objects: a missing value is null).
// One file for every entry: scripts/build-npm.sh copies it to whosaid.d.mts (whosaid.mjs) and whosaid.d.cts
// (whosaid.cjs).
//
// Offsets are end-exclusive and count UTF-16 code units, as JavaScript strings do, so `text.slice(start, end)` is the
// span's text.
//
// To extend the contract, add the field to its interface below (a new kind of object: a new interface, and a field
// that holds it). The package test (tests/npm/ in the repository) checks real output against these interfaces with
// `satisfies`, which fails on a field the analyser emits that is missing here, and on one declared here that it
// does not emit.

/** A stretch of the analysed text. */
export interface Span {
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
}

/** direct: “…” with its quotation marks; mixed: a quoted fragment inside reported speech; indirect: “X said that …”. */
export type QuoteKind = "direct" | "mixed" | "indirect";

export type SpeakerKind = "person" | "organisation" | "group" | "unknown";

export type Gender = "male" | "female" | "unknown";

/** One quotation and its attribution. */
export interface Quote {
  /** Its index in `Analysis.quotes`. */
  id: number;
  kind: QuoteKind;
  start: number;
  end: number;
  /** `text.slice(start, end)`; a direct quote's span includes its quotation marks. */
  text: string;
  /** The words that introduce it: "said", "told reporters", "according to", a colon or a dash. */
  cue: Span | null;
  /** The speaker as named at the quote: "Peskov", "he", "the Kremlin spokesman". */
  speaker: Span | null;
  /** The speaker's entity, an index in `Analysis.speakers`. */
  speaker_id: number | null;
  /** From 0 to 1. */
  confidence: number;
  /** The rule that attributed it (e.g. "trailing_cue"); "" when none did. */
  sieve: string;
  /** For a quote interrupted by its cue (“A,” X said. “B.”): the quoted parts A and B; else empty. */
  parts: Span[];
}

/** One entity that speaks in the text, however it is named. */
export interface Speaker {
  /** Its index in `Analysis.speakers`. */
  id: number;
  /** The fullest name the text gives. */
  name: string;
  kind: SpeakerKind;
  /** Other spellings and names: "Zelenskyy", "the president". */
  aliases: string[];
  descriptions: string[];
  /** How many quotes are attributed to it. */
  quotes: number;
  gender: Gender;
}

/** How a pair of quotation marks is used: speech (attributed, or dialogue), a term (scare quotes, so-called, a
 * nickname) or a title (a work, a headline, a slogan). */
export type QuotationKind = "speech" | "term" | "title";

/** One pair of quotation marks as found, attributed or not (offsets from the opening to the closing mark). */
export interface Quotation {
  /** Its index in `Analysis.quotations`. */
  id: number;
  start: number;
  end: number;
  text: string;
  /** 0 for a pair inside no other. */
  depth: number;
  /** The id of the pair it is inside, if any. */
  parent: number | null;
  /** The id of the attributed quote (in `Analysis.quotes`) it is part of, if any. */
  quote: number | null;
  kind: QuotationKind;
}

/** The result of `analyze(text)`. */
export interface Analysis {
  /** "" from `analyze`; the article's index ("0", "1", …) in `analyzeStory`'s documents. */
  id: string;
  quotes: Quote[];
  speakers: Speaker[];
  /** Every pair of quotation marks, in text order (an outer pair before the pairs inside it). */
  quotations: Quotation[];
}

/** Quotes of one story speaker in one article. */
export interface ArticleQuotes {
  article: number;
  quotes: number;
}

/** One entity across the articles of a story. */
export interface StorySpeaker {
  id: number;
  name: string;
  kind: SpeakerKind;
  gender: Gender;
  aliases: string[];
  descriptions: string[];
  /** Its side, e.g. "Russia", "Ukraine", "United Nations"; null when its descriptions name none. */
  affiliation: string | null;
  /** Indexes of the articles that quote it. */
  articles: number[];
  quotes: ArticleQuotes[];
  total_quotes: number;
  /** `[article index, speaker id in that article's Analysis]` for each article's speaker merged into this one. */
  members: [number, number][];
  /** Story speakers with the same description and first name but another surname, for a reader to judge. */
  possibly_same: number[];
}

/** One step of a word diff: reference version → this version (same + del = reference, same + add = this). */
export interface DiffOp {
  op: "same" | "del" | "add";
  text: string;
}

/** One statement as one article renders it. */
export interface QuoteVersion {
  article: number;
  /** The quote's id in that article's Analysis. */
  quote: number;
  kind: QuoteKind;
  /** A story speaker id. */
  speaker: number | null;
  /** From its first word to its last, in that article. */
  start: number;
  end: number;
  /** The quote without its outer quotation marks; an interrupted quote's parts joined by a space. */
  text: string;
  /** Similarity to the group's reference version, from 0 to 1. */
  similarity: number;
  diff: DiffOp[];
}

/** One statement quoted in several articles. */
export interface QuoteGroup {
  id: number;
  /** Mean pairwise similarity across articles, from 0 to 1. */
  similarity: number;
  articles: number[];
  /** Story speaker ids. */
  speakers: number[];
  /** The articles attribute it to different story speakers. */
  conflict: boolean;
  /** Index in `versions` of the version most like the others. */
  reference: number;
  versions: QuoteVersion[];
}

export interface SpeakerShare {
  /** A story speaker id. */
  speaker: number;
  name: string;
  quotes: number;
  /** Share of the article's quotes, from 0 to 1. */
  share: number;
}

export interface SideShare {
  /** A side's name, "unknown" or "unattributed". */
  side: string;
  quotes: number;
  share: number;
}

export interface OtherVersion {
  article: number;
  quote: number;
  speaker: number;
}

/** A quote of this article whose statement other articles attribute to someone else. */
export interface Conflict {
  group: number;
  quote: number;
  speaker: number;
  others: OtherVersion[];
}

/** One article's part in the story. */
export interface ArticleReport {
  article: number;
  id: string;
  quotes: number;
  attributed: number;
  by_speaker: SpeakerShare[];
  by_side: SideShare[];
  /** Quote group ids. */
  groups: number[];
  /** Ids of its quotes in no group: only this article has them. */
  exclusive_quotes: number[];
  conflicts: Conflict[];
}

/** The story across the articles. */
export interface Story {
  speakers: StorySpeaker[];
  quote_groups: QuoteGroup[];
  articles: ArticleReport[];
}

/** The result of `analyzeStory(texts)`: offsets in each document count from the start of its own article. */
export interface StoryAnalysis {
  /** One per article, in order, with ids "0", "1", …. */
  documents: Analysis[];
  story: Story;
}

// The environment's own types where it has them (the DOM library, or Node's types), without requiring either.
type Global = typeof globalThis;
type WasmModule = Global extends { WebAssembly: { Module: { prototype: infer M } } } ? M : never;
type FetchResponse = Global extends { Response: { prototype: infer R } } ? R : never;
type Url = Global extends { URL: { prototype: infer U } } ? U : never;

/** Where init() finds the wasm module: its URL, a fetch Response of it, its bytes, or the compiled module. */
export type InitInput = string | Url | FetchResponse | ArrayBuffer | ArrayBufferView | WasmModule;

/**
 * Loads the wasm module; call it once, and wait for it, before analysing in a browser (by default it fetches
 * `whosaid_bg.wasm` from beside the package's wasm/web.js, which bundlers copy as an asset). In Node.js the module is
 * loaded when the package is, and this resolves at once.
 */
export function init(source?: InitInput | PromiseLike<InitInput>): Promise<void>;

/** Loads the wasm module synchronously from its bytes or the compiled module (Node.js: nothing to do). */
export function initSync(module: ArrayBuffer | ArrayBufferView | WasmModule): void;

/** Analyses one article. */
export function analyze(text: string): Analysis;

/** Analyses several articles of one story: each on its own, then speakers and statements merged across them. */
export function analyzeStory(texts: readonly string[]): StoryAnalysis;

/** The analyser's version, e.g. "0.1.0" (the package's). */
export function version(): string;
