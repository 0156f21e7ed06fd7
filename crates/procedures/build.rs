//! `include_dir!` cannot tell cargo about files added to `catalog/`; this does.
fn main() {
    println!("cargo:rerun-if-changed=../../catalog");
}
