//! Symbols and colours of the cli reporter: Newman's unicode set or the `--disable-unicode`
//! words, and ANSI colours only when colour is on.

/// The symbols one run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    pub folder: &'static str,
    pub root: &'static str,
    pub sub: &'static str,
    pub ok: &'static str,
    /// After the ordinal of a script error (`1⠄ ReferenceError in test-script`).
    pub error_dot: &'static str,
    pub console_top: &'static str,
    pub console_middle: &'static str,
    pub console_bottom: &'static str,
    pub star: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub table: TableChars,
}

/// Box-drawing characters of the summary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableChars {
    pub top: &'static str,
    pub top_mid: &'static str,
    pub top_left: &'static str,
    pub top_right: &'static str,
    pub bottom: &'static str,
    pub bottom_left: &'static str,
    pub bottom_right: &'static str,
    pub left: &'static str,
    pub left_mid: &'static str,
    pub mid: &'static str,
    pub mid_mid: &'static str,
    pub bottom_mid: &'static str,
    pub right: &'static str,
    pub right_mid: &'static str,
    pub middle: &'static str,
}

const UNICODE: Symbols = Symbols {
    folder: "❏",
    root: "→",
    sub: "↳",
    ok: "✓",
    error_dot: "⠄",
    console_top: "┌",
    console_middle: "│",
    console_bottom: "└",
    star: "★",
    up: "↑",
    down: "↓",
    table: TableChars {
        top: "─",
        top_mid: "┬",
        top_left: "┌",
        top_right: "┐",
        bottom: "─",
        bottom_left: "└",
        bottom_right: "┘",
        left: "│",
        left_mid: "├",
        mid: "─",
        mid_mid: "┼",
        bottom_mid: "┴",
        right: "│",
        right_mid: "┤",
        middle: "│",
    },
};

const PLAIN: Symbols = Symbols {
    folder: "Folder",
    root: "Root",
    sub: "Sub-folder",
    ok: "Pass",
    error_dot: ".",
    console_top: "-",
    console_middle: "|",
    console_bottom: "-",
    star: "*",
    up: "^",
    down: "v",
    table: TableChars {
        top: "-",
        top_mid: "-",
        top_left: "-",
        top_right: "-",
        bottom: "-",
        bottom_left: "-",
        bottom_right: "-",
        left: "|",
        left_mid: "-",
        mid: "-",
        mid_mid: "+",
        bottom_mid: "-",
        right: "|",
        right_mid: "-",
        middle: "|",
    },
};

impl Symbols {
    pub fn new(unicode: bool) -> Self {
        if unicode {
            UNICODE
        } else {
            PLAIN
        }
    }
}

/// A colour (or colour + attribute) as Newman's `colors` package names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Plain,
    Gray,
    Green,
    Red,
    RedBold,
    RedUnderline,
    GrayUnderline,
    Cyan,
    Yellow,
    Blue,
    White,
    BrightWhite,
}

impl Paint {
    /// The colour of a `console.<level>` box (Newman's theme: log grey, info cyan, warn yellow,
    /// debug blue, error red).
    pub fn for_console_level(level: &str) -> Paint {
        match level {
            "info" => Paint::Cyan,
            "warn" => Paint::Yellow,
            "debug" => Paint::Blue,
            "error" => Paint::Red,
            _ => Paint::Gray,
        }
    }

    fn codes(self) -> &'static [(&'static str, &'static str)] {
        const FG_END: &str = "\x1b[39m";
        match self {
            Paint::Plain => &[],
            Paint::Gray => &[("\x1b[90m", FG_END)],
            Paint::Green => &[("\x1b[32m", FG_END)],
            Paint::Red => &[("\x1b[31m", FG_END)],
            Paint::RedBold => &[("\x1b[31m", FG_END), ("\x1b[1m", "\x1b[22m")],
            Paint::RedUnderline => &[("\x1b[31m", FG_END), ("\x1b[4m", "\x1b[24m")],
            Paint::GrayUnderline => &[("\x1b[90m", FG_END), ("\x1b[4m", "\x1b[24m")],
            Paint::Cyan => &[("\x1b[36m", FG_END)],
            Paint::Yellow => &[("\x1b[33m", FG_END)],
            Paint::Blue => &[("\x1b[34m", FG_END)],
            Paint::White => &[("\x1b[37m", FG_END)],
            Paint::BrightWhite => &[("\x1b[97m", FG_END)],
        }
    }
}

/// Applies paints when colour is on; returns text untouched otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn paint(&self, paint: Paint, text: &str) -> String {
        let codes = paint.codes();
        if !self.color || codes.is_empty() || text.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 20);
        for (open, _) in codes {
            out.push_str(open);
        }
        out.push_str(text);
        for (_, close) in codes.iter().rev() {
            out.push_str(close);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_when_on() {
        let on = Style { color: true };
        let off = Style { color: false };
        assert_eq!(off.paint(Paint::Red, "x"), "x");
        assert_eq!(on.paint(Paint::Red, "x"), "\x1b[31mx\x1b[39m");
        assert_eq!(
            on.paint(Paint::RedBold, "x"),
            "\x1b[31m\x1b[1mx\x1b[22m\x1b[39m"
        );
        assert_eq!(on.paint(Paint::Plain, "x"), "x");
        assert_eq!(on.paint(Paint::Gray, ""), "");
    }

    #[test]
    fn plain_symbols_are_words() {
        assert_eq!(Symbols::new(false).folder, "Folder");
        assert_eq!(Symbols::new(true).sub, "↳");
        assert_eq!(Paint::for_console_level("warn"), Paint::Yellow);
        assert_eq!(Paint::for_console_level("log"), Paint::Gray);
    }
}
