/**
 * Article routes: the list, one article with its numbered sentences (so the
 * reader can highlight an evidence sentence by index), and live ingest of a new
 * article. Ingests run one at a time; each one extracts only the new article
 * (off the event loop) and commits it to the corpus store: the 201 means it is
 * durable. The graph takes it in right after (graph, articles and query engine
 * swap at once), and the graph file follows in the background; `?wait=graph`
 * answers only once the graph has it, with what it added and strengthened. A bad article is a 400 naming the problem and
 * changes nothing; a repeat of one already ingested (same id, text or address) is a 409.
 * `{"url"}` alone fetches the address instead (src/ingest/fetch): a page is
 * ingested like a posted article; a feed has each new item fetched and
 * ingested, and the answer lists what became of every item.
 */
import { z } from "zod";
import type { Article } from "../../types.ts";
import { diffGraphs, ingestUrl } from "../../pipeline/index.ts";
import type { ParleyGraph } from "../../graph/persist.ts";
import type { ServerState } from "../state.ts";
import type { SerialQueue } from "../serial-queue.ts";
import { validate } from "../validate.ts";
import { HttpError, NotFoundError } from "../http-errors.ts";
import { sendJson } from "../send-json.ts";
import type { RouteGroup } from "./route-middleware.ts";

const UrlBody = z.object({ url: z.string() }).strict();
const IngestQuery = z.object({ wait: z.enum(["graph"]).optional() });

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

    // Not compressed: the answer is small, and gzip would hold it back behind the graph rebuild that follows the commit.
    router.post("/api/articles", ...mw.write, mw.jsonBody, async (req, res) => {
      if (!req.is("application/json")) throw new HttpError(415, "unsupported_media_type", "send the article as application/json");
      const { wait } = validate(IngestQuery, req.query, "query");
      const graphCounts = () => ({ nodes: state.graph.order, edges: state.graph.size, articles: state.articles.length });
      // One commit at a time; the 201 follows the commit, and the graph takes the article in right after.
      const commit = (input: unknown) => ingestQueue.run(() => state.live.commit(input));
      /** The answer for one committed article: at once, or with what it changed once the graph has it (?wait=graph). */
      const answer = async (committed: { article: Article; seq: number }, before: ParleyGraph) => {
        if (wait !== "graph") return { article: summary(committed.article), seq: committed.seq, integrated: false, graph: graphCounts() };
        const after = await state.live.integrated(committed.seq);
        return { article: summary(committed.article), seq: committed.seq, integrated: true, ...diffGraphs(before, after), graph: graphCounts() };
      };
      const byUrl = UrlBody.safeParse(req.body);
      const before = state.graph;
      if (!byUrl.success) return sendJson(res, await answer(await commit(req.body), before), 201);
      const committed: Array<{ article: Article; seq: number }> = [];
      const fetched = await ingestUrl(state.live, byUrl.data.url, state.fetchOptions, async (input) => {
        const one = await commit(input);
        committed.push(one);
        return one;
      });
      if (fetched.kind === "not-modified") return sendJson(res, { status: "not-modified", graph: graphCounts() }, 200);
      if (fetched.kind === "page") return sendJson(res, await answer(committed[0]!, before), 201);
      if (wait === "graph" && committed.length) await state.live.integrated(committed.at(-1)!.seq);
      const items = fetched.outcomes;
      const ingested = items.filter((i) => i.status === "ingested").length;
      sendJson(res, { feed: { url: byUrl.data.url, title: fetched.title }, items, ingested, graph: graphCounts() }, ingested ? 201 : 200);
    });
  };
}
