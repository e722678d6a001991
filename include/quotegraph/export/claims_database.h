// ClaimsDatabase: the claims of a corpus as an SQLite database, for the
// questions a file of claims cannot answer without a script ("who accused
// X in March?"). Tables: documents (with their metadata), claims, mentions
// (the speaker and target mentions claims cite), entities, aliases and
// targets, with foreign keys (checked at commit) and indexes on what
// queries join and filter on; a view `claim_view` joins a claim to its
// document and speaker. Everything is written in one transaction, committed
// by finish(); a database never finished holds nothing.
//
//   documents(id, name, date, day, source, url, title, length)
//   entities(id, name, type, role, state, claims_said, claims_targeted, first_date, last_date)
//   aliases(entity_id -> entities, alias, count)
//   mentions(id, document_id -> documents, entity_id -> entities, start, end, text)
//   claims(id, document_id -> documents, position, start, end, text, kind, cue, relation,
//          speaker_id -> entities, speaker_name, speaker_mention_id -> mentions)
//   targets(claim_id -> claims, position, entity_id -> entities, name, mention_id -> mentions)
//
// Offsets count code points of the document's text, as in the claims JSONL.
// An entity the registry could not resolve has a NULL id and its name in
// speaker_name / targets.name. SQLite stays inside the .cpp file.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/status.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph {

class ClaimsDatabase {
 public:
  // Creates the tables in a new database file at `path` and begins the
  // transaction. A file already at `path` is an error (write to a fresh
  // temporary name and rename it when finished). An error Status (kIoError,
  // file `path`, the message starting with `path`: "out.db: already
  // exists") when SQLite cannot create or open it.
  static Result<ClaimsDatabase> create(const std::string& path);

  ClaimsDatabase(ClaimsDatabase&&) noexcept;
  ClaimsDatabase& operator=(ClaimsDatabase&&) noexcept;
  // Closes the database; an unfinished transaction is rolled back.
  ~ClaimsDatabase();

  // Adds one document (`length` its text's length in code points) and its
  // claims, whose entity ids are resolved. Returns an error Status
  // (kIoError) with SQLite's message when an insert fails.
  Status add_document(std::string_view name, const DocumentMeta& meta, std::size_t length,
                      const std::vector<Claim>& claims);

  // Adds every entity of `registry` and its aliases and commits. Returns an
  // error Status (kIoError; a broken foreign key names the table) when the
  // commit fails; the database is then empty.
  Status finish(const EntityRegistry& registry);

 private:
  ClaimsDatabase();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quotegraph
