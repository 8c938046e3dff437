use clap::Parser;

fn main() {
    let cli = byline::cli::Cli::parse();
    match byline::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("byline: error: {e:#}");
            std::process::exit(1);
        }
    }
}
