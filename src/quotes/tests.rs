//! Quote finding and attribution on sentences written for these tests.

use proptest::prelude::*;

use crate::model::QuoteKind;
use crate::parse::parse_text;

type Found = (String, &'static str, Option<String>, Option<String>);

/// (quote text, kind, speaker text, cue text) of every quote, in order.
fn quotes(text: &str) -> Vec<Found> {
    let a = parse_text("t", text);
    a.quotes
        .iter()
        .map(|q| {
            (
                a.slice(q.span).to_owned(),
                q.kind.as_str(),
                q.speaker.map(|s| a.slice(s.span).to_owned()),
                q.cue.map(|c| a.slice(c).to_owned()),
            )
        })
        .collect()
}

/// The quoted runs only (direct and partial) with their speakers.
fn runs(text: &str) -> Vec<(String, &'static str, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|q| q.1 != "indirect")
        .map(|q| (q.0, q.1, q.2))
        .collect()
}

fn indirect(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|q| q.1 == "indirect")
        .map(|q| (q.0, q.2, q.3))
        .collect()
}

fn run(
    q: &str,
    kind: &'static str,
    speaker: Option<&str>,
) -> (String, &'static str, Option<String>) {
    (q.to_owned(), kind, speaker.map(str::to_owned))
}

#[test]
fn quote_comma_speaker_cue() {
    let text = "“We will win this race,” Smith said.";
    assert_eq!(
        runs(text),
        vec![run("We will win this race,", "direct", Some("Smith"))]
    );
    assert_eq!(quotes(text)[0].3.as_deref(), Some("said"));
}

#[test]
fn quote_cue_speaker_inverted() {
    assert_eq!(
        runs("“The budget is balanced,” said Maria Lopez, the city treasurer."),
        vec![run(
            "The budget is balanced,",
            "direct",
            Some("Maria Lopez")
        )]
    );
    assert_eq!(
        runs("“It is done,” said the mayor."),
        vec![run("It is done,", "direct", Some("the mayor"))]
    );
}

#[test]
fn speaker_cue_colon_or_comma_then_quote() {
    assert_eq!(
        runs("The governor said: “We are ready for the storm.”"),
        vec![run(
            "We are ready for the storm.",
            "direct",
            Some("The governor")
        )]
    );
    assert_eq!(
        runs("Jane Okafor said, “Nobody expected this result.”"),
        vec![run(
            "Nobody expected this result.",
            "direct",
            Some("Jane Okafor")
        )]
    );
}

#[test]
fn split_quote_both_halves() {
    assert_eq!(
        runs("“We tried,” Mr. Brown said, “but the votes were not there.”"),
        vec![
            run("We tried,", "direct", Some("Mr. Brown")),
            run(
                "but the votes were not there.",
                "partial",
                Some("Mr. Brown")
            ),
        ]
    );
}

#[test]
fn apposition_speaker_is_the_name() {
    assert_eq!(
        runs("“Prices will fall,” Ana Ruiz, the head of the central bank, said on Monday."),
        vec![run("Prices will fall,", "direct", Some("Ana Ruiz"))]
    );
    assert_eq!(
        runs("Tom Hale, the chief of staff, said, “The memo is accurate.”"),
        vec![run("The memo is accurate.", "direct", Some("Tom Hale"))]
    );
}

#[test]
fn according_to_after_the_speaker_names_the_outer_source() {
    let text = "“We are not done,” the coach said, according to the Daily Ledger. \
                “Next year is ours.”";
    let r = runs(text);
    assert_eq!(
        r[0],
        run("We are not done,", "direct", Some("the Daily Ledger"))
    );
    assert_eq!(
        r[1],
        run("Next year is ours.", "direct", Some("the Daily Ledger"))
    );
    // A quoted chant with no speaker of its own takes the report's source.
    let text = "The crowd greeted the mayor with chants of “Four more years” at the \
                rally, according to Ana Ruiz, an organiser.";
    assert_eq!(runs(text)[0].2.as_deref(), Some("Ana Ruiz"));
    // A later sentence's `according to` is another attribution.
    let text = "The coach called the loss “a lesson.” She will stay, according to aides.";
    assert_eq!(runs(text)[0].2.as_deref(), Some("The coach"));
    // Without the outer report the speaker stays the coach.
    assert_eq!(
        runs("“We are not done,” the coach said after the game."),
        vec![run("We are not done,", "direct", Some("the coach"))]
    );
}

#[test]
fn quote_after_a_sentence_about_someone_is_theirs() {
    let text = "Mayor Ana Ruiz defended the budget on Friday. “Every school keeps its nurse.”";
    assert_eq!(
        runs(text),
        vec![run(
            "Every school keeps its nurse.",
            "direct",
            Some("Mayor Ana Ruiz")
        )]
    );
}

#[test]
fn pronoun_in_a_clause_gives_way_to_the_subject() {
    assert_eq!(
        runs("Governor Ana Ruiz attacked what she called a “reckless” budget."),
        vec![run("reckless", "partial", Some("Governor Ana Ruiz"))]
    );
    // A pronoun that is the clause's own subject stays.
    assert_eq!(
        runs("The plan failed, and she called it “reckless” on Monday."),
        vec![run("reckless", "partial", Some("she"))]
    );
}

#[test]
fn colon_quote_ending_its_sentence_is_the_left_speakers() {
    let text = "Ana Ruiz asked the board: “Who will pay for this?” Others said the same.";
    assert_eq!(
        runs(text),
        vec![run("Who will pay for this?", "direct", Some("Ana Ruiz"))]
    );
}

#[test]
fn headline_name_and_colon_speaks_for_the_headline() {
    let text = "Ana Ruiz: Schools Worried About Cuts; It Is ‘a Mistake’\n\nThe council met.";
    assert_eq!(
        runs(text),
        vec![run("a Mistake", "partial", Some("Ana Ruiz"))]
    );
}

#[test]
fn name_before_a_participle_cue_speaks() {
    let text = "The ad closes with footage of Ana Ruiz saying, “We will cut taxes.”";
    assert_eq!(
        runs(text),
        vec![run("We will cut taxes.", "direct", Some("Ana Ruiz"))]
    );
}

#[test]
fn coordinated_verbs_share_the_subject() {
    let text = "When the bus left, Ana Ruiz laughed and said, “We will walk.”";
    assert_eq!(
        runs(text),
        vec![run("We will walk.", "direct", Some("Ana Ruiz"))]
    );
}

#[test]
fn quote_running_on_into_the_sentence_is_attributed_at_its_end() {
    let text = "“It looks very unlikely” that the bill passes, said Ana Ruiz, a lobbyist.";
    assert_eq!(
        runs(text),
        vec![run("It looks very unlikely", "direct", Some("Ana Ruiz"))]
    );
    let text = "“We have voted for it twice” and against the cuts, Ortiz said.";
    assert_eq!(
        runs(text),
        vec![run("We have voted for it twice", "direct", Some("Ortiz"))]
    );
}

#[test]
fn counts_are_not_speakers() {
    let text = "Since May, 140 teachers have marched for “fair pay” downtown.";
    assert!(runs(text).is_empty());
}

#[test]
fn quote_after_said_that_is_the_left_speakers() {
    let text = "Ana Ruiz said by email that, “The vote will happen” despite what the board says.";
    assert_eq!(
        runs(text),
        vec![run("The vote will happen", "direct", Some("Ana Ruiz"))]
    );
}

#[test]
fn second_fragment_in_a_sentence_keeps_the_first_ones_speaker() {
    let text = "Though Ruiz called the plan “sloppy” and called for it to be “torn up” \
                before the vote, the board comments later.";
    let r = runs(text);
    assert_eq!(r[1], run("torn up", "partial", Some("Ruiz")));
}

#[test]
fn as_someone_put_it() {
    let text = "The rule demands a “clear public benefit,” as the city charter puts it.";
    assert_eq!(
        runs(text),
        vec![run(
            "clear public benefit,",
            "partial",
            Some("the city charter")
        )]
    );
}

#[test]
fn told_reporters_and_wrote_on_social_media() {
    assert_eq!(
        quotes("“The talks were useful,” Lee told reporters after the meeting.")[0]
            .2
            .as_deref(),
        Some("Lee")
    );
    let q = quotes("“Stay home tonight,” the senator wrote on social media.");
    assert_eq!(q[0].2.as_deref(), Some("the senator"));
    assert_eq!(q[0].3.as_deref(), Some("wrote"));
}

#[test]
fn statement_speakers() {
    let text = "In a statement, the mayor’s office said the bridge would reopen “as soon as it is safe.”\n\n\
                “Repairs have already begun,” the statement added.";
    let r = runs(text);
    assert_eq!(
        r[0],
        run(
            "as soon as it is safe.",
            "partial",
            Some("the mayor’s office")
        )
    );
    assert_eq!(
        r[1],
        run(
            "Repairs have already begun,",
            "direct",
            Some("the statement")
        )
    );
}

#[test]
fn description_speaker_after_quote_without_comma() {
    assert_eq!(
        runs("“We will rebuild every town” the French president affirmed."),
        vec![run(
            "We will rebuild every town",
            "direct",
            Some("the French president")
        )]
    );
}

#[test]
fn following_quote_in_paragraph_continues_speaker() {
    assert_eq!(
        runs("“The plan works,” the minister continued. “It will pass next week.”"),
        vec![
            run("The plan works,", "direct", Some("the minister")),
            run("It will pass next week.", "direct", Some("the minister")),
        ]
    );
}

#[test]
fn quote_only_paragraph_continues_previous_speaker() {
    let text = "“We need more nurses,” Dr. Patel said.\n\n“Every ward is short of staff.”";
    assert_eq!(
        runs(text)[1],
        run("Every ward is short of staff.", "direct", Some("Dr. Patel"))
    );
}

#[test]
fn quote_continued_over_paragraphs_is_one_quote_per_paragraph() {
    let text = "Kim said: “The first part of the story is simple.\n\n\
                “The second part is not, and it took years to learn.”\n\n\
                Later the room was quiet.";
    let r = runs(text);
    assert_eq!(
        r,
        vec![
            run(
                "The first part of the story is simple.",
                "direct",
                Some("Kim")
            ),
            run(
                "The second part is not, and it took years to learn.",
                "direct",
                Some("Kim")
            ),
        ]
    );
}

#[test]
fn pronoun_speakers_are_kept_as_written() {
    let r = runs("The coach spoke after the game. “We were not good enough,” she said.");
    assert_eq!(
        r,
        vec![run("We were not good enough,", "direct", Some("she"))]
    );
}

#[test]
fn partial_quotes_inside_the_writers_sentence() {
    assert_eq!(
        runs("Officials said talks have been “quietly” under way for weeks."),
        vec![run("quietly", "partial", Some("Officials"))]
    );
    assert_eq!(
        runs("The senator called the bill “a disgrace” on Tuesday."),
        vec![run("a disgrace", "partial", Some("The senator"))]
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(runs("The so-called “experts” were nowhere to be seen.").is_empty());
    // An unattributed full sentence in marks is still a quote.
    assert_eq!(
        runs("“We will not back down.”"),
        vec![run("We will not back down.", "direct", None)]
    );
}

#[test]
fn titles_of_works_are_not_quotes() {
    assert!(runs("She appeared on CBS’s “Face the Nation” last week.").is_empty());
    assert!(runs("On an episode of “Morning Desk,” Ruiz said little.").is_empty());
    assert!(runs("In his 2004 book, “Saving Small Towns,” Ortiz argued for it.").is_empty());
    assert!(runs("Callers to his “Straight Talk” radio program agreed.").is_empty());
    assert!(runs("The senator's 1998 “Contract for Rivers” failed.").is_empty());
}

#[test]
fn nicknames_are_not_quotes() {
    assert!(runs("Rep. Roberta “Bobbie” Lane opened the hearing.").is_empty());
    // A headline capitalises every word; its quoted word is still a quote.
    let text = "Lane Calls ‘Reckless’ Budget A Threat\n\nThe council met.";
    assert_eq!(runs(text).len(), 1);
}

#[test]
fn straight_mixed_and_double_apostrophe_marks() {
    assert_eq!(
        runs("\"We will appeal,\" the lawyer said."),
        vec![run("We will appeal,", "direct", Some("the lawyer"))]
    );
    assert_eq!(
        runs("“We will appeal,\" the lawyer said."),
        vec![run("We will appeal,", "direct", Some("the lawyer"))]
    );
    assert_eq!(
        runs("''We will appeal,'' Mr. Reyes said."),
        vec![run("We will appeal,", "direct", Some("Mr. Reyes"))]
    );
}

#[test]
fn single_quotes_in_headlines() {
    let text = "The ‘quiet’ revolution in city budgets\n\nThe council met on Monday.";
    assert!(runs(text).is_empty());
    let text = "Mayor slams ‘reckless’ budget plan\n\nThe council met on Monday.";
    assert_eq!(runs(text), vec![run("reckless", "partial", Some("Mayor"))]);
}

#[test]
fn headline_colon_names_the_speaker() {
    let text = "Harlow: Budget Cuts ‘Will Hurt Schools’\n\nThe council met on Monday.";
    assert_eq!(
        runs(text),
        vec![run("Will Hurt Schools", "partial", Some("Harlow"))]
    );
}

#[test]
fn apostrophes_and_inch_marks_are_not_quotes() {
    let text = "Zelensky’s aides, fans of ’90s rock ’n’ roll, said the 6'3\" guard's team won.";
    assert!(runs(text).is_empty());
    assert_eq!(
        runs("“He is 6'3\" and fast,” the coach said."),
        vec![run("He is 6'3\" and fast,", "direct", Some("the coach"))]
    );
}

#[test]
fn unbalanced_mark_recovers_at_paragraph_end() {
    let text = "“This quote never closes, the writer forgot.\n\n\
                The next paragraph is plain.\n\n\
                “A new quote,” Ms. Diaz said.";
    let r = runs(text);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].0, "This quote never closes, the writer forgot.");
    assert_eq!(r[1], run("A new quote,", "direct", Some("Ms. Diaz")));
}

#[test]
fn markup_left_in_text_is_skipped() {
    let text = "<tweet tweet-id=\"99\">“Great crowd tonight,” Smith wrote.</tweet>";
    assert_eq!(
        runs(text),
        vec![run("Great crowd tonight,", "direct", Some("Smith"))]
    );
}

#[test]
fn transcript_labels_name_the_speaker() {
    let text = "\"HOST: Will you run again?\n\n\"GUEST: I have not decided.\"";
    let r = runs(text);
    assert_eq!(r[0].2.as_deref(), Some("HOST"));
    assert_eq!(r[1].2.as_deref(), Some("GUEST"));
}

#[test]
fn indirect_said_that() {
    assert_eq!(
        indirect("The minister said that the border would stay closed until May."),
        vec![(
            "the border would stay closed until May".to_owned(),
            Some("The minister".to_owned()),
            Some("said".to_owned())
        )]
    );
    assert_eq!(
        indirect("Garcia said Thursday the plant would close.")[0].0,
        "the plant would close"
    );
}

#[test]
fn indirect_according_to_both_sides() {
    assert_eq!(
        indirect("According to the police, the suspect fled on foot.")[0],
        (
            "the suspect fled on foot".to_owned(),
            Some("the police".to_owned()),
            Some("According to".to_owned())
        )
    );
    assert_eq!(
        indirect("The suspect fled on foot, according to the police.")[0].0,
        "The suspect fled on foot"
    );
}

#[test]
fn indirect_told_reporters_and_beliefs() {
    assert_eq!(
        indirect("Ms. Chen told reporters the deal was close.")[0].0,
        "the deal was close"
    );
    assert_eq!(
        indirect("Most voters believe the economy is getting worse.")[0].0,
        "the economy is getting worse"
    );
}

#[test]
fn indirect_clause_before_the_attribution() {
    assert_eq!(
        indirect("The vote will be delayed until spring, officials said.")[0],
        (
            "The vote will be delayed until spring".to_owned(),
            Some("officials".to_owned()),
            Some("said".to_owned())
        )
    );
}

#[test]
fn indirect_may_contain_a_partial_quote() {
    let q = quotes("Leavitt said the talks were “quietly” moving forward.");
    assert_eq!(q[0].0, "the talks were “quietly” moving forward");
    assert_eq!(q[0].1, "indirect");
    assert_eq!(q[1].0, "quietly");
    assert_eq!(q[1].1, "partial");
}

#[test]
fn direct_quote_cue_gives_no_indirect() {
    assert!(indirect("“We won,” Smith said during the rally on Friday.").is_empty());
}

#[test]
fn pronoun_resolves_to_nearest_person_entity() {
    use crate::model::{Article, Entity, EntityKind, Role, Span};
    let text = "Ann Lee spoke. “We are ready,” she said.";
    let mut a = Article::new("t", None, text.to_owned());
    let seg = crate::segment::segment(text);
    a.paragraphs = seg.paragraphs;
    a.sentences = seg.sentences;
    a.entities = vec![Entity {
        id: 0,
        name: "Ann Lee".into(),
        kind: EntityKind::Person,
        titles: vec![],
        aliases: vec![],
        mentions: vec![Span::new(0, 7)],
    }];
    a.index_mentions();
    assert!(a.paragraphs.iter().all(|p| p.role != Role::Aside));
    let q = super::find(&a);
    let speaker = q[0].speaker.expect("speaker");
    assert_eq!(a.slice(speaker.span), "she");
    assert_eq!(speaker.entity, Some(0));
}

#[test]
fn output_is_sorted_by_start_longer_first() {
    let a = parse_text(
        "t",
        "Leavitt said the talks were “quietly” moving forward. “Yes,” he said.",
    );
    let keys: Vec<(usize, std::cmp::Reverse<usize>)> = a
        .quotes
        .iter()
        .map(|q| (q.span.start, std::cmp::Reverse(q.span.end)))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_stay_inside_text_and_runs_never_overlap(
        text in proptest::collection::vec(
            prop_oneof![
                Just("“".to_owned()), Just("”".to_owned()), Just("\"".to_owned()),
                Just("'".to_owned()), Just("''".to_owned()), Just("‘".to_owned()),
                Just("’".to_owned()), Just(", ".to_owned()), Just(". ".to_owned()),
                Just(" said ".to_owned()), Just(" according to ".to_owned()),
                Just("\n\n".to_owned()), Just("\n".to_owned()), Just("<tweet a=\"x\">".to_owned()),
                Just(" he ".to_owned()), Just("Smith".to_owned()), Just(" the mayor ".to_owned()),
                Just(": ".to_owned()), Just("—".to_owned()), Just("6'3\"".to_owned()),
                "[a-zA-Zé ]{0,8}", "\\PC{0,3}",
            ],
            0..40,
        )
    ) {
        let text: String = text.concat();
        let a = parse_text("p", &text);
        let ok = |s: crate::model::Span| {
            s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        };
        for q in &a.quotes {
            prop_assert!(ok(q.span));
            if let Some(sp) = q.speaker {
                prop_assert!(ok(sp.span));
            }
            if let Some(c) = q.cue {
                prop_assert!(ok(c));
            }
        }
        let marked: Vec<_> = a.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).collect();
        for (i, x) in marked.iter().enumerate() {
            for y in &marked[i + 1..] {
                prop_assert!(!x.span.overlaps(y.span), "{:?} overlaps {:?}", x.span, y.span);
            }
        }
        for w in a.quotes.windows(2) {
            prop_assert!((w[0].span.start, std::cmp::Reverse(w[0].span.end)) <= (w[1].span.start, std::cmp::Reverse(w[1].span.end)));
        }
    }
}

#[test]
fn subheads_and_stage_directions_are_not_quotes() {
    let text =
        "The mayor spoke first.\n\n'A Long Road Ahead.'\n\n\"(CROSSTALK.)\"\n\nThen the vote came.";
    assert!(runs(text).is_empty());
}

#[test]
fn relative_who_is_the_speaker_as_written() {
    let r = runs("Dan Ortiz, who ran the campaign, said it was “a long shot” from the start.");
    assert_eq!(r, vec![run("a long shot", "partial", Some("Dan Ortiz"))]);
    let r =
        runs("The plan drew fire from Dan Ortiz, who said it was “a long shot” from the start.");
    assert_eq!(r, vec![run("a long shot", "partial", Some("who"))]);
}

#[test]
fn cue_words_used_as_nouns() {
    assert_eq!(
        runs("“Turnout fell sharply,” the report stated.")[0]
            .2
            .as_deref(),
        Some("the report")
    );
    // "claims" is a noun here, not a cue with speaker "Senate".
    assert_eq!(
        runs("Reviewers graded dozens of Senate claims as “misleading” in May.")[0]
            .2
            .as_deref(),
        Some("Reviewers")
    );
}

#[test]
fn passive_cues() {
    // The speaker of a passive cue follows "by"; without "by" there is none.
    assert_eq!(
        runs("“Blue Skies” was written by Irving Berlin in 1926.")[0]
            .2
            .as_deref(),
        Some("Irving Berlin")
    );
    assert!(
        indirect("Montalvo was charged with taking three hard drives from the office.").is_empty()
    );
}

#[test]
fn signature_line_names_the_speaker() {
    let text = "The senator spoke at length.\n\n\"We will not back down on this.\"\n\n- Jane Doe.\n\nThe claim is false.";
    assert_eq!(runs(text)[0].2.as_deref(), Some("Jane Doe"));
}

#[test]
fn a_time_phrase_is_not_the_subject() {
    // The verb is no speech cue, so the subject of the sentence speaks.
    let text = "Twenty-two years ago, a local paper hailed the mayor as “a hard worker.”";
    let found = runs(text);
    assert_eq!(found.len(), 1);
    let speaker = found[0].2.clone().unwrap_or_default();
    assert!(speaker.starts_with("a local paper"), "{speaker}");
}

#[test]
fn pronoun_after_said_stands_for_the_subject() {
    let text = "Ana Ruiz, the mayor, bemoaned the delays and said she thought that costs \
                were a “very big problem” in the city.";
    assert_eq!(
        runs(text),
        vec![run("very big problem", "partial", Some("Ana Ruiz"))]
    );
}

#[test]
fn a_closing_attribution_covers_the_whole_sentence() {
    let text = "People should stop using vague words like “soon” and “later”, \
                she told the council.";
    let found = runs(text);
    assert_eq!(found.len(), 2);
    assert!(
        found.iter().all(|r| r.2.as_deref() == Some("she")),
        "{found:?}"
    );
}

/// (quote, speaker) of the runs of `text`, for the cases below.
fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    runs(text).into_iter().map(|r| (r.0, r.2)).collect()
}

fn said(q: &str, speaker: &str) -> (String, Option<String>) {
    (q.to_owned(), Some(speaker.to_owned()))
}

#[test]
fn a_possessed_claim_names_its_speaker() {
    assert_eq!(
        speakers(
            "Critics seized on Ana Ruiz’s claim that there were “thousands of cases” last year."
        ),
        vec![said("thousands of cases", "Ana Ruiz’s")]
    );
    assert_eq!(
        speakers(
            "Contrary to his earlier claim that voters would “learn nothing,” the files were released."
        ),
        vec![said("learn nothing,", "his")]
    );
}

#[test]
fn a_clause_after_after_keeps_its_subject() {
    assert_eq!(
        speakers(
            "The vote came three days after Ortiz told the Ledger he was “not quite there yet” on the plan."
        ),
        vec![said("not quite there yet", "Ortiz")]
    );
    assert_eq!(
        speakers("Sen. Lee Park kept asking her why the agency had blamed “spontaneous” protests."),
        vec![said("spontaneous", "Sen. Lee Park")]
    );
}

#[test]
fn relative_clause_then_main_verb() {
    let text = "Ruiz, who called Lee shortly after the result was declared, told her supporters, “I still love this town, and I always will.”";
    assert_eq!(
        speakers(text),
        vec![said("I still love this town, and I always will.", "Ruiz")]
    );
    let direct = quotes(text).into_iter().find(|q| q.1 == "direct");
    assert_eq!(direct.and_then(|q| q.3).as_deref(), Some("told"));
    assert_eq!(
        speakers(
            "The county turned to the sheriff’s office which reported “2,521 incidents” in June."
        ),
        vec![said("2,521 incidents", "which")]
    );
}

#[test]
fn the_next_sentence_does_not_attribute_a_finished_quote() {
    assert_eq!(
        speakers(
            "Asked about it, Ruiz said, “I do take responsibility.” She followed that by saying, “I am not a natural politician.”"
        ),
        vec![
            said("I do take responsibility.", "Ruiz"),
            said("I am not a natural politician.", "She"),
        ]
    );
}

#[test]
fn participles_and_their_speakers() {
    // A bare participle reports for the sentence's subject, over the
    // clause inside it.
    assert_eq!(
        speakers(
            "Ortiz posted a series of messages early Friday saying that Lee had shown bad judgment in choosing Park “as a model of virtue.”"
        ),
        vec![said("as a model of virtue.", "Ortiz")]
    );
    // A year before a participle is nobody: the subject circulates them.
    assert_eq!(
        speakers(
            "Rivals circulated remarks Ortiz made in 2006 saying he “sort of hopes” prices fall."
        ),
        vec![said("sort of hopes", "Rivals")]
    );
}

#[test]
fn contracted_pronouns_speak() {
    assert_eq!(
        speakers(
            "Lee spoke in Ohio on Monday. And he’s predicting that Ortiz “has no chance” of winning."
        ),
        vec![said("has no chance", "he’s")]
    );
}

#[test]
fn speaker_phrases_that_are_not_speakers() {
    // A count closes a description; a past tense after it is its verb.
    assert_eq!(
        speakers(
            "Pressed on why the plan leaves out fathers, the 34-year-old mother of three replied, “It is meant to help mothers.”"
        ),
        vec![said(
            "It is meant to help mothers.",
            "the 34-year-old mother of three"
        )]
    );
    // A bare singular noun is some verb's object, not a speaker.
    let text = "Senator Ana Ruiz is disavowing remarks made by a campaign aide who said voters should not “elect the same people again” at a rally.";
    assert_eq!(
        speakers(text),
        vec![said("elect the same people again", "who")]
    );
    // Negated auxiliaries stand between a speaker and the cue.
    assert_eq!(
        speakers("Ortiz didn’t say the deal was “dead,” but aides were gloomy."),
        vec![said("dead,", "Ortiz")]
    );
}

#[test]
fn unlisted_irregular_verb_after_the_quote() {
    assert_eq!(
        speakers("Lee attacked him again. “Ortiz wants to look tough tonight,” Park shot back."),
        vec![said("Ortiz wants to look tough tonight,", "Park")]
    );
}

#[test]
fn openers_that_are_not_subjects() {
    // A preposition opens a phrase, not the subject.
    assert_eq!(
        speakers(
            "Outside the arena, the protesters gathered, waving signs and chanting “Stop the plan.”"
        ),
        vec![said("Stop the plan.", "the protesters")]
    );
    // After "that", a name is the subject of its own clause.
    assert_eq!(
        speakers(
            "The hearing was so dull that Ms. Park was prompted to say, “I cannot believe how quiet it has been.”"
        ),
        vec![said("I cannot believe how quiet it has been.", "Ms. Park")]
    );
    // After "to", a name is an object (`took to Twitter to accuse`).
    assert_eq!(
        speakers(
            "Ortiz took to Twitter overnight to accuse the council of being “duped” by developers."
        ),
        vec![said("duped", "Ortiz")]
    );
}

#[test]
fn a_second_verb_of_saying_shares_the_subject() {
    assert_eq!(
        speakers(
            "He backed Ruiz over Lee in the primary and said, “Lee has never done anything for us.”"
        ),
        vec![said("Lee has never done anything for us.", "He")]
    );
}

#[test]
fn auxiliaries_and_adverbs_before_a_participle() {
    assert_eq!(
        speakers(
            "The count isn’t over, but the Ruiz campaign is already claiming victory in the so-called “rust belt bracket.”"
        ),
        vec![said("rust belt bracket.", "the Ruiz campaign")]
    );
    assert_eq!(
        speakers(
            "Back in 1999, Ms. Ruiz praised the mayor, telling a radio host: “I wish I could be like her.”"
        ),
        vec![said("I wish I could be like her.", "Ms. Ruiz")]
    );
}

#[test]
fn names_given_in_marks_have_no_speaker() {
    // Kept as partial quotes without a speaker: nobody said them.
    assert_eq!(
        speakers("Ruiz, 44, known online as “Ghostwriter,” was extradited in 2014."),
        vec![("Ghostwriter,".to_owned(), None)]
    );
    assert_eq!(
        speakers(
            "She met resistance at the old firm, renowned for a culture called “The Open Way.”"
        ),
        vec![("The Open Way.".to_owned(), None)]
    );
    // A verb of saying with an object is no naming.
    assert_eq!(
        speakers("Ortiz called the plan “a disaster” on Monday."),
        vec![said("a disaster", "Ortiz")]
    );
}

#[test]
fn unlisted_verb_before_a_colon_after_an_earlier_cue() {
    assert_eq!(
        speakers(
            "She said the figures were sound, to which Ortiz interjected: “That is just not true.”"
        ),
        vec![said("That is just not true.", "Ortiz")]
    );
}

#[test]
fn participles_after_the_quote_do_not_invert() {
    assert_eq!(
        speakers(
            "He also vowed, “We are going to defeat them and we are going to do it fast,” referring to the militants."
        ),
        vec![said(
            "We are going to defeat them and we are going to do it fast,",
            "He"
        )]
    );
    assert_eq!(
        speakers(
            "Supporters shoved a protester, with Ortiz reportedly yelling: “Get him out of here!”"
        ),
        vec![said("Get him out of here!", "Ortiz")]
    );
    assert_eq!(
        speakers("This is “roughly the same lead she has held all month,” reported the Ledger."),
        vec![said(
            "roughly the same lead she has held all month,",
            "the Ledger"
        )]
    );
}

#[test]
fn footage_of_someone_saying() {
    assert_eq!(
        speakers(
            "The advert ends with footage of Ortiz saying during the debate, “That makes me smart,” as Lee objected."
        ),
        vec![said("That makes me smart,", "Ortiz")]
    );
}

#[test]
fn according_to_takes_the_whole_source_phrase() {
    let text = "According to Ruritania’s Ambassador to the United States Ana Ruiz, the visit shows progress.";
    let ind = indirect(text);
    assert_eq!(
        ind[0].1.as_deref(),
        Some("Ruritania’s Ambassador to the United States Ana Ruiz")
    );
    // A name in apposition belongs to the source, not to the clause.
    let text = "According to the team’s coach, Lee Park, the robot scored two points.";
    assert_eq!(
        indirect(text),
        vec![(
            "the robot scored two points".to_owned(),
            Some("the team’s coach, Lee Park".to_owned()),
            Some("According to".to_owned())
        )]
    );
}

#[test]
fn a_capitalised_adverb_starts_a_new_sentence_after_a_quote() {
    assert_eq!(
        speakers(
            "Ruiz said in the spring, “I did not send any classified material.” Later she revised her statement, explaining that she had not kept copies."
        ),
        vec![said("I did not send any classified material.", "Ruiz")]
    );
}

#[test]
fn a_name_after_a_dash_before_the_colon() {
    assert_eq!(
        speakers(
            "POLLS NOT WRONG, JUST TOO EARLY - Ana Ruiz and Lee Park: “The polls simply ended too early.”"
        ),
        vec![said(
            "The polls simply ended too early.",
            "Ana Ruiz and Lee Park"
        )]
    );
}

#[test]
fn a_participle_reports_for_the_subject_before_a_title() {
    assert_eq!(
        speakers(
            "Sen. Ana Ruiz visited the “Morning” show to discuss her rival, Lee Park, saying “on his worst day” he would do better."
        ),
        vec![said("on his worst day", "Sen. Ana Ruiz")]
    );
}

#[test]
fn a_one_word_opener_before_the_subject() {
    assert_eq!(
        speakers(
            "And then Ortiz went fully on the attack, saying, “Is the mayor ever going to answer the question?”"
        ),
        vec![said(
            "Is the mayor ever going to answer the question?",
            "Ortiz"
        )]
    );
}

#[test]
fn an_unlisted_inversion_after_the_quote() {
    assert_eq!(
        speakers("“The game is theirs to lose,” predicted Mr Weiner."),
        vec![said("The game is theirs to lose,", "Mr Weiner")]
    );
}
