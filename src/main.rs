//! The `loopscope` binary: the headless runner natively, the web app on wasm32.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
fn main() {
    loopscope::ui::start();
}
