// TypeScript from an ES module (tsconfig.json: nodenext; tsconfig.bundler.json: a bundler's resolution). Every
// `@ts-expect-error` must meet an error: the types are not `any`.
import { analyze, analyzeStory, init, initSync, version } from "whosaid";
import type { Analysis, Quote, QuoteKind, Span, Speaker, StoryAnalysis, StorySpeaker, QuoteGroup, DiffOp } from "whosaid";

await init();
const text = "“We have the steel,” she told reporters.";
const a: Analysis = analyze(text);
const first: Quote | undefined = a.quotes[0];
if (first) {
  const kind: QuoteKind = first.kind;
  const quoted: string = text.slice(first.start, first.end);
  const cue: Span | null = first.cue;
  const speaker: Speaker | undefined = first.speaker_id === null ? undefined : a.speakers[first.speaker_id];
  const parts: Span[] = first.parts;
  const confidence: number = first.confidence;
  use(kind, quoted, cue?.text, speaker?.name, speaker?.gender, parts.length, confidence, first.sieve);
  // @ts-expect-error: a quote has no such field
  use(first.speaker_name);
}
const story: StoryAnalysis = analyzeStory([text, text] as const);
const who: StorySpeaker | undefined = story.story.speakers[0];
const members: [number, number][] | undefined = who?.members;
const group: QuoteGroup | undefined = story.story.quote_groups[0];
const diff: DiffOp["op"][] | undefined = group?.versions[0]?.diff.map((d) => d.op);
const affiliation: string | null | undefined = who?.affiliation;
use(members, diff, affiliation, story.story.articles[0]?.by_side[0]?.share, version().length);
initSync(new Uint8Array(0));

// @ts-expect-error: analyze takes a string
analyze(42);
// @ts-expect-error: init takes a URL, a Response, bytes or a module
await init(42);
// @ts-expect-error: analyzeStory takes an array of strings
analyzeStory("one article");
// @ts-expect-error: the quote kinds are three
const other: QuoteKind = "reported";
// @ts-expect-error: offsets are numbers
const start: string = a.quotes[0]!.start;
// @ts-expect-error: a speaker id may be null
const id: number = a.quotes[0]!.speaker_id;
use(other, start, id);

/** Marks values as used (no console in the ES library these configs use). */
function use(...values: unknown[]): void {
  void values;
}
