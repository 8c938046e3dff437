//! Word lists compiled in from `data/` (see `data/SOURCES.md`).
//!
//! Format shared by every list: one entry per line, `#` starts a comment
//! line, blank lines are ignored, and `[name]` starts a named section.

/// The entries of `data`, in order, with their section ("" before any).
pub fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    data.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line))
    })
}

/// The entries of one section.
pub fn section(data: &'static str, name: &'static str) -> impl Iterator<Item = &'static str> {
    entries(data)
        .filter(move |(s, _)| *s == name)
        .map(|(_, e)| e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_comments() {
        let data = "# c\na\n\n[x]\nb\n[y]\nc d\n";
        let all: Vec<_> = entries(data).collect();
        assert_eq!(all, vec![("", "a"), ("x", "b"), ("y", "c d")]);
        assert_eq!(section(data, "y").collect::<Vec<_>>(), vec!["c d"]);
    }
}
