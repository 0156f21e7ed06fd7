//! Answers one ask of the UI tests (JSON on standard input) as Rust does,
//! on standard output: the UI tests' backend calls it while it records
//! what the tests ask (`RECORD_FIXTURES=1`, see `scripts/update-ui-fixtures.sh`).

#[path = "../tests/ui_answers/mod.rs"]
mod ui_answers;

use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .expect("an ask on standard input");
    let ask: serde_json::Value = serde_json::from_str(&input).expect("the ask is JSON");
    let catalog = procedures::Catalog::bundled().expect("the bundled catalog loads");
    println!("{}", ui_answers::answer(&catalog, &ask));
}
