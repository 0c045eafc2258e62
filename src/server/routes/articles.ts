/**
 * Article routes: the list, one article with its numbered sentences (so the
 * reader can highlight an evidence sentence by index), and live ingest of a new
 * article. Ingests run one at a time; each one extracts only the new article
 * (off the event loop), commits it to the corpus store — the 201 means it is
 * durable — and swaps graph, articles and query engine at once; the graph file
 * follows in the background. A bad article is a 400 naming the problem and
 * changes nothing; a repeat of one already ingested (same id, text or address) is a 409.
 * `{"url"}` alone fetches the address instead (src/ingest/fetch): a page is
 * ingested like a posted article; a feed has each new item fetched and
 * ingested, and the answer lists what became of every item.
 */
import { z } from "zod";
import type { Article } from "../../types.ts";
import { DuplicateArticleError, ingestUrl, type AddArticleResult, type ItemOutcome } from "../../pipeline/index.ts";
import { swapGraph, type ServerState } from "../state.ts";
import type { SerialQueue } from "../serial-queue.ts";
import { validate } from "../validate.ts";
import { HttpError, NotFoundError } from "../http-errors.ts";
import { sendJson } from "../send-json.ts";
import type { RouteGroup } from "./route-middleware.ts";

const UrlBody = z.object({ url: z.string() }).strict();

const ArticleParams = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, "not an article id") });

const summary = (a: Article) => ({
  id: a.id,
  title: a.title,
  outlet: a.outlet,
  published: a.published,
  url: a.url,
  credits: a.credits,
  sentences: a.sentences.length,
});

export function articleRoutes(state: ServerState, ingestQueue: SerialQueue): RouteGroup {
  return (router, mw) => {
    router.get("/api/articles", mw.compressed, (_req, res) => {
      sendJson(res, { articles: state.articles.map(summary) });
    });

    router.get("/api/articles/:id", mw.compressed, (req, res) => {
      const { id } = validate(ArticleParams, req.params, "params");
      const article = state.articles.find((a) => a.id === id);
      if (!article) throw new NotFoundError(`no article has id "${id}"`);
      sendJson(res, { ...summary(article), sentences: article.sentences.map((s) => ({ index: s.index, text: s.text })) });
    });

    router.post("/api/articles", mw.compressed, mw.jsonBody, async (req, res) => {
      if (!req.is("application/json")) throw new HttpError(415, "unsupported_media_type", "send the article as application/json");
      const graphCounts = () => ({ nodes: state.graph.order, edges: state.graph.size, articles: state.articles.length });
      // One ingest at a time; graph, articles and engine swap together after each.
      const add = (input: unknown) =>
        ingestQueue.run(async () => {
          const added = await state.live.add(input);
          swapGraph(state, added.graph, added.articles);
          return added;
        });
      try {
        const byUrl = UrlBody.safeParse(req.body);
        if (!byUrl.success) {
          const result = await add(req.body);
          return sendJson(res, { article: summary(result.article), added: result.added, strengthened: result.strengthened, graph: graphCounts() }, 201);
        }
        const fetched = await ingestUrl(state.live, byUrl.data.url, state.fetchOptions, add);
        if (fetched.kind === "not-modified") return sendJson(res, { status: "not-modified", graph: graphCounts() }, 200);
        if (fetched.kind === "page") {
          const result = fetched.outcome.result!;
          return sendJson(res, { article: summary(result.article), added: result.added, strengthened: result.strengthened, graph: graphCounts() }, 201);
        }
        const items = fetched.outcomes.map(({ result: _r, ...item }: ItemOutcome) => item);
        const ingested = items.filter((i) => i.status === "ingested").length;
        sendJson(res, { feed: { url: byUrl.data.url, title: fetched.title }, items, ingested, graph: graphCounts() }, ingested ? 201 : 200);
      } catch (err) {
        if (err instanceof DuplicateArticleError) throw new HttpError(409, "duplicate_article", err.message, { existing: err.existing, by: err.by });
        throw err;
      }
    });
  };
}
