// Targets that a claim's content judges or addresses, found after the
// attribution pass over every reported claim: the entities named as the
// subject of one of its clauses (« la CENI a fabriqué ses propres
// chiffres »), as the complement of a noun of deed (la décision du Conseil
// constitutionnel, les propos de M. Durand), as a vocative (« Monsieur le
// Président, … ») or as a resolved pronoun after pour or contre (« j'ai de
// l'affection pour lui »), and the topic a reporting sentence fronts
// (Quant à X, …). Each source is French grammar; what counts as a judgement
// is data (data/judgements.tsv). The speaker and the speaker's own side are
// removed later, by the entity stage, as for every other target.
#include "attribution_run.h"

namespace quotegraph::detail {

namespace {

// Distinct states a document names from which it reads as a story
// between states, where a state named in argument position is a party.
constexpr std::size_t kPartiesOfInternationalStory = 3;

// Words that open a clause inside a content: after them the next noun
// phrase may be that clause's subject.
// Punctuation ends a clause; the words are words.tsv's class clauseopener.
bool opens_clause(const WordClasses& words, const std::string& w) {
  return w == "." || w == "!" || w == "?" || w == ";" || w == ":" || w == "," || w == "…" ||
         words.has(w, W::kClauseOpener);
}

// Possessives of the first person: "notre parti", "mon gouvernement" are
// the speaker's own side, never a target.
bool first_person_possessive(const WordClasses& words, const std::string& w) {
  return words.has(w, W::kFirstPossessive);
}

// Verbs of answering: the one answered follows à (répondre à X). Read
// as such even where a lexicon gives them no target slot, and the claim
// then answers (responds_to) when the one answered is named.
bool answers(const WordClasses& words, const CueEntry& e) {
  return words.has(e.lemma, W::kAnswerVerb);
}

}  // namespace

int Run::target_mention(std::uint32_t b, std::uint32_t e) {
  if (e <= b) return kNone;
  if (first_person_possessive(words, tok(b).lower)) return kNone;
  const int m = make_mention(b, e);
  const MentionInfo& mi = out.mentions[m];
  bool ok = false;
  if (mi.pronoun) {
    ok = mi.antecedent != kNone;
  } else if (mi.type == EntityType::kCountry || (!mi.state.empty() && mi.name == mi.state)) {
    ok = true;
  } else if (mi.type == EntityType::kPerson && mi.name.empty() && mi.role.find(" de") != std::string::npos) {
    // An office named in full is one person: le président de la
    // République, la ministre de la Santé (the entity stage finds who).
    ok = true;
  } else if (mi.type == EntityType::kPerson && !mi.name.empty()) {
    // A full name or a titled one; a surname alone only when the document
    // has named that person in full before (« Delfraissy » after
    // « Jean-François Delfraissy »).
    ok = mi.name.find(' ') != std::string::npos || !mi.role.empty() || mi.text != mi.name;
    if (!ok) {
      for (int j = 0; j + 1 < static_cast<int>(out.mentions.size()) && !ok; ++j) {
        const MentionInfo& o = out.mentions[j];
        if (o.type != EntityType::kPerson || o.name.size() <= mi.name.size()) continue;
        const std::string& n = o.name;
        ok = n.compare(n.size() - mi.name.size(), mi.name.size(), mi.name) == 0 &&
             n[n.size() - mi.name.size() - 1] == ' ';
      }
    }
  } else if (mi.type == EntityType::kOrganization && !mi.name.empty()) {
    ok = true;  // le Conseil constitutionnel, la CENI, UBS
  } else if (mi.type == EntityType::kGroup || mi.type == EntityType::kOrganization) {
    ok = !mi.role_head.empty();  // les syndicats, l'opposition, le gouvernement
  }
  if (!ok) {
    if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
    return kNone;
  }
  return m;
}

std::vector<int> Run::judged_targets(std::uint32_t tb, std::uint32_t te, bool judging_cue) {
  std::vector<int> found;
  // Whether the content judges at all: a state, a group or an unnamed
  // institution is a target only then (« le chômage a baissé en France »,
  // « les travailleurs sont en recherche de sens » aim at no one).
  bool judged = false;
  for (std::uint32_t k = tb; k < te && !judged; ++k) judged = has(k, W::kNegative | W::kPositive);
  auto named = [&](int m) {
    const MentionInfo& mi = out.mentions[m];
    if (mi.pronoun || ((mi.type == EntityType::kPerson || mi.type == EntityType::kOrganization) &&
                       !mi.name.empty() && mi.name != mi.state))
      return true;
    // An institution named by its capitalised title: le Conseil
    // constitutionnel, le Ministère public (not at a sentence start).
    if (mi.type != EntityType::kOrganization || mi.role_head.empty()) return false;
    std::uint32_t b = tok_of(mi.begin);
    if (has(b, W::kDet)) ++b;
    return b < doc.tokens.size() && tok(b).capitalized && !tok(b).all_caps &&
           doc.sentences[doc.sentence_at(tok(b).begin)].token_begin != b && !opens_clause(words, tok(b - 1).lower) &&
           tok(b - 1).kind != TokenKind::kQuoteMark;
  };
  auto drop = [&](int m) {
    if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
  };
  // Whether the clause from token `from` to its end judges.
  auto clause_judged = [&](std::uint32_t from) {
    for (std::uint32_t z = from; z < te; ++z) {
      if (tok(z).kind == TokenKind::kPunct && (is(z, ".") || is(z, "!") || is(z, "?") || is(z, ";"))) break;
      if (has(z, W::kNegative | W::kPositive)) return true;
    }
    return false;
  };
  const std::vector<CueHit> cues = find_cues(tb, te);
  auto covered = [&](std::uint32_t k) {
    for (int m : found)
      if (out.mentions[m].begin <= tok(k).begin && tok(k).begin < out.mentions[m].end) return true;
    return false;
  };
  for (std::uint32_t k = tb; k < te && found.size() < 6; ++k) {
    if (covered(k)) continue;
    // 1. The subject of a clause: a noun phrase at the start of the
    // content or after a word that opens a clause, followed by its finite
    // verb (with ne, clitics and adverbs between).
    bool clause_start = k == tb || opens_clause(words, tok(k - 1).lower) || tok(k - 1).kind == TokenKind::kQuoteMark;
    // A capitalised conjunction or adverb opening a sentence is no name:
    // « Si Alassane Ouattara se présente », « Mais la CENI … ».
    const bool function_word =
        !tags_.empty() && (tags_[k].pos & (kPosSubordination | kPosCoordination | kPosAdverb | kPosPreposition));
    if (clause_start && !opens_clause(words, tok(k).lower) &&
        (has(k, W::kDet) || (is_name_word(k) && !function_word) || title_of(k)) && !is_de(k)) {
      Np np = np_forward(k, te, true);
      // An object clitic after the subject belongs to the verb: « Ingrid
      // Halvorsen m'a assuré ».
      while (np.end > np.begin + 1 && has(np.end - 1, W::kObj) && tok(np.end - 1).kind == TokenKind::kClitic)
        --np.end;
      std::uint32_t v = np.end;
      // Coordinated subjects: « la CENI et la Cour constitutionnelle veulent ».
      std::vector<Np> parts{np};
      while (np.valid() && v + 1 < te && is(v, "et") && (has(v + 1, W::kDet) || is_name_word(v + 1)) &&
             parts.size() < 4) {
        Np more = np_forward(v + 1, te, true);
        if (!more.valid()) break;
        parts.push_back(more);
        v = more.end;
      }
      // A parenthesis between subject and verb: « Karl Tremblay, pour moi, était ».
      if (np.valid() && v < te && is_comma(v)) {
        std::uint32_t c = v + 1;
        while (c < te && c < v + 6 && !is_comma(c) && !is_punct(c)) ++c;
        if (c < te && c > v + 1 && is_comma(c) && has(v + 1, W::kPrep)) v = c + 1;
      }
      if (np.valid() && np_has_content(np)) {
        // A quotation mark may open between subject and verb: le parquet
        // « viole la présomption d'innocence ».
        while (v < te && (is(v, "ne") || is(v, "n'") || has(v, W::kObj) || is(v, "y") || is(v, "en") ||
                          tok(v).kind == TokenKind::kQuoteMark))
          ++v;
        v = skip_adverbs(v, te);
        bool verb = v < te && !tags_.empty() && ((tags_[v].pos & kPosFiniteVerb) || has(v, W::kAux));
        // The subject of a report inside the content is its speaker:
        // « la ministre a affirmé que … ».
        std::uint32_t head = v;
        while (head < te && (has(head, W::kAux) || has(head, W::kObj))) ++head;
        head = skip_adverbs(head, te);
        bool speech = false;
        for (const CueHit& h : cues) speech |= h.verb >= np.end && h.verb <= head;
        if (verb && !speech) {
          bool any = false;
          // « Les riverains sont invités à … »: called upon, judged or not.
          const bool summoned = summoned_at(v, te);
          for (const Np& part : parts) {
            int m = target_mention(part.begin, part.end);
            if (m != kNone && !named(m) && !clause_judged(v) && !summoned) drop(m), m = kNone;
            if (m != kNone && named(m) && !judged && !judging_cue && !summoned) drop(m), m = kNone;
            if (m != kNone) found.push_back(m), any = true;
          }
          if (any) {
            k = parts.back().end - 1;
            continue;
          }
        }
      }
    }
    // 2. The complement of a noun of deed: la décision du Conseil
    // constitutionnel, la vision du ministre Vandenbroucke (up to two
    // adjectives between the noun and de).
    if (has(k, W::kBlame | W::kDeed) && !is_name_word(k)) {
      std::uint32_t j = k + 1;
      while (j < te && j < k + 3 && tok(j).kind == TokenKind::kWord && !is_de(j) && is_np_word(j) &&
             !has(j, W::kPrep | W::kDet))
        ++j;
      if (j + 1 < te && is_de(j)) {
        // The mention starts after de, du or des: a name after "du" would
        // read as a complement (le ministre du Conseil …).
        Np np = np_forward(j + 1, te, true);
        // A word that can be a finite verb ends the complement: « la
        // décision du Conseil constitutionnel montre … ».
        while (np.end > np.begin + 1 && !tags_.empty() && (tags_[np.end - 1].readings & kPosFiniteVerb) &&
               !tok(np.end - 1).capitalized)
          --np.end;
        bool named_np = false;
        for (std::uint32_t z = np.begin; z < np.end && !named_np; ++z) named_np = is_name_word(z);
        if (np.valid() && !covered(np.begin) && (named_np || title_of(np.begin) || has(np.begin, W::kDet))) {
          // A neutral deed (le discours de X, la position du parti) aims at
          // its author only when the content judges or the deed opens a
          // clause: « la décision du Conseil montre … ».
          bool deed_subject = false;
          for (std::uint32_t z = k; z-- > tb && z + 3 > k && !deed_subject;) {
            if (!has(z, W::kDet)) continue;
            deed_subject = z == tb || opens_clause(words, tok(z - 1).lower) || tok(z - 1).kind == TokenKind::kQuoteMark;
          }
          int m = target_mention(np.begin, np.end);
          if (m != kNone && !judged && !judging_cue && !deed_subject && !has(k, W::kNegative | W::kPositive))
            drop(m), m = kNone;
          if (m != kNone && !named(m) && !judged) drop(m), m = kNone;
          if (m != kNone) {
            found.push_back(m);
            k = np.end - 1;
            continue;
          }
        }
      }
    }
    // 3. A vocative: « Monsieur le Président, … », « …, Madame la
    // ministre ! ».
    if ((is(k, "monsieur") || is(k, "madame")) && k + 2 < te && (is(k + 1, "le") || is(k + 1, "la"))) {
      std::uint32_t e = k + 2;
      while (e < te && tok(e).kind == TokenKind::kWord && !has(e, W::kPrep | W::kDet) && e < k + 6) ++e;
      bool closed = e >= te || is_punct(e);
      bool role = false;
      for (std::uint32_t z = k + 2; z < e && !role; ++z) role = role_of(z) != nullptr;
      if (closed && role) {
        // The addressee is a person by the title, named or not.
        int m = make_mention(k + 1, e);
        if (out.mentions[m].type == EntityType::kPerson) {
          found.push_back(m);
          k = e - 1;
          continue;
        }
        drop(m);
      }
    }
    // 5. A named person or institution after pour, shortly after a word
    // of blame: « un désaveu pour X », « le déshonneur pour X ».
    if (const int m = blame_pour_target(k, tb, te); m != kNone) {
      found.push_back(m);
      k = tok_of(out.mentions[m].end - 1);
      continue;
    }
    // 4. A pronoun after pour, contre or envers, resolved to its entity:
    // « j'ai beaucoup d'affection pour lui ».
    if (k > tb && (is(k - 1, "pour") || is(k - 1, "contre") || is(k - 1, "envers") || is(k - 1, "sur")) &&
        has(k, W::kStressedPronoun)) {
      int m = target_mention(k, k + 1);
      if (m != kNone) found.push_back(m);
    }
  }
  return found;
}

int Run::blame_pour_target(std::uint32_t k, std::uint32_t tb, std::uint32_t te) {
  if (k < tb + 2 || !is(k - 1, "pour") || !(is_name_word(k) || title_of(k) || has(k, W::kDet))) return kNone;
  bool blamed = false;
  for (std::uint32_t z = k - 1; z-- > tb && z + 5 > k && !blamed;) blamed = has(z, W::kNegative);
  std::uint32_t e = k + (is_name_word(k) ? 0 : 1);
  while (e < te && (is_name_word(e) || role_of(e) || title_of(e))) ++e;
  const int m = blamed && e > k ? target_mention(k, e) : kNone;
  if (m == kNone) return kNone;
  // A person or institution by its name; states keep their own rules.
  const MentionInfo& mi = out.mentions[m];
  const bool named = !mi.pronoun && (mi.type == EntityType::kPerson || mi.type == EntityType::kOrganization) &&
                     !mi.name.empty() && mi.name != mi.state;
  if (named) return m;
  if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
  return kNone;
}

void Run::extend_cue_targets(const CueHit& h, std::uint32_t limit, std::vector<int>& targets) {
  // An answer names the one answered after à: répondre à X (the lexicon
  // gives these verbs no slot, so that their incises read as before).
  const TargetSlot slot = h.entry->target == TargetSlot::kNone && answers(words, *h.entry) ? TargetSlot::kIndirect
                                                                                   : h.entry->target;
  if (slot == TargetSlot::kNone) return;
  const std::uint32_t sb = doc.sentences[doc.sentence_at(tok(h.verb).begin)].token_begin;
  const int antecedent = clitic_antecedent_target(h, sb);
  if (antecedent != kNone) targets.push_back(antecedent);
  std::uint32_t k = skip_adverbs(h.last, limit);
  while (k < limit && !tags_.empty() && (tags_[k].pos & kPosAdverb) && !has(k, W::kDet | W::kPrep) &&
         tok(k).lower.size() > 6 && tok(k).lower.compare(tok(k).lower.size() - 4, 4, "ment") == 0)
    k = skip_adverbs(k + 1, limit);
  while (k < limit && has(k, W::kTime) && !has(k, W::kDet)) ++k;
  if (slot == TargetSlot::kIndirect) {
    // The thing asked for may come first: demander une aide à X.
    if (k < limit && has(k, W::kDet) && !is(k, "à") && !is(k, "au") && !is(k, "aux")) {
      const Np thing = np_forward(k, limit, true);
      if (thing.valid() && thing.end < limit && (is(thing.end, "à") || is(thing.end, "au") || is(thing.end, "aux")))
        k = thing.end;
    }
    for (int guard = 0; guard < 4 && k < limit && (is(k, "à") || is(k, "aux") || is(k, "au")); ++guard) {
      // au and aux hold the article: the phrase starts after them.
      const std::uint32_t b = k + 1;
      Np np = np_forward(b, limit, true);
      for (std::uint32_t j = np.begin; j < np.end; ++j)
        if (is_de(j) && j + 1 < limit && is_infinitive_like(j + 1, limit)) {
          np.end = j;
          break;
        }
      // « demander à ce que … » opens a clause, names no one.
      if (!np.valid() || !np_has_content(np) || is(np.begin, "ce")) break;
      // The one asked is named there: any entity, as cue_object_targets
      // takes it (à la Symocel).
      if (!first_person_possessive(words, tok(np.begin).lower)) {
        int m = make_mention(np.begin, np.end);
        const MentionInfo& mi = out.mentions[m];
        if (is_entity_mention(m) && !(mi.type == EntityType::kUnknown && mi.name.empty())) targets.push_back(m);
        else if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
      }
      k = np.end;
      if (k + 1 < limit && (is_comma(k) || is(k, "et"))) ++k;
      else break;
    }
    return;
  }
  if (k >= limit || !(has(k, W::kDet) || is_name_word(k))) return;
  Np np = np_forward(k, limit, true);
  bool deed = false;
  for (std::uint32_t j = np.begin; j + 2 < np.end && j < np.begin + 4; ++j) {
    if (has(j, W::kBlame | W::kDeed) && is_de(j + 1)) {
      deed = true;
      const std::uint32_t b = j + 2;
      Np author = np_forward(b, np.end, true);
      int m = author.valid() ? target_mention(author.begin, author.end) : kNone;
      if (m != kNone) targets.push_back(m);
      break;
    }
  }
  if (!deed) {
    int m = target_mention(np.begin, np.end);
    if (m != kNone) targets.push_back(m);
  }
}

Relation Run::judgement_relation(std::uint32_t tb, std::uint32_t te) const {
  int negative = 0, positive = 0;
  for (std::uint32_t k = tb; k < te; ++k) {
    if (!has(k, W::kNegative | W::kPositive)) continue;
    // "ce n'est pas acceptable", "il n'a jamais été incompétent": a
    // negation shortly before a judgement inverts it.
    bool negated = false;
    for (std::uint32_t z = k; z-- > tb && z + 4 > k;)
      if (has(z, W::kNegation)) negated = true;
    bool neg = has(k, W::kNegative) != negated;
    if (has(k, W::kNegative) && has(k, W::kPositive)) continue;
    (neg ? negative : positive) += 1;
  }
  if (negative > positive) return Relation::kCriticises;
  if (positive > negative) return Relation::kSupports;
  return Relation::kStates;
}

std::size_t Run::states_named() {
  if (states_named_ >= 0) return static_cast<std::size_t>(states_named_);
  std::vector<const State*> seen;
  auto note = [&](const State* st) {
    if (st && std::find(seen.begin(), seen.end(), st) == seen.end()) seen.push_back(st);
  };
  const std::uint32_t n = static_cast<std::uint32_t>(doc.tokens.size());
  for (std::uint32_t k = 0; k < n; ++k) {
    // Names only: a nationality adjective (une étude américaine) often
    // names no party.
    if (tok(k).kind != TokenKind::kWord || !tok(k).capitalized) continue;
    // Longest run naming a state: Corée du Sud, États-Unis.
    for (std::uint32_t e = std::min(n, k + 4); e > k; --e) {
      if (tok(e - 1).kind != TokenKind::kWord) continue;
      if (const State* st = state_or_seat(fold(doc.slice(tok(k).begin, tok(e - 1).end)))) {
        note(st);
        break;
      }
    }
  }
  states_named_ = static_cast<int>(seen.size());
  return seen.size();
}

void Run::drop_bare_states(AttributedClaim& c, std::uint32_t tb, std::uint32_t te, Relation cue_relation) {
  if (cue_relation != Relation::kStates && cue_relation != Relation::kRespondsTo) return;
  for (std::uint32_t k = tb; k < te; ++k)
    if (has(k, W::kNegative | W::kPositive)) return;
  // A story between states (three or more named) makes each of them a
  // party: « la Russie a montré qu'elle n'était pas un partenaire fiable ».
  // In a story about one or two, a state named is the setting.
  if (states_named() >= kPartiesOfInternationalStory) return;
  c.targets.erase(std::remove_if(c.targets.begin(), c.targets.end(),
                                 [&](int m) {
                                   return std::find(bare_states_.begin(), bare_states_.end(), m) !=
                                          bare_states_.end();
                                 }),
                  c.targets.end());
}

void Run::finish_targets() {
  // The one target of the previous quotation, for a third-person pronoun
  // that continues it in the next quotation of the same speaker.
  int topic = kNone, topic_speaker = kNone;
  std::uint32_t topic_paragraph = 0;
  auto root = [&](int m) {
    for (int guard = 0; m != kNone && out.mentions[m].pronoun && guard < 8; ++guard) m = out.mentions[m].antecedent;
    return m;
  };
  auto same_entity = [&](int a, int b) {
    a = root(a);
    b = root(b);
    if (a == kNone || b == kNone) return false;
    if (a == b) return true;
    const MentionInfo& x = out.mentions[a];
    const MentionInfo& y = out.mentions[b];
    return !x.name.empty() && x.name == y.name;
  };
  for (std::size_t ci = 0; ci < out.claims.size(); ++ci) {
    if (out.claims[ci].kind == ClaimKind::kAct) continue;
    const std::uint32_t tb = tok_of(out.claims[ci].begin);
    std::uint32_t te = tb;
    while (te < doc.tokens.size() && tok(te).begin < out.claims[ci].end) ++te;
    const Relation cue_relation = out.claims[ci].relation;
    std::vector<int> extra =
        judged_targets(tb, te, cue_relation != Relation::kStates && cue_relation != Relation::kRespondsTo);
    // The arguments of the claim's own cue and of cues inside its content
    // that cue_object_targets leaves out.
    const Sentence& CS = doc.sentences[doc.sentence_at(out.claims[ci].begin)];
    for (const CueHit& h : find_cues(CS.token_begin, CS.token_end)) {
      const bool inside = h.verb >= tb && h.verb < te;
      if (inside)
        extend_cue_targets(h, te, extra);
      else if (!inside && cue_text(h) == out.claims[ci].cue) {
        const std::size_t before = extra.size();
        extend_cue_targets(h, h.verb < tb ? tb : CS.token_end, extra);
        if (answers(words, *h.entry) && extra.size() > before) out.claims[ci].relation = Relation::kRespondsTo;
      }
    }
    // The one the reporting sentence says the claim answers, contradicts
    // or appeals to.
    const Relation reply = reply_targets(CS.token_begin, CS.token_end, tb, te, extra);
    if (reply != Relation::kStates && out.claims[ci].relation == Relation::kStates) out.claims[ci].relation = reply;
    // The topic the reporting sentence fronts: « Quant à X, … », « Au
    // sujet de X, … », before the content in the same sentence.
    const Sentence& S = doc.sentences[doc.sentence_at(out.claims[ci].begin)];
    for (std::uint32_t k = S.token_begin; k + 2 < tb && k < S.token_end; ++k) {
      std::uint32_t b = 0;
      if (is(k, "quant") && is(k + 1, "à")) b = k + 2;
      if (is(k, "quant") && (is(k + 1, "au") || is(k + 1, "aux"))) b = k + 1;
      if ((is(k, "au") || is(k, "à")) && (is(k + 1, "sujet") || is(k + 1, "propos")) && k + 3 < tb &&
          is_de(k + 2))
        b = k + 3;
      if (b == 0 || (k > S.token_begin && !is_punct(k - 1))) continue;
      Np np = np_forward(b, tb, false);
      if (np.valid() && np.end < tb && is_comma(np.end)) {
        int m = target_mention(np.begin, np.end);
        if (m != kNone) extra.push_back(m);
      }
      break;
    }
    // A quoted adjective inside a noun phrase of deed: « l'action
    // « précipitée » du Conseil fédéral »: the complement after the
    // fragment names the one judged.
    if (out.claims[ci].kind == ClaimKind::kMixed && tb > 1) {
      std::uint32_t before = tb - 1, after = te;
      if (tok(before).kind == TokenKind::kQuoteMark) --before;
      while (after < doc.tokens.size() && after < te + 2 && tok(after).kind == TokenKind::kQuoteMark) ++after;
      if (after + 1 < S.token_end && is_de(after) && has(before, W::kBlame | W::kDeed)) {
        Np np = np_forward(after + 1, S.token_end, true);
        int m = np.valid() ? target_mention(np.begin, np.end) : kNone;
        if (m != kNone) extra.push_back(m);
      }
    }
    AttributedClaim& c = out.claims[ci];
    drop_bare_states(c, tb, te, cue_relation);
    // The speaker's own side is never a target: « mon médecin », « notre
    // gouvernement ».
    c.targets.erase(std::remove_if(c.targets.begin(), c.targets.end(),
                                   [&](int m) {
                                     const std::string& w = out.mentions[m].text;
                                     const std::size_t sp = w.find(' ');
                                     return first_person_possessive(words, fold_utf8(w.substr(0, sp)));
                                   }),
                    c.targets.end());
    for (int m : extra) {
      const MentionInfo& mi = out.mentions[m];
      bool overlap = false;
      for (int t : c.targets)
        overlap |= out.mentions[t].begin < mi.end && mi.begin < out.mentions[t].end;
      if (c.speaker != kNone)
        overlap |= out.mentions[c.speaker].begin < mi.end && mi.begin < out.mentions[c.speaker].end;
      if (!overlap) c.targets.push_back(m);
    }
    // « Louis Nicollin a marqué le football … » then « Il était un père
    // pour moi »: a third-person pronoun in the next quotation of the
    // same speaker, in the same or the next paragraph, continues the
    // previous quotation's one target when gender and number agree.
    const std::uint32_t paragraph = S.paragraph;
    if (c.targets.empty() && c.kind != ClaimKind::kIndirect && topic != kNone && c.speaker != kNone &&
        same_entity(c.speaker, topic_speaker) && paragraph <= topic_paragraph + 1) {
      const MentionInfo& t = out.mentions[root(topic)];
      for (std::uint32_t k = tb; k < te; ++k) {
        Gender g;
        bool plural;
        bool pronoun = words.subject(tok(k).lower, g, plural) && g != '?';
        if (!pronoun && (is(k, "lui") || is(k, "eux"))) pronoun = true, g = 'm', plural = is(k, "eux");
        if (!pronoun || is(k, "on")) continue;
        // The impersonal il: il faut, il y a, il s'agit, il semble.
        if (is(k, "il") && k + 1 < te &&
            has(k + 1, W::kImpersonal))
          continue;
        if (plural == t.plural && (t.gender == '?' || g == t.gender)) {
          c.targets.push_back(topic);
          break;
        }
      }
    }
    if (c.kind != ClaimKind::kIndirect && c.speaker != kNone) {
      topic = c.targets.size() == 1 ? c.targets[0] : kNone;
      topic_speaker = c.speaker;
      topic_paragraph = paragraph;
    }
    // A neutral cue takes the relation of the judgement in its content,
    // or calls on when the content puts a verb of demand in the passive.
    for (std::uint32_t k = tb; k < te && c.relation == Relation::kStates && !c.targets.empty(); ++k)
      if (summoned_at(k, te)) c.relation = Relation::kCallsOn;
    if (c.relation == Relation::kStates && !c.targets.empty()) c.relation = judgement_relation(tb, te);
    // An answer to no one named (« a répondu à l'AFP », « a-t-il
    // rétorqué ») only states.
    if (c.relation == Relation::kRespondsTo && c.targets.empty()) c.relation = Relation::kStates;
  }
}

}  // namespace quotegraph::detail
