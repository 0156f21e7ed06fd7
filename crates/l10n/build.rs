//! `include_dir!` cannot tell cargo about files added to `locales/`; this does.
fn main() {
    println!("cargo:rerun-if-changed=../../locales");
}
