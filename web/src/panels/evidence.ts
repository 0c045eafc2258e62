/**
 * One evidence quote as a button: the sentence with its cue marked, and the source
 * article. Activating it opens the article reader at that sentence. Shared by the
 * node panel and the path finder's narration; the node panel adds actions beside
 * each quote (the "wrong reading" edit), outside the button so it keeps its role.
 */
import type { Evidence } from "../../../src/types.ts";
import { articleSource, type App } from "../app.ts";
import { splitQuote } from "../state/relations.ts";
import { h, type Child } from "../ui/dom.ts";

export function evidenceButton(app: App, ev: Pick<Evidence, "article" | "sentence" | "quote" | "sentenceIndex">): HTMLElement {
  const [before, cue, after] = splitQuote(ev.sentence, ev.quote);
  return h(
    "button",
    {
      class: "evidence",
      attrs: { type: "button", title: "Open the article at this sentence", "data-article": ev.article, "data-sentence": ev.sentenceIndex },
      on: { click: () => void app.reader.open(ev.article, ev.sentenceIndex) },
    },
    h("q", { class: "evidence-text" }, before, cue ? h("mark", {}, cue) : null, after),
    h("cite", { class: "evidence-source" }, articleSource(app, ev.article)),
  );
}

/** What may stand beside a quote (nothing in the path finder). */
export type EvidenceActions = (ev: Evidence) => Child;

function evidenceItem(app: App, ev: Evidence, actions?: EvidenceActions): HTMLElement {
  if (!actions) return evidenceButton(app, ev);
  return h("div", { class: "evidence-item" }, evidenceButton(app, ev), actions(ev));
}

/** The first few evidence quotes, with the rest behind a <details>. */
export function evidenceList(app: App, evidence: readonly Evidence[], shown = 2, actions?: EvidenceActions): HTMLElement {
  const first = evidence.slice(0, shown).map((e) => evidenceItem(app, e, actions));
  const rest = evidence.slice(shown);
  return h(
    "div",
    { class: "evidence-list" },
    first,
    rest.length ? h("details", {}, h("summary", {}, `${rest.length} more`), rest.map((e) => evidenceItem(app, e, actions))) : null,
  );
}
