//! Prints who said what, the actors and the statistics of an article.
//!
//! `cargo run --example who_said_what -- examples/seed_article.txt`

use newsparse::Parser;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/seed_article.txt".into());
    let text = std::fs::read_to_string(&path)?;
    let parser = Parser::new();
    let article = parser.parse(&text)?;
    println!("title: {:?}", article.title());
    for s in article.statements() {
        let who = article.speaker(s).map_or("?", |a| a.name.as_str());
        let cue = s.cue.map_or("", |c| article.slice(c));
        let what: Vec<&str> = s.content.iter().map(|&c| article.slice(c)).collect();
        println!("[{}] {who} ({cue}): {}", s.kind.as_str(), what.join(" … "));
    }
    for a in article.actors() {
        println!(
            "actor {} {:?} {:?} {:?} ×{}",
            a.kind.as_str(),
            a.name,
            a.titles,
            a.affiliation,
            a.mentions.len()
        );
    }
    for st in article.statistics() {
        println!(
            "statistic {:?}: value {:?} ({}) unit {:?} context {:?}",
            article.slice(st.span),
            st.value,
            st.qualifier.as_str(),
            st.unit,
            st.context
        );
    }
    Ok(())
}
