/**
 * "Add an article" (Curate tab): pasted text with its title (outlet and date
 * optional), or the address of an article page or feed for the server to fetch.
 * The 201 means the article is stored; the graph takes it in a moment later and
 * the page follows through the event stream.
 */
import { api, type ArticleAnswer, type ArticlePost } from "../api.ts";
import type { MountPanel } from "../app.ts";
import { byId, h, render } from "../ui/dom.ts";
import { editForm, FormProblem, stackedField } from "../ui/edit-form.ts";

function outcome(answer: ArticleAnswer): string {
  if ("article" in answer) return `Added “${answer.article.title}”; the graph takes it in shortly.`;
  if ("feed" in answer) return `Feed read: ${answer.ingested} of ${answer.items.length} items added${answer.ingested ? "; the graph takes them in shortly" : ""}.`;
  return "That address has not changed since it was last read.";
}

export const mountAddArticle: MountPanel = (app) => {
  const root = byId("curate-add-article");
  const title = h("input", { attrs: { id: "add-article-title", type: "text", maxlength: 500 } });
  const outlet = h("input", { attrs: { id: "add-article-outlet", type: "text", maxlength: 200 } });
  const published = h("input", { attrs: { id: "add-article-published", type: "date" } });
  const text = h("textarea", { attrs: { id: "add-article-text", rows: 6, placeholder: "Paste the article's text" } });
  const url = h("input", { attrs: { id: "add-article-url", type: "url", maxlength: 2000, placeholder: "https://… (an article page or a feed)", spellcheck: "false" } });

  const post = (): ArticlePost => {
    const pasted = text.value.trim();
    const address = url.value.trim();
    if (pasted && address) throw new FormProblem("Give either the pasted text or an address, not both.");
    if (address) return { url: address };
    if (!pasted) throw new FormProblem("Paste the article's text, or give its address.");
    if (!title.value.trim()) throw new FormProblem("Give the article's title.");
    return { title: title.value.trim(), text: pasted, ...(outlet.value.trim() ? { outlet: outlet.value.trim() } : {}), ...(published.value ? { published: published.value } : {}) };
  };

  const { form } = editForm({
    id: "add-article-form",
    reason: false,
    fields: [
      h("fieldset", {}, h("legend", {}, "Pasted text"), stackedField("Title", title), h("div", { class: "row" }, stackedField("Outlet (optional)", outlet), stackedField("Published (optional)", published)), stackedField("Text", text)),
      h("fieldset", {}, h("legend", {}, "…or an address"), stackedField("Page or feed", url)),
    ],
    submitLabel: "Add article",
    async submit() {
      const answer = await api.postArticle(post());
      for (const input of [title, outlet, published, text, url]) input.value = "";
      app.expectChange();
      return outcome(answer);
    },
  });
  render(root, h("details", { class: "curate-section", attrs: { id: "add-article" } }, h("summary", {}, "Add an article"), form));
};
