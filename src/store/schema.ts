/**
 * The corpus store's tables (SQLite). `user_version` says which layout a file
 * has, so a later Parley can migrate it; a file from a newer Parley is refused
 * rather than half-understood.
 *
 * - articles: every article of the corpus as ingest parsed it, with the stat
 *   stamp of its file (size, mtime, inode: an unchanged stamp is not read
 *   again), the hash of what it was read from (to notice a changed file
 *   without parsing it) and of
 *   the parsed article (what extraction reads, the extraction cache's key).
 * - extractions: one article's mentions and relations, keyed by (content hash,
 *   extractor version): a new model, lexicon or extractor re-extracts, an
 *   unchanged article never does.
 * - journal: every change to the set of articles, in order. The graph snapshot
 *   records the last sequence number it includes; start-up replays the rest.
 * - layouts: ForceAtlas2 positions by a hash of the structure they were computed
 *   for (node keys and edges in order): the layout is a pure function of it, so
 *   a build whose structure did not change takes the positions instead of
 *   spending seconds recomputing the same numbers.
 * - edits: the curation log (src/curate): every correction an analyst made, in
 *   order, with author, time, reason and the state it was made against. Unlike
 *   the rest of the store it cannot be rebuilt from the articles folder
 *   (`parley edit export` keeps a copy).
 * - meta: small facts (the snapshot's sequence number, the last build's version parts).
 */
export const SCHEMA_VERSION = 3;

const EDITS_TABLE = `
CREATE TABLE IF NOT EXISTS edits (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  author  TEXT NOT NULL,
  reason  TEXT NOT NULL,
  op      TEXT NOT NULL,
  params  TEXT NOT NULL,
  against TEXT NOT NULL
) STRICT;`;

/** From one layout to the next, in order: `MIGRATIONS[v - 1]` takes a store of layout v - 1 to v (v >= 2). */
export const MIGRATIONS: readonly string[] = [
  // 2: the stat stamp of the file an article was read from (see articles.file_stamp).
  "ALTER TABLE articles ADD COLUMN file_stamp TEXT",
  // 3: the curation log.
  EDITS_TABLE,
];

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS articles (
  id           TEXT PRIMARY KEY,
  file         TEXT NOT NULL UNIQUE,
  source_hash  TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text_hash    TEXT NOT NULL,
  url_key      TEXT,
  file_stamp   TEXT,
  article      TEXT NOT NULL,
  added_at     TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS articles_by_url ON articles (url_key) WHERE url_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_by_content ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_by_text ON articles (text_hash);

CREATE TABLE IF NOT EXISTS extractions (
  content_hash TEXT NOT NULL,
  version      TEXT NOT NULL,
  extraction   TEXT NOT NULL,
  PRIMARY KEY (content_hash, version)
) STRICT;

CREATE TABLE IF NOT EXISTS layouts (
  structure TEXT PRIMARY KEY,
  positions BLOB NOT NULL,
  used_at   TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS journal (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  op           TEXT NOT NULL CHECK (op IN ('add', 'update', 'remove')),
  article_id   TEXT NOT NULL,
  content_hash TEXT
) STRICT;
${EDITS_TABLE}
`;
