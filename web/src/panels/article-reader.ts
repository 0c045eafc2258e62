/**
 * The article reader: a modal dialog showing one article's sentences as text, with
 * the sentence an evidence quote came from highlighted and scrolled into view.
 * Everything is inserted with textContent, so article text can never become markup.
 */
import { api, ApiError } from "../api.ts";
import type { Reader } from "../app.ts";
import { byId, h, render } from "../ui/dom.ts";

export function createReader(): Reader {
  const dialog = byId<HTMLDialogElement>("reader");
  const title = h("h2", { attrs: { id: "reader-title" } });
  const meta = h("p", { class: "reader-meta" });
  const body = h("div", { class: "reader-body", attrs: { tabindex: "0", "aria-label": "Article text" } });
  const close = h("button", { class: "reader-close", attrs: { type: "button", "aria-label": "Close article" }, on: { click: () => dialog.close() } }, "✕");
  render(dialog, h("header", { class: "reader-head" }, title, close), meta, body);
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) dialog.close(); // click on the backdrop
  });

  return {
    async open(articleId, sentenceIndex) {
      render(title, "Loading…");
      render(meta);
      render(body);
      if (!dialog.open) dialog.showModal();
      try {
        const a = await api.article(articleId);
        render(title, a.title);
        render(meta, [a.outlet, a.published].filter(Boolean).join(" · "));
        const paragraphs = a.sentences.map((s) =>
          h("p", { class: s.index === sentenceIndex ? "sentence highlighted" : "sentence", attrs: { "data-index": s.index } }, s.text),
        );
        render(body, paragraphs);
        const target = paragraphs.find((p) => p.classList.contains("highlighted"));
        if (target) {
          target.setAttribute("tabindex", "-1");
          target.scrollIntoView({ block: "center" });
          target.focus({ preventScroll: true });
        } else close.focus();
      } catch (err) {
        render(title, "Article unavailable");
        render(body, h("p", { class: "error" }, err instanceof ApiError ? err.message : String(err)));
      }
    },
  };
}
