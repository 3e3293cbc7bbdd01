//! How the cli reporter writes sizes, durations and wrapped text, the way Newman's helpers do:
//! sizes like the `filesize` package without a spacer (`485B`, `1.37kB`), durations like
//! Newman's `prettyms` (`740µs`, `42ms`, `2.3s`, `1m 5.2s`).

/// Bytes in SI units (base 1000, two decimals at most): `0B`, `485B`, `1.37kB`, `2MB`.
pub fn filesize(bytes: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    if bytes == 0 {
        return "0B".into();
    }
    let mut exp = 0usize;
    let mut scaled = bytes as f64;
    while scaled >= 1000.0 && exp < UNITS.len() - 1 {
        scaled /= 1000.0;
        exp += 1;
    }
    let mut rounded = (scaled * 100.0).round() / 100.0;
    if rounded >= 1000.0 && exp < UNITS.len() - 1 {
        rounded = 1.0;
        exp += 1;
    }
    format!("{}{}", trim_number(rounded), UNITS[exp])
}

/// `1.50` → `1.5`, `2.00` → `2` (what JavaScript prints for a rounded number).
fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Newman's duration format: under 1 ms in whole µs, under 1998 ms in whole ms, else
/// `pretty-ms` (`2.3s`, `1m 5.2s`, `2h 1m 3s`).
pub fn prettyms(ms: f64) -> String {
    if !ms.is_finite() || ms < 1.0 {
        let micros = if ms.is_finite() {
            (ms * 1000.0).trunc()
        } else {
            0.0
        };
        return format!("{}µs", micros as i64);
    }
    if ms < 1998.0 {
        return format!("{}ms", ms.trunc() as i64);
    }
    long_duration(ms)
}

/// `pretty-ms` for durations of a second and more: units from years down to seconds (floored
/// to one decimal, `.0` dropped), zero units left out.
fn long_duration(ms: f64) -> String {
    let days = (ms / 86_400_000.0).trunc() as u64;
    let parts = [
        (days / 365, "y"),
        (days % 365, "d"),
        ((ms / 3_600_000.0).trunc() as u64 % 24, "h"),
        ((ms / 60_000.0).trunc() as u64 % 60, "m"),
    ];
    let mut out: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    let seconds = (ms / 1000.0) % 60.0;
    let tenths = (seconds * 10.0 + 0.000_000_1).floor() / 10.0;
    if tenths > 0.0 {
        let text = format!("{tenths:.1}");
        out.push(format!("{}s", text.strip_suffix(".0").unwrap_or(&text)));
    }
    out.join(" ")
}

/// Left-pads `n` with spaces to `width` (Newman's `padLeft`).
pub fn pad_left(n: usize, width: usize) -> String {
    format!("{n:>width$}")
}

/// Splits `text` into lines of at most `width` characters, as Newman's `word-wrap` with
/// `cut: true` does: every source line is cut into pieces and empty lines disappear. Never
/// returns an empty list (an empty message still draws one line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let chars: Vec<char> = line.chars().collect();
        for piece in chars.chunks(width.max(1)) {
            lines.push(piece.iter().collect());
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Display width of plain text (one column per character).
pub fn width(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_like_filesize() {
        assert_eq!(filesize(0), "0B");
        assert_eq!(filesize(485), "485B");
        assert_eq!(filesize(999), "999B");
        assert_eq!(filesize(1000), "1kB");
        assert_eq!(filesize(1371), "1.37kB");
        assert_eq!(filesize(1500), "1.5kB");
        assert_eq!(filesize(2048), "2.05kB");
        assert_eq!(filesize(999_999), "1MB");
        assert_eq!(filesize(12_345_678), "12.35MB");
    }

    #[test]
    fn durations_like_newman() {
        assert_eq!(prettyms(0.0), "0µs");
        assert_eq!(prettyms(0.74), "740µs");
        assert_eq!(prettyms(42.9), "42ms");
        assert_eq!(prettyms(1997.9), "1997ms");
        assert_eq!(prettyms(1999.0), "1.9s");
        assert_eq!(prettyms(2345.0), "2.3s");
        assert_eq!(prettyms(60_000.0), "1m");
        assert_eq!(prettyms(65_250.0), "1m 5.2s");
        assert_eq!(prettyms(7_263_000.0), "2h 1m 3s");
        assert_eq!(prettyms(f64::NAN), "0µs");
    }

    #[test]
    fn wrap_cuts_and_drops_blank_lines() {
        assert_eq!(wrap("abcdef", 4), vec!["abcd", "ef"]);
        assert_eq!(wrap("a\n\nb", 4), vec!["a", "b"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(pad_left(4, 3), "  4");
        assert_eq!(pad_left(1234, 3), "1234");
    }
}
