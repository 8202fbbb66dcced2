// State: the result on screen (its text and analysis), the speakers' numbers and colours, and what the reader
// picked (a speaker to filter by, one article). Provides `state`, `setResult`, and the questions every view
// asks of a quote or speaker: colour, badge, speakerName, matchesFilter, inDoc, spanText, rangesOf.

const PALETTE = 8;

const state = {
  text: "",
  result: null,
  order: [], // speaker ids, most quoted first
  number: new Map(), // speaker id -> 1-based number shown in the UI
  filter: null, // null | speaker id | "none" (unattributed)
  result_names: null, // speaker names of the result on screen (the filter is kept by name)
  doc: "all",
};

function colour(speakerId) {
  if (speakerId === null) return "cu";
  return "c" + ((state.number.get(speakerId) - 1) % PALETTE);
}

function badge(speakerId) {
  return speakerId === null ? "?" : String(state.number.get(speakerId));
}

function speakerName(speakerId) {
  return speakerId === null ? "No speaker found" : state.result.speakers[speakerId].name;
}

function matchesFilter(q) {
  if (state.filter === null) return true;
  if (state.filter === "none") return q.speaker_id === null;
  return q.speaker_id === state.filter;
}

function inDoc(q) {
  return state.doc === "all" || q.doc === Number(state.doc);
}

/** The text of a span of the analysed text (results carry offsets, not copies of the text). */
const spanText = (span) => state.text.slice(span.start, span.end);

/** The ranges a quote highlights: its quoted parts when its cue interrupts it, else the whole span. */
const rangesOf = (q) => (q.parts && q.parts.length ? q.parts : [q]);

/** Makes `result` (the analysis of `text`) the state, keeping the filter when it still applies. */
function setResult(text, result) {
  const docChanged = !state.result || state.result.docs.length !== result.docs.length;
  state.text = text;
  state.result = result;
  const counts = new Map();
  for (const q of result.quotes) if (q.speaker_id !== null) counts.set(q.speaker_id, (counts.get(q.speaker_id) || 0) + 1);
  state.order = result.speakers
    .map((s) => s.id)
    .sort((a, b) => (counts.get(b) || 0) - (counts.get(a) || 0) || a - b);
  state.number = new Map(state.order.map((id, i) => [id, i + 1]));
  // Speaker ids change as the text changes: the filter follows the speaker's name.
  if (typeof state.filter === "number") {
    const name = state.result_names ? state.result_names[state.filter] : null;
    const same = result.speakers.find((s) => s.name === name);
    state.filter = same ? same.id : null;
  }
  state.result_names = result.speakers.map((s) => s.name);
  if (state.filter === "none" && !result.quotes.some((q) => q.speaker_id === null)) state.filter = null;
  if (docChanged || (state.doc !== "all" && Number(state.doc) >= result.docs.length)) state.doc = "all";
}
