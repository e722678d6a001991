// ClaimsDatabase over the SQLite C API: prepared statements reused for every
// row, one transaction for the whole corpus (foreign keys deferred to the
// commit, since entities are only final at the end), the rollback journal
// in memory and no fsync (the file is a fresh temporary one: an interrupted
// run leaves a file the caller never renames, not a half database).
#include "quotegraph/export/claims_database.h"

#include <sqlite3.h>

#include <filesystem>

namespace quotegraph {

namespace {

const char kSchema[] = R"SQL(
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = MEMORY;
PRAGMA synchronous = OFF;
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  date TEXT, day TEXT, source TEXT, url TEXT, title TEXT,
  length INTEGER NOT NULL);
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  role TEXT, state TEXT,
  claims_said INTEGER NOT NULL, claims_targeted INTEGER NOT NULL,
  first_date TEXT, last_date TEXT);
CREATE TABLE aliases (
  entity_id TEXT NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  alias TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (entity_id, alias));
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
  entity_id TEXT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  kind TEXT NOT NULL, cue TEXT, relation TEXT NOT NULL,
  speaker_id TEXT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  speaker_name TEXT,
  speaker_mention_id INTEGER REFERENCES mentions(id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE targets (
  claim_id INTEGER NOT NULL REFERENCES claims(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  entity_id TEXT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT,
  mention_id INTEGER REFERENCES mentions(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (claim_id, position));
CREATE VIEW claim_view AS
  SELECT c.id, d.name AS document, d.date, d.day, d.source, c.start, c.end, c.text, c.kind,
         c.cue, c.relation, c.speaker_id, COALESCE(e.name, c.speaker_name) AS speaker
  FROM claims c JOIN documents d ON d.id = c.document_id
  LEFT JOIN entities e ON e.id = c.speaker_id;
-- Made before the rows, not after: while some foreign key waits for its
-- entity (entities come last), every insert into a parent table makes
-- SQLite look for the child rows that name the new key, through these.
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_relation ON claims(relation);
CREATE INDEX targets_entity ON targets(entity_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX claims_speaker_mention ON claims(speaker_mention_id);
CREATE INDEX targets_mention ON targets(mention_id);
CREATE INDEX documents_day ON documents(day);
CREATE INDEX documents_name ON documents(name);
CREATE INDEX aliases_alias ON aliases(alias);
CREATE INDEX entities_name ON entities(name);
BEGIN;
)SQL";


// A prepared statement, finalised on destruction.
struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() {
    if (stmt != nullptr) sqlite3_finalize(stmt);
  }
};

}  // namespace

struct ClaimsDatabase::Impl {
  std::string path;  // as given to create(), for the errors
  sqlite3* db = nullptr;
  bool committed = false;
  Statement document, entity, alias, mention, claim, target;

  ~Impl() {
    // Statements are finalised before the connection closes.
    for (Statement* s : {&document, &entity, &alias, &mention, &claim, &target}) {
      if (s->stmt != nullptr) sqlite3_finalize(s->stmt);
      s->stmt = nullptr;
    }
    if (db != nullptr) {
      if (!committed) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close(db);
    }
  }

  // An error of the database at `path`: `what` failed, and SQLite's reason.
  Status fail(const char* what) {
    return Status::error(DiagCode::kIoError, path, 0, std::string(what) + ": " + sqlite3_errmsg(db));
  }

  Status prepare(Statement& s, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s.stmt, nullptr) != SQLITE_OK) return fail("cannot prepare");
    return Status();
  }

  // Binds text, or NULL for an empty string when `null_if_empty`.
  void text(Statement& s, int i, std::string_view v, bool null_if_empty = true) {
    if (v.empty() && null_if_empty) sqlite3_bind_null(s.stmt, i);
    else sqlite3_bind_text(s.stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }

  Status step(Statement& s, const char* what) {
    const int rc = sqlite3_step(s.stmt);
    sqlite3_reset(s.stmt);
    sqlite3_clear_bindings(s.stmt);
    if (rc != SQLITE_DONE) return fail(what);
    return Status();
  }

  // Inserts a mention; returns its row id, or 0 when there is none to insert.
  Result<sqlite3_int64> add_mention(sqlite3_int64 document_id, const EntityRef& ref) {
    if (ref.mention.end <= ref.mention.begin && ref.mention.text.empty()) return sqlite3_int64{0};
    sqlite3_bind_int64(mention.stmt, 1, document_id);
    text(mention, 2, ref.id);
    sqlite3_bind_int64(mention.stmt, 3, ref.mention.begin);
    sqlite3_bind_int64(mention.stmt, 4, ref.mention.end);
    text(mention, 5, ref.mention.text, false);
    if (Status inserted = step(mention, "cannot insert a mention"); !inserted) return inserted;
    return sqlite3_last_insert_rowid(db);
  }

  // Inserts claim number `position` of document `document_id`, its speaker
  // mention, its targets and their mentions.
  Status add_claim(sqlite3_int64 document_id, std::size_t position, const Claim& c) {
    Result<sqlite3_int64> speaker_mention = sqlite3_int64{0};
    if (c.speaker) speaker_mention = add_mention(document_id, *c.speaker);
    if (!speaker_mention) return speaker_mention.status();
    sqlite3_bind_int64(claim.stmt, 1, document_id);
    sqlite3_bind_int64(claim.stmt, 2, static_cast<sqlite3_int64>(position));
    sqlite3_bind_int64(claim.stmt, 3, c.begin);
    sqlite3_bind_int64(claim.stmt, 4, c.end);
    text(claim, 5, c.text, false);
    text(claim, 6, claim_kind_name(c.kind));
    text(claim, 7, c.cue);
    text(claim, 8, relation_name(c.relation));
    text(claim, 9, c.speaker ? std::string_view(c.speaker->id) : std::string_view());
    text(claim, 10, c.speaker && c.speaker->id.empty() ? std::string_view(c.speaker->name) : std::string_view());
    if (*speaker_mention != 0) sqlite3_bind_int64(claim.stmt, 11, *speaker_mention);
    if (Status inserted = step(claim, "cannot insert a claim"); !inserted) return inserted;
    const sqlite3_int64 claim_id = sqlite3_last_insert_rowid(db);
    for (std::size_t t = 0; t < c.targets.size(); ++t) {
      const EntityRef& ref = c.targets[t];
      const Result<sqlite3_int64> target_mention = add_mention(document_id, ref);
      if (!target_mention) return target_mention.status();
      sqlite3_bind_int64(target.stmt, 1, claim_id);
      sqlite3_bind_int64(target.stmt, 2, static_cast<sqlite3_int64>(t));
      text(target, 3, ref.id);
      text(target, 4, ref.id.empty() ? std::string_view(ref.name) : std::string_view());
      if (*target_mention != 0) sqlite3_bind_int64(target.stmt, 5, *target_mention);
      if (Status inserted = step(target, "cannot insert a target"); !inserted) return inserted;
    }
    return Status();
  }
};

ClaimsDatabase::ClaimsDatabase() : impl_(std::make_unique<Impl>()) {}
ClaimsDatabase::ClaimsDatabase(ClaimsDatabase&&) noexcept = default;
ClaimsDatabase& ClaimsDatabase::operator=(ClaimsDatabase&&) noexcept = default;
ClaimsDatabase::~ClaimsDatabase() = default;

Result<ClaimsDatabase> ClaimsDatabase::create(const std::string& path) {
  auto failure = [&](const std::string& why) {
    return Status::error(DiagCode::kIoError, path, 0, path + ": " + why);
  };
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return failure("already exists");
  ClaimsDatabase d;
  Impl& m = *d.impl_;
  m.path = path;
  if (sqlite3_open_v2(path.c_str(), &m.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    return failure(m.db != nullptr ? sqlite3_errmsg(m.db) : "cannot open");
  char* message = nullptr;
  if (sqlite3_exec(m.db, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
    Status failed = failure(message != nullptr ? message : "cannot create the tables");
    sqlite3_free(message);
    return failed;
  }
  const std::pair<Statement*, const char*> statements[] = {
      {&m.document, "INSERT INTO documents(name, date, day, source, url, title, length) VALUES (?,?,?,?,?,?,?)"},
      {&m.entity, "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)"},
      {&m.alias, "INSERT OR IGNORE INTO aliases VALUES (?,?,?)"},
      {&m.mention, "INSERT INTO mentions(document_id, entity_id, start, end, text) VALUES (?,?,?,?,?)"},
      {&m.claim, "INSERT INTO claims(document_id, position, start, end, text, kind, cue, relation, speaker_id, speaker_name, speaker_mention_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"},
      {&m.target, "INSERT INTO targets VALUES (?,?,?,?,?)"},
  };
  for (const auto& [statement, sql] : statements) {
    if (Status prepared = m.prepare(*statement, sql); !prepared) return prepared;
  }
  return Result<ClaimsDatabase>(std::move(d));
}

Status ClaimsDatabase::add_document(std::string_view name, const DocumentMeta& meta, std::size_t length,
                                    const std::vector<Claim>& claims) {
  Impl& m = *impl_;
  m.text(m.document, 1, name, false);
  m.text(m.document, 2, meta.date);
  m.text(m.document, 3, meta.day());
  m.text(m.document, 4, meta.source);
  m.text(m.document, 5, meta.url);
  m.text(m.document, 6, meta.title);
  sqlite3_bind_int64(m.document.stmt, 7, static_cast<sqlite3_int64>(length));
  if (Status inserted = m.step(m.document, "cannot insert a document"); !inserted) return inserted;
  const sqlite3_int64 document = sqlite3_last_insert_rowid(m.db);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (Status inserted = m.add_claim(document, i, claims[i]); !inserted) return inserted;
  }
  return Status();
}

Status ClaimsDatabase::finish(const EntityRegistry& registry) {
  Impl& m = *impl_;
  for (const Entity* e : registry.entities()) {
    m.text(m.entity, 1, e->id, false);
    m.text(m.entity, 2, e->name, false);
    m.text(m.entity, 3, entity_type_name(e->type), false);
    m.text(m.entity, 4, e->role);
    m.text(m.entity, 5, e->state);
    sqlite3_bind_int(m.entity.stmt, 6, e->claims_said);
    sqlite3_bind_int(m.entity.stmt, 7, e->claims_targeted);
    m.text(m.entity, 8, e->first_date);
    m.text(m.entity, 9, e->last_date);
    if (Status inserted = m.step(m.entity, "cannot insert an entity"); !inserted) return inserted;
    for (const auto& [alias, count] : e->aliases) {
      m.text(m.alias, 1, e->id, false);
      m.text(m.alias, 2, alias, false);
      sqlite3_bind_int(m.alias.stmt, 3, count);
      if (Status inserted = m.step(m.alias, "cannot insert an alias"); !inserted) return inserted;
    }
  }
  char* message = nullptr;
  if (sqlite3_exec(m.db, "COMMIT", nullptr, nullptr, &message) != SQLITE_OK) {
    Status failed = Status::error(DiagCode::kIoError, m.path, 0,
                                  std::string("cannot commit: ") + (message != nullptr ? message : sqlite3_errmsg(m.db)));
    sqlite3_free(message);
    return failed;
  }
  m.committed = true;
  return Status();
}

}  // namespace quotegraph
