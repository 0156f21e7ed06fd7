//! `dvc-import`: a definition skeleton from the national portal's procedure
//! JSON, or what changed between a catalog definition and a newer portal file.
//!
//! ```text
//! dvc-import --checked dd/mm/yyyy <portal.json>    skeleton TOML on stdout
//! dvc-import --diff <catalog.toml> <portal.json>   differences, one a line
//! ```
//!
//! Exit code: 0 done (for `--diff`: nothing differs), 1 something differs,
//! 2 an error.

use std::process::ExitCode;

use importer::{Error, Result};

const USAGE: &str =
    "usage:\n  dvc-import --checked dd/mm/yyyy <portal.json>\n  dvc-import --diff <catalog.toml> <portal.json>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let run = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["--checked", day, portal] | [portal, "--checked", day] if !portal.starts_with("--") => skeleton(portal, day),
        ["--diff", definition, portal] => diff(definition, portal),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dvc-import: {e}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        file: path.to_owned(),
        source,
    })
}

fn skeleton(portal: &str, checked: &str) -> Result<ExitCode> {
    print!("{}", importer::skeleton(portal, &read(portal)?, checked)?);
    Ok(ExitCode::SUCCESS)
}

fn diff(definition: &str, portal: &str) -> Result<ExitCode> {
    let differences = importer::differences(definition, &read(definition)?, portal, &read(portal)?)?;
    if differences.is_empty() {
        println!("{definition} agrees with {portal}.");
        return Ok(ExitCode::SUCCESS);
    }
    for difference in &differences {
        println!("{difference}");
    }
    println!("{} differences between {definition} and {portal}.", differences.len());
    Ok(ExitCode::from(1))
}
