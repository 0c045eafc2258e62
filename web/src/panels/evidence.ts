/**
 * One evidence quote as a button: the sentence with its cue marked, and the source
 * article. Activating it opens the article reader at that sentence. Shared by the
 * node panel and the path finder's narration.
 */
import type { Evidence } from "../../../src/types.ts";
import { articleSource, type App } from "../app.ts";
import { splitQuote } from "../state/relations.ts";
import { h } from "../ui/dom.ts";

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

/** The first few evidence quotes, with the rest behind a <details>. */
export function evidenceList(app: App, evidence: readonly Evidence[], shown = 2): HTMLElement {
  const first = evidence.slice(0, shown).map((e) => evidenceButton(app, e));
  const rest = evidence.slice(shown);
  return h(
    "div",
    { class: "evidence-list" },
    first,
    rest.length ? h("details", {}, h("summary", {}, `${rest.length} more`), rest.map((e) => evidenceButton(app, e))) : null,
  );
}
