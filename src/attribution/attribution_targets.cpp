// Targets of a claim: the cue's own argument (accuser X, reprocher à X),
// cues inside the content (also the one a verb of saying tells to act:
// « je dis au préfet de … »), states named in argument position, nouns
// of blame and their nationality adjectives.
#include "attribution_run.h"
#include "target_grammar.h"

namespace quotegraph::detail {

namespace {

// The entity that told_to_act names after cue `h`: « nous disons au préfet
// de nous respecter », « je lui ai écrit … », « il répète aux élus de
// voter »; « a dit aux élus de la région que … » (de + a noun) names no
// one asked. Entities only; empty else.
std::vector<int> told_to_do(Run& run, const CueHit& h, std::uint32_t limit) {
  std::vector<int> t;
  const Np np = run.told_to_act(h, limit);
  if (!np.valid()) return t;
  const int m = run.make_mention(np.begin, np.end);
  const MentionInfo& mi = run.out.mentions[m];
  if (run.is_entity_mention(m) && !(mi.type == EntityType::kUnknown && mi.name.empty())) t.push_back(m);
  else if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
  return t;
}

// A definite person role at the start of content [tb, te_all), the
// subject of its clause, that stands for the one person the text named
// with it (target_mention: « le bourgmestre Olivier Maingain … « le
// bourgmestre semble plus préoccupé par son image » »), as a name there
// would be (person_in_argument); kNone otherwise.
int role_in_argument(Run& run, std::uint32_t tb, std::uint32_t te_all) {
  // The definite article and a role of one word or a few, no complement
  // and no name (an office named in full is no description of someone
  // the text named: « le ministre de la Santé »).
  if (tb + 1 >= te_all || !(run.has_extra(tb, WordClasses::kDefiniteArticle) ||
                            (run.has(tb, WordClasses::kDet) && run.has_extra(tb, WordClasses::kElision))))
    return kNone;
  const Role* r = run.role_of(tb + 1);
  if (!r || r->type != EntityType::kPerson || r->plural) return kNone;
  const Np np = run.np_forward(tb, te_all, true);
  if (!np.valid() || np.begin != tb || np.end > tb + 3 || np.end >= te_all) return kNone;
  for (std::uint32_t j = tb + 1; j < np.end; ++j)
    if (run.is_de(j) || run.is_name_word(j) || run.tok(j).kind != TokenKind::kWord) return kNone;
  // Its verb, as for a name (person_in_argument): not a report of its
  // own, not a passive that makes it a victim.
  std::uint32_t v = run.skip_adverbs(np.end, te_all);
  if (passive_of_judgement(run, v, te_all) || victim_in_relative(run, np.end, te_all)) return kNone;
  while (v < te_all && (run.has(v, WordClasses::kAux) || run.has(v, WordClasses::kObj))) ++v;
  if (v >= te_all || !run.forms(v).empty()) return kNone;
  const int m = run.target_mention(np.begin, np.end);
  if (m == kNone) return kNone;
  const MentionInfo& mi = run.out.mentions[m];
  if (mi.type == EntityType::kPerson && !mi.pronoun && !mi.plural && !mi.role_head.empty()) return m;
  if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
  return kNone;
}

}  // namespace

Np Run::told_to_act(const CueHit& h, std::uint32_t limit) const {
  const std::uint32_t k = skip_adverbs(h.last, limit);
  if (k + 1 >= limit || !has_extra(k, WordClasses::kAuForm | WordClasses::kAForm)) return Np{};
  // au and aux hold the article: the phrase starts after them.
  Np np = np_forward(k + 1, limit, true);
  bool ordered = false;
  // Any clitics may open the infinitive here (« de nous respecter »): the
  // order is inside a claim already.
  for (std::uint32_t j = np.begin; j <= np.end && j + 1 < limit; ++j) {
    if (de_infinitive_at(j, limit)) {
      np.end = std::min(np.end, j);
      ordered = true;
      break;
    }
  }
  // « dire à ce que … » opens a clause; « dire à nos élus » is the
  // speaker's own side.
  if (!ordered || !np.valid() || !np_has_content(np) || has_grammar(np.begin, WordClasses::kCeWord) ||
      possessive_circle(np.begin, false))
    return Np{};
  return np;
}

bool Run::inside_any(const std::vector<int>& mentions, std::uint32_t k) const {
  for (int m : mentions)
    if (out.mentions[m].begin <= tok(k).begin && tok(k).begin < out.mentions[m].end) return true;
  return false;
}

std::vector<int> Run::content_targets(std::uint32_t tb, std::uint32_t te) {
  std::vector<int> found;
  const std::uint32_t te_all = te;
  te = add_nested_cue_objects(tb, te, found);
  if (const int m = role_in_argument(*this, tb, te_all); m != kNone) found.push_back(m);
  for (std::uint32_t k = tb; k < te && found.size() < 4; ++k) {
    if (k > tb) {
      if (const int m = blamed_nationality(k); m != kNone) {
        found.push_back(m);
        continue;
      }
    }
    if (!is_name_word(k) || inside_any(found, k)) continue;
    if (k > tb && is_name_word(k - 1)) continue;  // inside a run already seen
    std::uint32_t e = k;
    while (e < te && is_name_word(e)) ++e;
    // Longest run naming a state: Corée du Sud, États-Unis.
    const State* s = nullptr;
    std::uint32_t state_end = e;
    for (std::uint32_t last = std::min(te, k + 4); last > k && !s; --last) {
      s = state_of_tokens(k, last);
      if (s) state_end = last;
    }
    if (!s) {
      if (const int m = person_in_argument(k, e, tb, te_all); m != kNone) found.push_back(m);
      k = e;
      continue;
    }
    if (const int m = state_in_argument(k, state_end, *s, tb); m != kNone) {
      found.push_back(m);
      k = state_end;
    }
  }
  return found;
}

std::uint32_t Run::add_nested_cue_objects(std::uint32_t tb, std::uint32_t te, std::vector<int>& found) {
  // Objects of cues inside the content; what follows a nested cue
  // belongs to the nested report, not to this claim.
  std::uint32_t scan_end = te;
  for (CueHit& h : find_cues(tb, te)) {
    // "Je pense que la Russie …": the speaker's own verb of opinion opens
    // no report of someone else.
    // A passive accusation (« X est accusé d'avoir … ») names no other
    // speaker either: the subject it blames stays in this claim.
    bool own = (h.first > tb && has_extra(h.first - 1, WordClasses::kOwnOpinionSubject)) ||
               (h.passive && passive_de_report(*h.entry, h.last, te));
    if (!own) scan_end = std::min(scan_end, h.first);
    if (h.entry->target == TargetSlot::kNone) {
      for (int m : told_to_do(*this, h, te)) found.push_back(m);
      continue;
    }
    if (!aims_at_object(*this, h, tb, te)) continue;
    for (int m : cue_object_targets(h, te))
      if (is_entity_mention(m)) found.push_back(m);
  }
  return scan_end;
}

int Run::blamed_nationality(std::uint32_t k) {
  // Nationality adjective right after a noun of blame.
  if (!has(k - 1, WordClasses::kBlame) || tok(k).kind != TokenKind::kWord || tok(k).capitalized) return kNone;
  const State* st = nationality_of(k);
  if (!st) return kNone;
  int m = make_mention(k - 1, k + 1);
  stand_for_state(out.mentions[m], *st);
  return m;
}

int Run::person_in_argument(std::uint32_t k, std::uint32_t e, std::uint32_t tb, std::uint32_t te_all) {
  // A person named in full (Jean-François Delfraissy, M. Pachinyan)
  // in argument position: the one the content is about.
  std::uint32_t p = k;
  bool titled = p > tb + 1 && tok(p - 1).lower == "." && title_of(p - 2);
  if (titled) p -= 2;
  else if (p > tb && title_of(p - 1)) titled = true, --p;
  bool full_name = e - k >= 2 || titled;
  bool genitive_blame = false;
  if (p > tb && is_de(p - 1))
    for (std::uint32_t z = p - 1; z-- > tb && z + 4 > p;)
      if (has(z, WordClasses::kBlame) || has(z, WordClasses::kReport)) genitive_blame = true;
  // Only as the subject of the content or after a noun of blame or
  // report (la déclaration de M. X), not "la rencontre entre X et Y".
  bool subject = p == tb || (p == tb + 1 && has(tb, WordClasses::kDet));
  // The subject of a report inside the content is its speaker, not a
  // target: "Selon la KCNA, Kim Yong-bok a affirmé que …".
  if (subject && e < te_all) {
    std::uint32_t v = skip_adverbs(e, te_all);
    // The victim of a wrongdoing is no target: « X a été agressé », « X,
    // qui a été agressé, va mieux » (the passive judges the agent).
    if (passive_of_judgement(*this, v, te_all) || victim_in_relative(*this, e, te_all)) subject = false;
    while (v < te_all && (has(v, WordClasses::kAux) || has(v, WordClasses::kObj))) ++v;
    if (v < te_all && !forms(v).empty()) subject = false;
  }
  if (!full_name || !(subject || genitive_blame) || tok(k).all_caps) return kNone;
  int m = make_mention(p, e);
  if (out.mentions[m].type == EntityType::kPerson && !out.mentions[m].name.empty()) return m;
  out.mentions.pop_back();
  return kNone;
}

int Run::state_in_argument(std::uint32_t k, std::uint32_t e, const State& s, std::uint32_t tb) {
  std::uint32_t p = k;
  if (p > tb && (has(p - 1, WordClasses::kDet) && !is_de(p - 1))) --p;
  // The contracted article is itself the locative à (« au Mali », « aux
  // États-Unis »), as « à la France » is.
  bool locative = (p > tb && has(p - 1, WordClasses::kLocative)) || (p < k && has(p, WordClasses::kLocative));
  // "avec la Russie et l'Azerbaïdjan": the second is a place too.
  if (!locative && p > tb + 1 && has_extra(p - 1, WordClasses::kEtWord)) {
    for (std::uint32_t z = p - 1; z-- > tb && z + 6 > p;) {
      if (is_punct(z)) break;
      if (has(z, WordClasses::kLocativeCoord)) {
        locative = true;
        break;
      }
    }
  }
  if (locative) return kNone;
  // "de X" names a target only after a noun of blame, maybe with its
  // adjectives: les actions militaires inacceptables de l'Azerbaïdjan.
  // After an institution that speaks for its state (le gouvernement du
  // Mali, les autorités de la Guinée) it names the state as « le Mali »
  // would, and is judged as a bare state is (drop_bare_states).
  bool genitive = p > tb && is_de(p - 1);
  bool blamed = false, proxy = false;
  for (std::uint32_t z = p - 1; genitive && z-- > tb && z + 5 > p;) {
    if (is_punct(z) || has(z, WordClasses::kAux)) break;
    if (has(z, WordClasses::kBlame)) (has(z, WordClasses::kStateProxy) ? proxy : blamed) = true;
  }
  if (genitive && !blamed && !proxy) return kNone;
  int m = make_mention(p, e);
  stand_for_state(out.mentions[m], s);
  if (!genitive || !blamed) {
    if (bare_state_.size() <= static_cast<std::size_t>(m)) bare_state_.resize(m + 1, 0);
    bare_state_[m] = 1;
  }
  return m;
}

int Run::apposed_person(int m, std::uint32_t np_end, std::uint32_t limit) {
  if (out.mentions[m].type != EntityType::kPerson || !out.mentions[m].name.empty() || np_end + 1 >= limit ||
      !is_comma(np_end))
    return m;
  const Np name = np_forward(np_end + 1, limit, true);
  const int named = name.valid() ? target_mention(name.begin, name.end) : kNone;
  // The name closes the apposition: not the subject of a clause that
  // goes on (« a salué le maire, Jean Dupont a ajouté … »).
  const bool closed = name.valid() && (name.end >= limit || is_punct(name.end) ||
                                       tok(name.end).kind == TokenKind::kQuoteMark);
  if (named != kNone && closed && out.mentions[named].type == EntityType::kPerson &&
      !out.mentions[named].name.empty())
    return named;
  if (named != kNone && named + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
  return m;
}

void Run::deed_to_state(int m) {
  MentionInfo& mi = out.mentions[m];
  if (mi.type != EntityType::kUnknown || !mi.name.empty() || mi.state.empty()) return;
  bool blame = words.has(mi.role_head, WordClasses::kBlame);
  for (std::uint32_t q = tok_of(mi.begin); q < tok_of(mi.end - 1) + 1 && !blame; ++q)
    blame = has(q, WordClasses::kBlame);
  if (!blame) return;
  mi.name = mi.state;
  mi.type = EntityType::kCountry;
  mi.role.clear();
}

std::vector<int> Run::cue_object_targets(const CueHit& h, std::uint32_t limit) {
  std::vector<int> t;
  std::uint32_t k = skip_adverbs(h.last, limit);
  // Skip time words: a accusé lundi l'Arménie.
  while (k < limit && has(k, WordClasses::kTime) && !has(k, WordClasses::kDet)) ++k;
  if (h.entry->target == TargetSlot::kIndirect) {
    // « demander à ce que … » opens a clause, names no one.
    if (k < limit && has_extra(k, WordClasses::kAuForm | WordClasses::kAForm) &&
        !(k + 1 < limit && has_grammar(k + 1, WordClasses::kCeWord))) {
      std::uint32_t b = has_extra(k, WordClasses::kAForm) ? k + 1 : k;
      Np np = np_forward(b, limit, true);
      if (has_extra(k, WordClasses::kAuForm)) np = Np{k + 1, np_forward(k + 1, limit, true).end};
      // Stop the object before de + infinitive, its clitics included (« à
      // l'État de l'aider »).
      // Nor over the word that opens an indirect question (« au maire si
      // le projet … », « au recteur pourquoi … »).
      for (std::uint32_t j = np.begin; j < np.end; ++j)
        if ((is_de(j) && j + 1 < limit && opens_infinitive(j + 1, limit)) ||
            (j > np.begin && !tok(j).capitalized && has_grammar(j, WordClasses::kQuestionWord))) {
          np.end = j;
          break;
        }
      if (np.valid() && np_has_content(np)) for (int m : conjunct_mentions(np)) t.push_back(m);
      if (t.size() == 1) t[0] = apposed_person(t[0], np.end, limit);
    }
    return t;
  }
  if (h.entry->target == TargetSlot::kObject) {
    if (k < limit && (is_name_word(k) || has(k, WordClasses::kDet))) {
      Np np = np_forward(k, limit, true);
      for (std::uint32_t j = np.begin; j < np.end; ++j) {
        // The object ends before "de" + the accusation: accuser X de mentir,
        // d'« … », and after a name d'ingérence (a name takes no "de"); a
        // role noun written with a capital does (le Président du tribunal).
        bool after_name = j > np.begin && is_name_word(j - 1) && !cache.role(tok(j - 1).lower) &&
                          (h.entry->frames & kFrameDe);
        // Nor is the insult part of it: traiter le maire de menteur.
        const bool insult = (h.entry->frames & kFrameDe) && j + 1 < limit && has(j + 1, WordClasses::kNegative);
        if (is_de(j) && j + 1 < limit &&
            (opens_infinitive(j + 1, limit) || tok(j + 1).kind == TokenKind::kQuoteMark || after_name || insult)) {
          np.end = j;
          break;
        }
      }
      np.end = with_coordinated_adjective(*this, np, limit);
      // Coordinated objects: Séoul et Washington.
      std::uint32_t e = np.end;
      while (e + 1 < limit && has_extra(e, WordClasses::kEtWord) &&
             (is_name_word(e + 1) || has(e + 1, WordClasses::kDet))) {
        Np more = np_forward(e + 1, limit, true);
        if (!more.valid()) break;
        e = more.end;
      }
      np.end = e;
      if (np.valid() && np_has_content(np)) for (int m : conjunct_mentions(np)) t.push_back(m);
      if (t.size() == 1) t[0] = apposed_person(t[0], np.end, limit);
      // « Je remercie les bénévoles de la Croix-Rouge »: the members'
      // organisation, when the phrase names no entity itself.
      const auto names_entity = [&](int m) {
        return is_entity_mention(m) && !(out.mentions[m].type == EntityType::kUnknown && out.mentions[m].name.empty());
      };
      if (np.valid() && !std::any_of(t.begin(), t.end(), names_entity))
        if (const int m = organisation_of_members(np.begin, np.end); m != kNone) t.push_back(m);
    }
  }
  for (int m : t) deed_to_state(m);
  // Only entities are targets: not "l'attaque", "l'opération", "les
  // objectifs de l'opération de X".
  t.erase(std::remove_if(t.begin(), t.end(),
                         [&](int m) {
                           const MentionInfo& mi = out.mentions[m];
                           return !is_entity_mention(m) || (mi.type == EntityType::kUnknown && mi.name.empty());
                         }),
          t.end());
  return t;
}

}  // namespace quotegraph::detail
