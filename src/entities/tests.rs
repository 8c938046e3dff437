//! Rule-by-rule tests on sentences written for these tests, plus the
//! project's sample article.

use super::*;
use crate::model::{Article, EntityKind, Quote, QuoteKind, Speaker};
use crate::parse::parse_text;
use proptest::prelude::*;

fn parse(body: &str) -> Article {
    parse_text("test", &format!("A headline for the test\n\n{body}\n"))
}

fn entity<'a>(a: &'a Article, name: &str) -> &'a Entity {
    a.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", names(a)))
}

fn names(a: &Article) -> Vec<(String, EntityKind)> {
    a.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect()
}

fn has(a: &Article, name: &str) -> bool {
    a.entities.iter().any(|e| e.name == name)
}

fn mention_texts(a: &Article, e: &Entity) -> Vec<String> {
    e.mentions.iter().map(|&m| a.slice(m).to_owned()).collect()
}

fn assert_no_overlap(a: &Article) {
    let mut all: Vec<(usize, usize, usize)> = a
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e.id)))
        .collect();
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        assert!(e.mentions.windows(2).all(|w| w[0].start <= w[1].start));
    }
    all.sort();
    for w in all.windows(2) {
        assert!(w[0].1 <= w[1].0, "overlapping mentions {w:?}");
    }
    for (s, e, _) in all {
        assert!(a.text.is_char_boundary(s) && a.text.is_char_boundary(e) && s < e);
    }
}

// --- 1. mention detection -------------------------------------------------

#[test]
fn names_with_connectors() {
    let a = parse(
        "Members of the Coalition of the Willing met officials from the Bank of England. \
         Analysts compared Abu Bakr al-Baghdadi with nobody, while the band played Ludwig van Beethoven.",
    );
    for n in [
        "Coalition of the Willing",
        "Bank of England",
        "Abu Bakr al-Baghdadi",
        "Ludwig van Beethoven",
    ] {
        assert!(has(&a, n), "{n} missing from {:?}", names(&a));
    }
    assert!(!has(&a, "Members"));
}

#[test]
fn initials_and_suffixes() {
    let a = parse("Vice-President J.D. Vance quoted Martin Luther King Jr. in a speech on Monday.");
    assert_eq!(entity(&a, "J.D. Vance").kind, EntityKind::Person);
    assert_eq!(
        entity(&a, "Martin Luther King Jr.").kind,
        EntityKind::Person
    );
    assert!(!has(&a, "Monday"));
}

#[test]
fn acronyms() {
    let a = parse("NATO allies and the U.S. asked the NYPD for help.");
    assert_eq!(entity(&a, "NATO").kind, EntityKind::Organization);
    assert_eq!(entity(&a, "United States").kind, EntityKind::Place);
    assert_eq!(entity(&a, "NYPD").kind, EntityKind::Organization);
    let us = entity(&a, "United States");
    assert_eq!(mention_texts(&a, us), vec!["U.S."]);
}

#[test]
fn possessives_are_stripped() {
    let a = parse(
        "Ukrainian President Volodymyr Zelensky spoke. Zelensky’s office later agreed, and Zelensky's aides too.",
    );
    let z = entity(&a, "Volodymyr Zelensky");
    assert_eq!(
        mention_texts(&a, z),
        vec!["Volodymyr Zelensky", "Zelensky", "Zelensky"]
    );
}

#[test]
fn hyphenated_names() {
    let a = parse("Jean-Pierre Dupont met Mohamed El-Hassan Mohamed in the Russia-Ukraine talks.");
    assert!(has(&a, "Jean-Pierre Dupont"), "{:?}", names(&a));
    assert!(has(&a, "Mohamed El-Hassan Mohamed"));
    assert!(has(&a, "Russia") && has(&a, "Ukraine"));
}

#[test]
fn sentence_start_ordinary_words_are_not_names() {
    let a = parse(
        "Only a few people came on Thursday. Special measures were announced. \
         The talks ended. Leavitt said little. Karoline Leavitt left on Wednesday.",
    );
    for bad in ["Only", "Special", "The", "Thursday", "Wednesday"] {
        assert!(
            !a.entities.iter().any(|e| e.name.contains(bad)),
            "{bad} in {:?}",
            names(&a)
        );
    }
    let k = entity(&a, "Karoline Leavitt");
    assert_eq!(mention_texts(&a, k), vec!["Leavitt", "Karoline Leavitt"]);
}

#[test]
fn all_caps_headline_uses_known_names() {
    let a = parse_text(
        "t",
        "UKRAINE WELCOMES LEAVITT REMARKS ON PEACE\n\nKaroline Leavitt spoke in Kyiv about Ukraine.\n",
    );
    let k = entity(&a, "Karoline Leavitt");
    assert!(mention_texts(&a, k).contains(&"LEAVITT".to_owned()));
    assert!(mention_texts(&a, entity(&a, "Ukraine")).contains(&"UKRAINE".to_owned()));
    for bad in ["WELCOMES", "REMARKS", "PEACE"] {
        assert!(
            !a.entities.iter().any(|e| e.name.contains(bad)),
            "{:?}",
            names(&a)
        );
    }
}

#[test]
fn titles_are_not_part_of_names() {
    let a = parse(
        "Army Secretary Dan Driscoll flew in. Secretary of State Marco Rubio stayed. \
         Chief Justice John Roberts agreed before the General Election.",
    );
    assert_eq!(entity(&a, "John Roberts").titles, vec!["Chief Justice"]);
    assert!(
        !a.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name.contains("Election"))
    );
    let d = entity(&a, "Dan Driscoll");
    assert_eq!(d.titles, vec!["Army Secretary"]);
    assert_eq!(mention_texts(&a, d), vec!["Dan Driscoll"]);
    assert_eq!(entity(&a, "Marco Rubio").titles, vec!["Secretary of State"]);
}

// --- 2. kinds --------------------------------------------------------------

#[test]
fn kinds_from_heads_gazetteers_and_context() {
    let a = parse(
        "Acme Widgets Inc. hired staff. The Green Valley Party lost. \
         Officials at the Ministry of Fisheries agreed, as did Westbrook University. \
         Ms Harriet Quell, who lives in Zorbania, said it was fine. Kyiv and Texas were quiet.",
    );
    assert_eq!(
        entity(&a, "Acme Widgets Inc.").kind,
        EntityKind::Organization
    );
    assert_eq!(
        entity(&a, "Green Valley Party").kind,
        EntityKind::Organization
    );
    assert_eq!(
        entity(&a, "Ministry of Fisheries").kind,
        EntityKind::Organization
    );
    assert_eq!(
        entity(&a, "Westbrook University").kind,
        EntityKind::Organization
    );
    assert_eq!(entity(&a, "Harriet Quell").kind, EntityKind::Person);
    assert_eq!(entity(&a, "Zorbania").kind, EntityKind::Place);
    assert_eq!(entity(&a, "Kyiv").kind, EntityKind::Place);
    assert_eq!(entity(&a, "Texas").kind, EntityKind::Place);
}

#[test]
fn qualifiers_laws_and_party_labels() {
    let a = parse(
        "Tory leader Michael Howard spoke. Kremlin spokesman Dmitry Peskov agreed. Senator Bob Corker (R-Tenn.) backed the Clean Rivers Act. \
         HOWARD: We will win.",
    );
    assert_ne!(entity(&a, "Kremlin").kind, EntityKind::Person);
    assert!(
        !a.entities
            .iter()
            .any(|e| e.name == "Tory" && e.kind == EntityKind::Person)
    );
    assert_eq!(entity(&a, "Clean Rivers Act").kind, EntityKind::Other);
    assert!(
        !a.entities.iter().any(|e| e.name.contains("Tenn")),
        "{:?}",
        names(&a)
    );
    let h = entity(&a, "Michael Howard");
    assert!(mention_texts(&a, h).contains(&"HOWARD".to_owned()));
    assert_eq!(h.titles, vec!["Tory leader"]);
}

#[test]
fn datelines_and_company_suffixes() {
    let a = parse(
        "WASHINGTON (Reuters) - Shares of Apple Inc. and Microsoft Corp. rose. \
         University of Texas researchers agreed.",
    );
    assert_eq!(
        entity(&a, "University of Texas").kind,
        EntityKind::Organization
    );
    assert_eq!(entity(&a, "Washington").kind, EntityKind::Place);
    assert_eq!(entity(&a, "Apple Inc.").kind, EntityKind::Organization);
    assert_eq!(entity(&a, "Microsoft Corp.").kind, EntityKind::Organization);
}

#[test]
fn demonyms_are_evidence_not_entities() {
    let a =
        parse("Ukrainian and European officials met. Ukrainians cheered the Ukrainian president.");
    assert!(a.entities.is_empty(), "{:?}", names(&a));
}

// --- 3. titles ---------------------------------------------------------------

#[test]
fn pre_name_titles_appositions_and_possessive_roles() {
    let a = parse(
        "White House press secretary Karoline Leavitt spoke first. \
         Gen. Randy George, the Army chief of staff, was there. \
         Trump’s special envoy Steve Witkoff arrived later.",
    );
    assert_eq!(
        entity(&a, "Karoline Leavitt").titles,
        vec!["White House press secretary"]
    );
    let g = entity(&a, "Randy George");
    assert!(g.titles.contains(&"Gen.".to_owned()), "{:?}", g.titles);
    assert!(
        g.titles.contains(&"Army chief of staff".to_owned()),
        "{:?}",
        g.titles
    );
    assert_eq!(
        entity(&a, "Steve Witkoff").titles,
        vec!["Trump's special envoy"]
    );
    assert!(has(&a, "White House"));
    assert!(!has(&a, "Army"), "{:?}", names(&a));
}

// --- 4. one entity per referent ---------------------------------------------

#[test]
fn surnames_first_names_and_titled_forms_merge() {
    let a = parse(
        "President Donald Trump spoke. Trump said more. Later President Trump left. \
         Hamdi Ulukaya joined. Hamdi laughed.",
    );
    let t = entity(&a, "Donald Trump");
    assert_eq!(mention_texts(&a, t), vec!["Donald Trump", "Trump", "Trump"]);
    assert!(t.aliases.contains(&"Trump".to_owned()));
    let h = entity(&a, "Hamdi Ulukaya");
    assert_eq!(mention_texts(&a, h), vec!["Hamdi Ulukaya", "Hamdi"]);
}

#[test]
fn descriptions_resolve_to_titled_people() {
    let a = parse(
        "White House press secretary Karoline Leavitt spoke. The press secretary continued. \
         Army Secretary Dan Driscoll met Ukrainian President Volodymyr Zelensky. \
         The secretary called it a first step. The Ukrainian president agreed, \
         and the President of Ukraine left.",
    );
    let k = entity(&a, "Karoline Leavitt");
    assert!(
        k.aliases.contains(&"the press secretary".to_owned()),
        "{:?}",
        k.aliases
    );
    let d = entity(&a, "Dan Driscoll");
    assert!(
        d.aliases.contains(&"the secretary".to_owned()),
        "{:?}",
        d.aliases
    );
    let z = entity(&a, "Volodymyr Zelensky");
    assert!(
        z.aliases.contains(&"the Ukrainian president".to_owned()),
        "{:?}",
        z.aliases
    );
    assert!(
        z.aliases.contains(&"the President of Ukraine".to_owned()),
        "{:?}",
        z.aliases
    );
    assert_no_overlap(&a);
}

#[test]
fn acronyms_join_their_expansions() {
    let a = parse(
        "The World Health Organization warned on Monday. The WHO said cases rose. \
         The University of Southern Indiana opened a show, and USI staff were proud.",
    );
    let w = entity(&a, "World Health Organization");
    assert_eq!(
        mention_texts(&a, w),
        vec!["World Health Organization", "WHO"]
    );
    let u = entity(&a, "University of Southern Indiana");
    assert_eq!(mention_texts(&a, u).len(), 2);
}

#[test]
fn different_people_with_one_surname_stay_apart() {
    let a = parse(
        "Hillary Clinton met Bill Clinton. Donald Trump spoke with Donald Trump Jr. about the plan.",
    );
    let persons: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    for n in [
        "Hillary Clinton",
        "Bill Clinton",
        "Donald Trump",
        "Donald Trump Jr.",
    ] {
        assert!(persons.contains(&n), "{n} missing: {persons:?}");
    }
}

// --- 5. speakers ---------------------------------------------------------------

#[test]
fn speakers_link_to_mentions_and_titles() {
    let mut a = parse(
        "White House press secretary Karoline Leavitt spoke. “It is good,” the press secretary said. \
         “We agree,” Zelensky’s office said, after Ukrainian President Volodymyr Zelensky left.",
    );
    let text = a.text.clone();
    let find = |s: &str| {
        let i = text.find(s).expect("phrase in text");
        Span::new(i, i + s.len())
    };
    let z = a
        .entities
        .iter()
        .find(|e| e.name == "Volodymyr Zelensky")
        .map(|e| e.id);
    let k = a
        .entities
        .iter()
        .find(|e| e.name == "Karoline Leavitt")
        .map(|e| e.id);
    a.quotes = vec![
        Quote {
            span: find("It is good"),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: find("the press secretary"),
                entity: None,
            }),
            cue: None,
        },
        Quote {
            span: find("We agree"),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: find("Zelensky’s office"),
                entity: None,
            }),
            cue: None,
        },
    ];
    a.index_mentions();
    link_speakers(&mut a);
    assert_eq!(a.quotes[0].speaker.and_then(|s| s.entity), k);
    assert_eq!(a.quotes[1].speaker.and_then(|s| s.entity), z);
    assert_no_overlap(&a);
}

#[test]
fn a_name_qualifying_a_speaker_is_not_the_speaker() {
    let mut a = parse("“No comment,” a White House official said.");
    let text = a.text.clone();
    let s = text.find("a White House official").unwrap_or(0);
    let q = text.find("No comment").unwrap_or(0);
    a.quotes = vec![Quote {
        span: Span::new(q, q + 10),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: Span::new(s, s + 22),
            entity: None,
        }),
        cue: None,
    }];
    link_speakers(&mut a);
    assert!(has(&a, "White House"));
    assert_eq!(a.quotes[0].speaker.and_then(|s| s.entity), None);
}

#[test]
fn a_description_speaker_never_overlaps_a_name() {
    let mut a = parse(
        "Ukrainian President Volodymyr Zelensky left. “Enough,” the President of Ukraine said.",
    );
    let text = a.text.clone();
    let s = text.rfind("the President of Ukraine").unwrap_or(0);
    let q = text.find("Enough").unwrap_or(0);
    a.quotes = vec![Quote {
        span: Span::new(q, q + 6),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: Span::new(s, s + 24),
            entity: None,
        }),
        cue: None,
    }];
    a.index_mentions();
    link_speakers(&mut a);
    let z = a
        .entities
        .iter()
        .find(|e| e.name == "Volodymyr Zelensky")
        .map(|e| e.id);
    assert_eq!(a.quotes[0].speaker.and_then(|s| s.entity), z);
    assert_no_overlap(&a);
}

#[test]
fn long_capitalised_runs_are_cut() {
    let run = "Alpha Beta Gamma Delta ".repeat(2000);
    let a = parse(&format!("{run}said Karoline Leavitt."));
    assert_no_overlap(&a);
    assert!(a.entities.iter().all(|e| e.name.split(' ').count() <= 16));
}

#[test]
fn resolved_pronoun_speakers_are_kept() {
    let mut a = parse("Karoline Leavitt spoke. “Fine,” she said.");
    let i = a.text.find("she").unwrap_or(0);
    let q = a.text.find("Fine").unwrap_or(0);
    a.quotes = vec![Quote {
        span: Span::new(q, q + 4),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: Span::new(i, i + 3),
            entity: Some(0),
        }),
        cue: None,
    }];
    link_speakers(&mut a);
    assert_eq!(a.quotes[0].speaker.and_then(|s| s.entity), Some(0));
}

// --- the sample article --------------------------------------------------------

#[test]
fn sample_article() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample/white-house-briefing-ukraine-peace-plan.txt"
    );
    let text = std::fs::read_to_string(path).expect("sample article");
    let a = parse_text(path, &text);
    let mut persons: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    persons.sort();
    assert_eq!(
        persons,
        vec![
            "Dan Driscoll",
            "Donald Trump",
            "Karoline Leavitt",
            "Marco Rubio",
            "Randy George",
            "Steve Witkoff",
            "Volodymyr Zelensky"
        ]
    );
    for p in ["Ukraine", "Russia", "Kyiv", "Europe", "United States"] {
        assert_eq!(entity(&a, p).kind, EntityKind::Place, "{p}");
    }
    for o in ["White House", "Coalition of the Willing"] {
        assert_eq!(entity(&a, o).kind, EntityKind::Organization, "{o}");
    }
    for bad in ["Thursday", "Wednesday", "Special", "Only"] {
        assert!(!a.entities.iter().any(|e| e.name.contains(bad)), "{bad}");
    }
    // Nothing from the all-caps related-article line (an aside).
    let aside = a
        .paragraphs
        .iter()
        .find(|p| p.role == crate::model::Role::Aside)
        .map(|p| p.span);
    if let Some(aside) = aside {
        assert!(a.mentions_in(aside).is_empty());
    }
    let leavitt = entity(&a, "Karoline Leavitt");
    assert!(leavitt.titles.iter().any(|t| t.contains("press secretary")));
    assert!(
        mention_texts(&a, leavitt)
            .iter()
            .filter(|m| *m == "Leavitt")
            .count()
            >= 3
    );
    for (name, surname) in [
        ("Steve Witkoff", "Witkoff"),
        ("Marco Rubio", "Rubio"),
        ("Donald Trump", "Trump"),
        ("Volodymyr Zelensky", "Zelensky"),
        ("Dan Driscoll", "Driscoll"),
    ] {
        let e = entity(&a, name);
        assert!(mention_texts(&a, e).contains(&surname.to_owned()), "{name}");
        assert!(!e.titles.is_empty(), "{name} has no title");
    }
    assert_no_overlap(&a);
}

// --- invariants ------------------------------------------------------------------

const WORDS: &[&str] = &[
    "the",
    "The",
    "of",
    "and",
    "said",
    "Trump",
    "Trump’s",
    "Donald",
    "U.S.",
    "NATO",
    "President",
    "president",
    "press",
    "secretary",
    "Leavitt",
    "Kyiv",
    "al-",
    "Baghdadi",
    "J.D.",
    "Jr.",
    ",",
    ".",
    "“",
    "”",
    "-",
    "Ukraine",
    "Ukrainian",
    "Bank",
    "England",
    "Gen.",
    "Only",
    "ÉCOLE",
    "Zoë",
    "’s",
    "Mr",
    "&",
    "Party",
    "in",
    "\n",
    "University",
    "of the",
    "WHO",
    "(",
    ")",
];

proptest! {
    #[test]
    fn mentions_never_overlap_and_never_panic(idx in proptest::collection::vec(0..WORDS.len(), 0..80)) {
        let body: Vec<&str> = idx.iter().map(|&i| WORDS[i]).collect();
        let a = parse(&body.join(" "));
        assert_no_overlap(&a);
        let glued = parse(&body.concat());
        assert_no_overlap(&glued);
    }
}

// --- generalisation rules (sentences written for these tests) -------------

#[test]
fn and_between_two_complete_names_splits() {
    let a = parse(
        "The report was praised by Rolling Stone Magazine and Carlo De Benedetti of Italy. \
         Observers said the Tories and the Greens disagreed, but the Transport and General \
         Workers Union stayed quiet while Trinity Mirror and the Daily Mail & General Trust \
         bid.",
    );
    assert!(has(&a, "Rolling Stone Magazine"), "{:?}", names(&a));
    assert_eq!(entity(&a, "Carlo De Benedetti").kind, EntityKind::Person);
    assert!(has(&a, "Italy"));
    assert!(has(&a, "Tories") && has(&a, "Greens"), "{:?}", names(&a));
    assert!(
        has(&a, "Transport and General Workers Union"),
        "{:?}",
        names(&a)
    );
    assert!(has(&a, "Trinity Mirror") && has(&a, "Daily Mail & General Trust"));
    let b = parse("Agents from the FBI and Justice Department arrived.");
    assert!(has(&b, "Justice Department"), "{:?}", names(&b));
    assert_no_overlap(&a);
}

#[test]
fn given_name_that_is_a_title_reads_as_a_name() {
    let a = parse("The inventor Dean Kamen unveiled a scooter. Prince Harry watched.");
    let e = entity(&a, "Dean Kamen");
    assert_eq!(e.kind, EntityKind::Person);
    assert!(e.titles.is_empty(), "{:?}", e.titles);
    assert!(!has(&a, "Kamen"));
    assert!(
        has(&a, "Harry") && !has(&a, "Prince Harry"),
        "{:?}",
        names(&a)
    );
}

#[test]
fn ordinary_capitalised_words_are_not_entities() {
    let a = parse(
        "Increasingly the ministers worried. Realising the cost, they waited. \
         Low-cost carriers complained. New EU rules start soon. He said, 'Look at the \
         figures', and left. Staff at No 10 were told. Some anti-Semitism was reported.",
    );
    for w in [
        "Increasingly",
        "Realising",
        "Low",
        "New EU",
        "Look",
        "No",
        "Semitism",
    ] {
        assert!(!has(&a, w), "{w} in {:?}", names(&a));
    }
    assert!(has(&a, "European Union"), "{:?}", names(&a));
}

#[test]
fn british_spellings_are_common_words() {
    use super::gazetteer::GAZ;
    for w in [
        "Realising",
        "Organisation",
        "Colour",
        "Travelled",
        "Centre",
        "Increasingly",
    ] {
        assert!(GAZ.is_common(w), "{w}");
    }
    assert!(!GAZ.is_common("Kamen") && !GAZ.is_common("Teather"));
}

#[test]
fn organisation_nouns_and_party_labels() {
    let a = parse(
        "Shares rose at US firm Zentrova on Monday. The carmaker Velocar said profits fell. \
         Liberal Democrat Sarah Teather said the Commons should vote.",
    );
    assert_eq!(entity(&a, "Zentrova").kind, EntityKind::Organization);
    assert_eq!(entity(&a, "Velocar").kind, EntityKind::Organization);
    assert_eq!(entity(&a, "Sarah Teather").kind, EntityKind::Person);
    assert_eq!(
        entity(&a, "Liberal Democrats").kind,
        EntityKind::Organization
    );
    assert_eq!(
        entity(&a, "House of Commons").kind,
        EntityKind::Organization
    );
}

#[test]
fn titles_stop_at_prepositions_and_sentence_openers() {
    let a = parse(
        "The analyst Mike Powell of Dresden Capital Partners spoke. \
         Since President Obama left, nothing changed.",
    );
    let d = entity(&a, "Dresden Capital Partners");
    assert!(d.titles.is_empty(), "{:?}", d.titles);
    assert_ne!(d.kind, EntityKind::Person);
    let o = entity(&a, "Obama");
    assert_eq!(o.titles, vec!["President".to_string()]);
}

#[test]
fn shouted_dateline_place_is_known_and_not_an_expansion() {
    let a = parse("NEW YORK (AP) — Officials met on Monday to discuss the budget.");
    let ny = entity(&a, "New York");
    assert_eq!(ny.kind, EntityKind::Place);
    assert!(!ny.aliases.iter().any(|x| x == "AP"), "{:?}", ny.aliases);
}

#[test]
fn courtesy_title_without_period_joins_the_full_name() {
    let a = parse(
        "Prime Minister Tony Blair visited the plant. Mr Blair said the jobs were safe. \
         Later Blair left.",
    );
    let e = entity(&a, "Tony Blair");
    assert_eq!(e.kind, EntityKind::Person);
    assert_eq!(e.mentions.len(), 3, "{:?}", mention_texts(&a, e));
    assert!(e.aliases.iter().any(|x| x == "Blair"));
    assert!(!has(&a, "Mr Blair"));
}
