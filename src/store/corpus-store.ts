/**
 * The corpus store: one SQLite file (WAL, synchronous=FULL, so a commit that
 * returned survives a crash of the process or the machine) holding the
 * articles, their extractions and the ingest journal (./schema.ts).
 *
 * Every change to the corpus is one transaction — article rows, their
 * extractions and the journal entries together — so a kill at any moment leaves
 * either all of a change or none of it. The articles folder stays the place
 * users drop files into; the store is what makes a build or an ingest reuse
 * what was already read (src/pipeline).
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Article } from "../types.ts";
import type { ArticleExtraction } from "../extract/index.ts";
import { MIGRATIONS, SCHEMA, SCHEMA_VERSION } from "./schema.ts";
import { textHashOf } from "./hashes.ts";
import type { Edit } from "../curate/index.ts";

/** An extraction without its article, as stored: the article lives in its own row. */
export type StoredExtraction = Omit<ArticleExtraction, "article">;

export interface StoredArticleRow {
  id: string;
  file: string;
  sourceHash: string;
  contentHash: string;
  urlKey: string | null;
  fileStamp: string | null;
}

export interface ArticlePut {
  article: Article;
  sourceHash: string;
  contentHash: string;
  urlKey?: string | null;
  /** Stat stamp of the file read (see schema.ts), when it came from the articles folder. */
  fileStamp?: string | null;
  /** The article's extraction under `version`, stored in the same transaction. */
  extraction?: StoredExtraction;
}

export interface CorpusChange {
  put?: ArticlePut[];
  remove?: string[];
  /** Extractions of articles already stored (a re-extraction after a model change). */
  extractions?: Array<{ contentHash: string; extraction: StoredExtraction }>;
}

export class StoreError extends Error {
  override name = "StoreError";
  expose = true;
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`corpus store ${file}: ${message}`);
  }
}

const CORRUPT_CODES = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CANTOPEN"]);

export class CorpusStore {
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    readonly file: string,
    private readonly db: Database.Database,
  ) {}

  /** Prepared once per store: a build asks for each of thousands of articles by id. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** Opens (creating if needed) the store at `file`. A damaged or foreign file is a StoreError saying what to do. */
  static open(file: string): CorpusStore {
    mkdirSync(dirname(file), { recursive: true });
    let db: Database.Database | undefined;
    try {
      db = new Database(file);
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = FULL");
      // Another process (a CLI build beside a running server) may hold the write lock for a moment.
      db.pragma("busy_timeout = 5000");
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new StoreError(file, `was written by a newer Parley (layout ${version}; this one reads up to ${SCHEMA_VERSION})`);
      const open = db;
      if (version > 0) {
        open.transaction(() => {
          for (let v = version + 1; v <= SCHEMA_VERSION; v++) open.exec(MIGRATIONS[v - 2]!);
        })();
      }
      open.exec(SCHEMA);
      if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return new CorpusStore(file, db);
    } catch (err) {
      db?.close();
      if (err instanceof StoreError) throw err;
      const code = (err as { code?: string }).code ?? "";
      if (CORRUPT_CODES.has(code)) {
        throw new StoreError(file, `cannot be read (${code}: ${(err as Error).message}). The articles folder holds every article: move the file aside and run \`parley build\` to recreate it`);
      }
      throw err;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  articleRows(): StoredArticleRow[] {
    return this.sql("SELECT id, file, source_hash AS sourceHash, content_hash AS contentHash, url_key AS urlKey, file_stamp AS fileStamp FROM articles ORDER BY file").all() as StoredArticleRow[];
  }

  article(id: string): Article | null {
    const row = this.sql("SELECT article FROM articles WHERE id = ?").get(id) as { article: string } | undefined;
    return row ? (JSON.parse(row.article) as Article) : null;
  }

  /** Every article, in file order (the order builds read them in). */
  articles(): Article[] {
    return (this.sql("SELECT article FROM articles ORDER BY file").pluck().all() as string[]).map((json) => JSON.parse(json) as Article);
  }

  /** The stored article that `candidate` repeats, and how: same id, same cleaned text or same address. */
  findDuplicate(candidate: { id: string; text: string; urlKey?: string | null }): { id: string; by: "id" | "text" | "url" } | null {
    const byId = this.sql("SELECT id FROM articles WHERE id = ?").pluck().get(candidate.id) as string | undefined;
    if (byId) return { id: byId, by: "id" };
    const byText = this.sql("SELECT id FROM articles WHERE text_hash = ? LIMIT 1").pluck().get(textHashOf(candidate.text)) as string | undefined;
    if (byText) return { id: byText, by: "text" };
    const byUrl = candidate.urlKey ? this.findByUrl(candidate.urlKey) : null;
    return byUrl ? { id: byUrl, by: "url" } : null;
  }

  /** The stored article with this normalized address, if any. */
  findByUrl(urlKey: string): string | null {
    return (this.sql("SELECT id FROM articles WHERE url_key = ? LIMIT 1").pluck().get(urlKey) as string | undefined) ?? null;
  }

  /** Every stored extraction under `version`, by content hash. */
  extractions(version: string): Map<string, StoredExtraction> {
    const rows = this.sql("SELECT content_hash AS hash, extraction FROM extractions WHERE version = ?").all(version) as Array<{ hash: string; extraction: string }>;
    return new Map(rows.map((row) => [row.hash, JSON.parse(row.extraction) as StoredExtraction]));
  }

  /** Applies one change atomically and returns the journal's last sequence number after it. */
  commit(change: CorpusChange, version: string): number {
    const now = new Date().toISOString();
    const existing = this.sql("SELECT content_hash FROM articles WHERE id = ?").pluck();
    const upsert = this.sql(
      `INSERT INTO articles (id, file, source_hash, content_hash, text_hash, url_key, file_stamp, article, added_at) VALUES (@id, @file, @sourceHash, @contentHash, @textHash, @urlKey, @fileStamp, @article, @at)
       ON CONFLICT (id) DO UPDATE SET file = excluded.file, source_hash = excluded.source_hash, content_hash = excluded.content_hash, text_hash = excluded.text_hash, url_key = excluded.url_key, file_stamp = excluded.file_stamp, article = excluded.article`,
    );
    const putExtraction = this.sql("INSERT OR REPLACE INTO extractions (content_hash, version, extraction) VALUES (?, ?, ?)");
    const remove = this.sql("DELETE FROM articles WHERE id = ?");
    const journal = this.sql("INSERT INTO journal (at, op, article_id, content_hash) VALUES (?, ?, ?, ?)");
    this.db.transaction(() => {
      for (const id of change.remove ?? []) {
        if (remove.run(id).changes) journal.run(now, "remove", id, null);
      }
      for (const p of change.put ?? []) {
        const before = existing.get(p.article.id) as string | undefined;
        upsert.run({ id: p.article.id, file: p.article.file, sourceHash: p.sourceHash, contentHash: p.contentHash, textHash: textHashOf(p.article.text), urlKey: p.urlKey ?? null, fileStamp: p.fileStamp ?? null, article: JSON.stringify(p.article), at: now });
        if (p.extraction) putExtraction.run(p.contentHash, version, JSON.stringify(p.extraction));
        // A file touched but not changed in substance is not a change of the corpus (its new stamp is still kept).
        if (before !== p.contentHash) journal.run(now, before === undefined ? "add" : "update", p.article.id, p.contentHash);
      }
      for (const e of change.extractions ?? []) putExtraction.run(e.contentHash, version, JSON.stringify(e.extraction));
    })();
    return this.journalSeq();
  }

  /** Drops extractions no stored article uses under `version` (older versions, removed articles). */
  pruneExtractions(version: string): number {
    return this.sql("DELETE FROM extractions WHERE version != ? OR content_hash NOT IN (SELECT content_hash FROM articles)").run(version).changes;
  }

  journalSeq(): number {
    return (this.sql("SELECT COALESCE(MAX(seq), 0) FROM journal").pluck().get() as number) ?? 0;
  }

  journalSince(seq: number): Array<{ seq: number; op: string; articleId: string }> {
    return this.sql("SELECT seq, op, article_id AS articleId FROM journal WHERE seq > ? ORDER BY seq").all(seq) as Array<{ seq: number; op: string; articleId: string }>;
  }

  getMeta(key: string): string | null {
    return (this.sql("SELECT value FROM meta WHERE key = ?").pluck().get(key) as string | undefined) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /** The journal sequence number the snapshot at `graphFile` includes (0 if none was recorded). */
  snapshotSeq(graphFile: string): number {
    return Number(this.getMeta(`snapshot:${graphFile}`) ?? 0);
  }

  setSnapshotSeq(graphFile: string, seq: number): void {
    this.setMeta(`snapshot:${graphFile}`, String(seq));
  }

  /** The newest edit the snapshot at `graphFile` includes (0 if none was recorded). */
  snapshotEditId(graphFile: string): number {
    return Number(this.getMeta(`snapshot-edits:${graphFile}`) ?? 0);
  }

  setSnapshotEditId(graphFile: string, id: number): void {
    this.setMeta(`snapshot-edits:${graphFile}`, String(id));
  }

  /** Positions stored for a structure hash (see schema.ts), or null. */
  layout(structure: string): Float64Array | null {
    const blob = this.sql("SELECT positions FROM layouts WHERE structure = ?").pluck().get(structure) as Buffer | undefined;
    if (!blob) return null;
    // Copied out: the Buffer may be a view into a pooled allocation, not aligned for Float64Array.
    const out = new Float64Array(blob.byteLength / 8);
    new Uint8Array(out.buffer).set(blob);
    return out;
  }

  /** Keeps the positions of a structure; only the most recent few are kept (a corpus has one current layout). */
  saveLayout(structure: string, positions: Float64Array): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.sql("INSERT OR REPLACE INTO layouts (structure, positions, used_at) VALUES (?, ?, ?)").run(structure, Buffer.from(positions.buffer, positions.byteOffset, positions.byteLength), now);
      this.sql("DELETE FROM layouts WHERE structure NOT IN (SELECT structure FROM layouts ORDER BY used_at DESC, structure LIMIT 4)").run();
    })();
  }

  /** The curation log, oldest first. */
  edits(): Edit[] {
    const rows = this.sql("SELECT id, at, author, reason, params, against FROM edits ORDER BY id").all() as Array<{ id: number; at: string; author: string; reason: string; params: string; against: string }>;
    return rows.map((r) => ({ id: r.id, at: r.at, author: r.author, reason: r.reason, params: JSON.parse(r.params), against: JSON.parse(r.against) }));
  }

  /** Appends an edit (durable when this returns) and gives it its id. */
  addEdit(edit: Omit<Edit, "id">): Edit {
    const id = Number(
      this.sql("INSERT INTO edits (at, author, reason, op, params, against) VALUES (?, ?, ?, ?, ?, ?)").run(edit.at, edit.author, edit.reason, edit.params.op, JSON.stringify(edit.params), JSON.stringify(edit.against)).lastInsertRowid,
    );
    return { id, ...edit };
  }

  /** Appends several edits in one transaction (all or none), in order, and gives them their ids. */
  addEdits(edits: ReadonlyArray<Omit<Edit, "id">>): Edit[] {
    return this.db.transaction(() => edits.map((e) => this.addEdit(e)))();
  }

  /** Id of the newest edit (0 when none): another process's edit shows as a change of it. */
  lastEditId(): number {
    return (this.sql("SELECT COALESCE(MAX(id), 0) FROM edits").pluck().get() as number) ?? 0;
  }

  /** SQLite's own consistency check: "ok" or the problems it found. */
  quickCheck(): string {
    return (this.db.pragma("quick_check", { simple: true }) as string) ?? "ok";
  }
}
