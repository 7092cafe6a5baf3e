//! Rebuild when a category file is added, removed or edited: include_dir alone does not tell Cargo.

fn main() {
    println!("cargo::rerun-if-changed=../../content");
}
