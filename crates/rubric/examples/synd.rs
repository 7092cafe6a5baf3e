use interview_rubric::syntax::{SentenceSyntax, Tagged};
fn main() {
    for text in std::env::args().skip(1) {
        let t = Tagged::new(&text);
        let s = SentenceSyntax {
            tagged: &t,
            text: &text,
            offset: 0,
            first_word: 0,
        };
        for i in 0..s.words().len() {
            let p = s
                .phrase_at(i)
                .map(|p| format!("{:?}h{}", p.tokens, p.head))
                .unwrap_or_default();
            print!("{}:{}/{:?}[{}] ", i, t.lower(i), s.pos(i), p);
        }
        println!();
        for c in s.clauses() {
            println!(
                "  clause {:?} subj={:?} verb={} copula={} obj={:?}",
                c.tokens,
                c.subject.as_ref().map(|p| (p.tokens.clone(), p.head)),
                c.verb,
                c.copula,
                c.object.as_ref().map(|p| p.tokens.clone())
            );
        }
    }
}
