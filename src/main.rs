//! The `postie` binary: hand the command line to the library and return its exit code.

fn main() -> std::process::ExitCode {
    postie::cli::main(std::env::args_os().skip(1).collect())
}
