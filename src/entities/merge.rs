//! One entity per referent: surnames and first names joined to the full
//! name, gazetteer aliases (`U.S.` = `United States`), acronyms and their
//! expansions, short forms of organisation names, and descriptions that
//! match a person's title.

use rayon::prelude::*;

use super::doc::Doc;
use super::gazetteer::{FastMap, GAZ, Known};
use super::kinds::{Evidence, is_acronym};
use super::mentions::Cand;
use super::titles::{self, Desc};
use crate::model::{Entity, EntityKind, Span};

struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The earlier mention stays the root.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.parent[hi] = lo;
        }
    }
    fn push(&mut self) -> usize {
        let n = self.parent.len();
        self.parent.push(n);
        n
    }
}

/// Full names of one pool grouped by referent, in order of first
/// appearance: (root, sorted starts of its full-name mentions).
type Groups = Vec<(usize, Vec<usize>)>;

fn group_pool(pool: &[usize], sets: &mut Sets, cands: &[Cand]) -> Groups {
    let mut groups: Groups = Vec::new();
    let mut index: FastMap<usize, usize> = FastMap::default();
    for &f in pool {
        let r = sets.find(f);
        let g = *index.entry(r).or_insert_with(|| {
            groups.push((r, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(cands[f].span.start);
    }
    for (_, starts) in &mut groups {
        starts.sort_unstable();
    }
    groups
}

/// A person name split for matching: given name, surname (with any
/// suffix: "Trump Jr."), word count. Both are slices of the name.
fn person_key(c: &Cand) -> Option<(&str, &str, usize)> {
    let name = c.name.as_str();
    let mut words = c.words();
    let first = words.next()?;
    let mut count = 1;
    let (mut last, mut prev) = (first, None);
    for w in words {
        prev = Some(last);
        last = w;
        count += 1;
    }
    let offset = |w: &str| w.as_ptr() as usize - name.as_ptr() as usize;
    let (surname, words) = match prev {
        Some(p) if GAZ.is_suffix(last) => {
            let end = offset(last) + last.len();
            (name.get(offset(p)..end).unwrap_or(p), count - 1)
        }
        _ => (last, count),
    };
    Some((first, surname, words))
}

fn edit_distance_le1(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// "PENCE" -> "Pence"
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn key_of(c: &Cand) -> &str {
    match c.known {
        Some(k) => k.canonical(),
        None => c.name.as_str(),
    }
}

pub fn build(doc: &Doc, mut cands: Vec<Cand>) -> Vec<Entity> {
    let mut sets = Sets::new(cands.len());
    // The lookup tables of `unify` are freed before the entities are built,
    // which is when a long article needs the most memory.
    let evs = unify(doc, &cands, &mut sets);
    for (c, e) in cands.iter_mut().zip(evs) {
        c.ev = e;
    }
    caps_mentions(doc, &mut cands, &mut sets);
    let mut entities = assemble(&cands, &mut sets);
    add_descriptions(doc, &cands, &mut entities);
    entities
}

/// Joins the mentions of one referent in `sets`; returns each mention's
/// kind evidence as merging adjusted it.
fn unify(doc: &Doc, cands: &[Cand], sets: &mut Sets) -> Vec<Evidence> {
    let n = cands.len();
    // Evidence as merging adjusts it, written back at the end.
    let mut evs: Vec<Evidence> = cands.iter().map(|c| c.ev).collect();

    // Person keys are recomputed where needed (cheap) rather than stored
    // for every mention.
    // Full person names, unified by given name + surname.
    let mut full: Vec<usize> = Vec::new();
    let mut by_identity: FastMap<(&str, &str), usize> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        if evs[i].kind() != EntityKind::Person || c.known.is_some() {
            continue;
        }
        if let Some((first, surname, words)) = person_key(c)
            && words >= 2
        {
            full.push(i);
            match by_identity.get(&(first, surname)) {
                Some(&j) => sets.union(i, j),
                None => {
                    by_identity.insert((first, surname), i);
                }
            }
        }
    }
    // Spelling variants of the given name ("Kristin"/"Kristen Wilkins").
    let mut idents: Vec<(&(&str, &str), usize)> =
        by_identity.iter().map(|(k, &v)| (k, v)).collect();
    idents.sort_by(|a, b| a.0.1.cmp(b.0.1).then(a.1.cmp(&b.1)));
    for (x, &(ka, ia)) in idents.iter().enumerate() {
        for &(kb, ib) in idents[x + 1..].iter().take_while(|(kb, _)| kb.1 == ka.1) {
            if ka.0.chars().count() >= 5
                && ka.0.chars().next() == kb.0.chars().next()
                && edit_distance_le1(ka.0, kb.0)
            {
                sets.union(ia, ib);
            }
        }
    }
    let mut by_surname: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut by_given: FastMap<&str, Vec<usize>> = FastMap::default();
    for &i in &full {
        if let Some((first, surname, _)) = person_key(&cands[i]) {
            by_surname.entry(surname).or_default().push(i);
            by_given.entry(first).or_default().push(i);
        }
    }

    // Single names: a surname or given name of a full name. The full names of
    // a pool are grouped by referent once, so a long article that repeats a
    // surname thousands of times stays linear; single names only ever join
    // these groups, never merge two of them.
    let surname_groups: FastMap<&str, Groups> = by_surname
        .iter()
        .map(|(k, pool)| (*k, group_pool(pool, sets, cands)))
        .collect();
    let given_groups: FastMap<&str, Groups> = by_given
        .iter()
        .map(|(k, pool)| (*k, group_pool(pool, sets, cands)))
        .collect();
    let mut resolved = vec![false; n];
    for i in 0..n {
        let c = &cands[i];
        let Some((first, surname, words)) = person_key(c) else {
            continue;
        };
        if words != 1 || c.known.is_some_and(|k| !GAZ.is_city(k.canonical())) {
            continue;
        }
        let kind = evs[i].kind();
        // "Clinton spokesman": a qualifier looks like an organisation but
        // may still be a surname.
        if kind == EntityKind::Organization && evs[i].org > 2 {
            continue;
        }
        let groups = match surname_groups.get(surname) {
            Some(g) => g,
            None if kind != EntityKind::Place => match given_groups.get(first) {
                Some(g) => g,
                None => continue,
            },
            None => continue,
        };
        // root, count, last start before this mention
        let mut roots: Vec<(usize, usize, Option<usize>)> = groups
            .iter()
            .map(|(root, starts)| {
                let k = starts.partition_point(|&s| s < c.span.start);
                (*root, starts.len(), k.checked_sub(1).map(|k| starts[k]))
            })
            .collect();
        if roots.is_empty() {
            continue;
        }
        let pick = if roots.len() == 1 {
            Some(roots[0].0)
        } else {
            roots.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)));
            if roots[0].1 > roots[1].1 {
                Some(roots[0].0)
            } else {
                roots
                    .iter()
                    .filter(|r| r.2.is_some())
                    .max_by_key(|r| r.2)
                    .map(|r| r.0)
            }
        };
        if let Some(r) = pick {
            sets.union(i, r);
            resolved[i] = true;
        }
    }
    // A surname joined to a full name is a person whatever its context.
    for (e, _) in evs.iter_mut().zip(&resolved).filter(|(_, r)| **r) {
        e.person += 3;
    }

    // The same name (or gazetteer alias) is the same referent.
    let mut by_key: FastMap<&str, usize> = FastMap::default();
    for i in 0..n {
        if resolved[i] {
            continue;
        }
        let k = key_of(&cands[i]);
        match by_key.get(k) {
            Some(&j) => sets.union(i, j),
            None => {
                by_key.insert(k, i);
            }
        }
    }

    // Acronyms and their expansions; "Name (ACR)".
    let mut by_initials: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        if c.name.contains(' ') && evs[i].kind() != EntityKind::Person {
            let ini = initials(&c.name);
            if ini.len() >= 2 {
                by_initials.entry(ini).or_default().push(i);
            }
        }
    }
    let mut shouted = Vec::new();
    for i in 0..n {
        let c = &cands[i];
        if !is_acronym(&c.name) || matches!(c.known, Some(Known::Place(_))) {
            continue;
        }
        let letters: String = c.name.chars().filter(|ch| ch.is_alphabetic()).collect();
        if let Some(pool) = by_initials.get(&letters) {
            let mut roots: Vec<usize> = pool.iter().map(|&j| sets.find(j)).collect();
            roots.dedup();
            if roots.len() == 1 {
                sets.union(i, roots[0]);
            }
        }
        // "PENCE:" in a transcript is Mike Pence.
        if let Some(groups) = surname_groups.get(title_case(&c.name).as_str())
            && let [(root, _)] = groups.as_slice()
        {
            sets.union(i, *root);
            shouted.push(i);
        }
        // "Food Standards Australia New Zealand (FSANZ)"
        if c.lo >= 3
            && doc.word(c.lo - 1) == "("
            && doc.word(c.hi + 1) == ")"
            // Candidates are in text order: only the ones just before can end
            // at the bracket.
            && let Some(j) = cands[..i]
                .iter()
                .rposition(|d| d.hi < c.lo - 1)
                .filter(|&j| cands[j].hi + 1 == c.lo - 1)
            // "NEW YORK (AP)" is a dateline, not an expansion.
            && !matches!(cands[j].known, Some(Known::Place(_)))
        {
            sets.union(i, j);
        }
    }

    for i in shouted {
        evs[i] = Evidence {
            person: 3,
            ..Evidence::default()
        };
    }

    // Short forms of organisation names: "Home Office" in "United Kingdom
    // Home Office", "CBC" in "CBC News".
    // Inserted one by one: `collect` would size the table for every
    // mention, though names repeat (the last mention of a name wins).
    let mut by_name: FastMap<&str, usize> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        by_name.insert(c.name.as_str(), i);
    }
    let mut joins = Vec::new();
    let org_or_other =
        |j: usize| matches!(evs[j].kind(), EntityKind::Organization | EntityKind::Other);
    for (i, c) in cands.iter().enumerate() {
        if evs[i].kind() != EntityKind::Organization {
            continue;
        }
        let name = c.name.as_str();
        // Suffixes of at least two words, longest first.
        let spaces: Vec<usize> = name.match_indices(' ').map(|(k, _)| k).collect();
        let w = spaces.len() + 1;
        for &k in spaces.iter().take(w.saturating_sub(2)) {
            if let Some(&j) = by_name.get(&name[k + 1..])
                && org_or_other(j)
            {
                joins.push((i, j));
                break;
            }
        }
        if let Some(&k) = spaces.last()
            && GAZ.is_org_head(&name[k + 1..])
            && let Some(&j) = by_name.get(&name[..k])
            && org_or_other(j)
        {
            joins.push((i, j));
        }
    }
    for (i, j) in joins {
        sets.union(i, j);
    }
    evs
}

/// Names in all-caps or Title Case lines, matched against the names found
/// elsewhere in the article and the gazetteers.
fn caps_mentions(doc: &Doc, cands: &mut Vec<Cand>, sets: &mut Sets) {
    if !doc.paras.iter().any(|p| p.caps) {
        return;
    }
    let mut forms: FastMap<String, usize> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        forms.entry(c.name.to_uppercase()).or_insert(i);
        if let Some(k) = c.known {
            forms.entry(k.canonical().to_uppercase()).or_insert(i);
        }
        if c.ev.kind() == EntityKind::Person
            && let Some((_, surname, w)) = person_key(c)
            && w >= 2
        {
            forms.entry(surname.to_uppercase()).or_insert(i);
        }
    }
    let mut first_known: FastMap<&'static str, usize> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        if let Some(k) = c.known {
            first_known.entry(k.canonical()).or_insert(i);
        }
    }
    for p in doc.paras.iter().filter(|p| p.caps) {
        let mut i = p.toks.start;
        while i < p.toks.end {
            if !doc.toks[i].is_word() {
                i += 1;
                continue;
            }
            let mut found = None;
            for len in (1..=4).rev() {
                let hi = i + len - 1;
                if hi >= p.toks.end || !(i..=hi).all(|k| doc.toks[k].is_word()) {
                    continue;
                }
                let text = doc.slice(i, hi);
                let upper = text.to_uppercase();
                if let Some(&j) = forms.get(&upper) {
                    found = Some((hi, Some(j), None));
                    break;
                }
                if let Some(k) = GAZ.known_upper(&upper) {
                    // "US" in capitals may be the word "us".
                    if len == 1 && GAZ.is_common(text) {
                        continue;
                    }
                    found = Some((hi, None, Some(k)));
                    break;
                }
            }
            let Some((hi, j, known)) = found else {
                i += 1;
                continue;
            };
            let span = doc.span(i, hi);
            let mut ev = Evidence::default();
            match known.or(j.and_then(|j| cands[j].known)) {
                Some(Known::Place(_)) => ev.place += 5,
                Some(Known::Org(_)) => ev.org += 5,
                None => {}
            }
            let name = match (j, known) {
                (Some(j), _) => cands[j].name.clone(),
                (None, Some(k)) => k.canonical().to_owned(),
                _ => span.text(doc.text).to_owned(),
            };
            cands.push(Cand {
                span,
                lo: i,
                hi,
                name,
                known,
                ev,
                titles: Vec::new(),
            });
            let me = sets.push();
            if let Some(j) = j {
                sets.union(me, j);
            } else if let Some(k) = known {
                match first_known.get(k.canonical()) {
                    Some(&o) => sets.union(me, o),
                    None => {
                        first_known.insert(k.canonical(), me);
                    }
                }
            }
            i = hi + 1;
        }
    }
}

fn assemble(cands: &[Cand], sets: &mut Sets) -> Vec<Entity> {
    let mut groups: FastMap<usize, Vec<usize>> = FastMap::default();
    for i in 0..cands.len() {
        let r = sets.find(i);
        groups.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    for g in &mut groups {
        g.sort_by_key(|&i| cands[i].span.start);
    }
    groups.sort_by_key(|g| cands[g[0]].span.start);
    let mut out = Vec::with_capacity(groups.len());
    for g in groups {
        let mut ev = Evidence::default();
        for &i in &g {
            ev.add(&cands[i].ev);
        }
        let kind = ev.kind();
        let canonical = g.iter().find_map(|&i| cands[i].known).map(Known::canonical);
        let longest = g
            .iter()
            .map(|&i| cands[i].name.as_str())
            .max_by_key(|s| {
                (
                    s.split(' ').count(),
                    s.chars().any(char::is_lowercase),
                    s.len(),
                )
            })
            .unwrap_or("");
        let name = match canonical {
            Some(c) if c.len() >= longest.len() => c.to_owned(),
            _ => longest.to_owned(),
        };
        let mut aliases: Vec<String> = Vec::new();
        let mut titles: Vec<String> = Vec::new();
        let mut mentions: Vec<Span> = Vec::new();
        for &i in &g {
            let c = &cands[i];
            if c.name != name && !aliases.contains(&c.name) {
                aliases.push(c.name.clone());
            }
            for t in &c.titles {
                if !titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                    titles.push(t.clone());
                }
            }
            mentions.push(c.span);
        }
        mentions.sort_by_key(|s| (s.start, s.end));
        mentions.dedup();
        // "Secretary" adds nothing to "Secretary of State".
        let all = titles.clone();
        titles.retain(|t| {
            let lt = t.to_lowercase();
            !all.iter()
                .any(|o| o.len() > t.len() && o.to_lowercase().contains(&lt))
        });
        out.push(Entity {
            id: out.len(),
            name,
            kind,
            titles,
            aliases,
            mentions,
        });
    }
    out
}

/// Descriptions that match one person's title, resolved to the person most
/// recently mentioned with it.
fn add_descriptions(doc: &Doc, cands: &[Cand], entities: &mut [Entity]) {
    let descs = titles::descriptions(doc);
    if descs.is_empty() {
        return;
    }
    let mut taken: Vec<Span> = entities
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    // Appositions are titles, not further mentions.
    let appositions: Vec<Span> = cands
        .par_iter()
        .with_min_len(1 << 12)
        .filter_map(|c| titles::apposition(doc, c.hi).map(|(span, _)| span))
        .collect();
    taken.extend(appositions);
    taken.sort_by_key(|s| (s.start, s.end));
    let people = titled_people(entities);
    // Descriptions never overlap each other, so only names and appositions
    // need checking.
    let overlaps = |d: Span| {
        let i = taken.partition_point(|s| s.end <= d.start);
        taken[i..]
            .iter()
            .take_while(|s| s.start < d.end)
            .any(|s| s.end > d.start)
    };
    for d in descs {
        if overlaps(d.span) {
            continue;
        }
        if let Some(id) = resolve_among(&people, entities, &d) {
            attach(doc.text, &mut entities[id], d.span);
        }
    }
}

/// People with titles, indexed by the description heads their titles can
/// fit, so a description is only checked against the few people it may
/// name and a long article stays linear.
pub struct TitledPeople {
    people: Vec<(usize, Vec<titles::TitleInfo>)>,
    /// Indices into `people`, ascending.
    by_head: FastMap<String, Vec<usize>>,
}

pub fn titled_people(entities: &[Entity]) -> TitledPeople {
    let people: Vec<(usize, Vec<titles::TitleInfo>)> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && !e.titles.is_empty())
        .map(|e| {
            (
                e.id,
                e.titles.iter().map(|t| titles::title_info(t)).collect(),
            )
        })
        .collect();
    let mut by_head: FastMap<String, Vec<usize>> = FastMap::default();
    for (p, (_, infos)) in people.iter().enumerate() {
        for head in infos.iter().flat_map(titles::TitleInfo::heads) {
            let list = by_head.entry(head.to_owned()).or_default();
            if list.last() != Some(&p) {
                list.push(p);
            }
        }
    }
    TitledPeople { people, by_head }
}

/// The person most recently mentioned before `d` whose title fits it.
pub fn resolve_among(people: &TitledPeople, entities: &[Entity], d: &Desc) -> Option<usize> {
    let head = d.words.last()?;
    people
        .by_head
        .get(head.as_str())?
        .iter()
        .filter_map(|&p| people.people.get(p))
        .filter(|(_, infos)| infos.iter().any(|t| titles::fits_info(t, d)))
        .filter_map(|&(id, _)| {
            let ms = &entities[id].mentions;
            let k = ms.partition_point(|m| m.end <= d.span.start);
            let last = ms[..k].last()?;
            Some((last.start, id))
        })
        .max()
        .map(|(_, id)| id)
}

/// Adds a resolved description as a mention and alias of `e`.
pub fn attach(text: &str, e: &mut Entity, span: Span) {
    let mut alias = span.text(text).to_owned();
    if let Some(rest) = alias.strip_prefix("The ") {
        alias = format!("the {rest}");
    }
    if !e.aliases.contains(&alias) {
        e.aliases.push(alias);
    }
    let at = e.mentions.partition_point(|m| m.start < span.start);
    e.mentions.insert(at, span);
}
