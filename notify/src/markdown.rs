//! GOV.UK Notify's markdown: mistune 0.8.4 with Notify's grammar changes, rendered to an
//! HTML email body, its plain-text alternative and its preheader.
//!
//! Notify's markdown is not CommonMark (`*one` is a bullet, `^` marks inset text, emphasis
//! and code are left as typed), so the grammar here is mistune 0.8.4's, pattern for pattern,
//! with the same rule order. Python's `$` (end, or before a final newline) is written as
//! `(?=\n?\z)`.

use fancy_regex::{Captures, Regex};
use std::sync::OnceLock;

use crate::literal;
use crate::qr_code;

/// Which of Notify's renderers to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavour {
    /// The HTML email body (`NotifyEmailMarkdownRenderer`).
    EmailHtml,
    /// The `text/plain` email body (`NotifyPlainTextEmailMarkdownRenderer`).
    PlainText,
    /// The hidden preheader (`NotifyEmailPreheaderMarkdownRenderer`).
    Preheader,
    /// The HTML of a letter (`NotifyLetterMarkdownPreviewRenderer`), for printing.
    Letter,
}

const LINK_STYLE: &str = "word-wrap: break-word; color: #1D70B8;";
const PARAGRAPH_STYLE: &str =
    "Margin: 0 0 20px 0; font-size: 19px; line-height: 25px; color: #0B0C0C;";
const LIST_ITEM_MARKER: &str = "\u{1F1EC}\u{1F1E7}\u{1F426}\u{2709}\u{FE0F}";
const COLUMN_WIDTH: usize = 65;

/// Python's `$` outside a character class, for patterns compiled without `re.M`.
fn python(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` straight after `[` is literal.
                let rest = chars.as_str();
                if let Some(stripped) = rest.strip_prefix("^]") {
                    out.push_str("^]");
                    chars = stripped.chars();
                } else if let Some(stripped) = rest.strip_prefix(']') {
                    out.push(']');
                    chars = stripped.chars();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '$' if !in_class => out.push_str(r"(?=\n?\z)"),
            _ => out.push(c),
        }
    }
    out
}

fn pure(pattern: &str) -> &str {
    pattern.strip_prefix('^').unwrap_or(pattern)
}

struct Grammar {
    def_links: Regex,
    def_footnotes: Regex,
    newline: Regex,
    block_code: Regex,
    fences: Regex,
    hrule: Regex,
    heading: Regex,
    lheading: Regex,
    block_quote: Regex,
    block_quote_leading: Regex,
    block_code_leading: Regex,
    list_block: Regex,
    list_item: Regex,
    list_bullet: Regex,
    paragraph: Regex,
    block_html: Regex,
    table: Regex,
    nptable: Regex,
    block_text: Regex,
    inline_escape: Regex,
    inline_html: Regex,
    autolink: Regex,
    url: Regex,
    footnote: Regex,
    link: Regex,
    reflink: Regex,
    nolink: Regex,
    linebreak: Regex,
    inline_text: Regex,
    loose: Regex,
    blank_lines: Regex,
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants; a failure here is a bug caught by every test.
    Regex::new(&python(pattern)).expect("markdown grammar compiles")
}

fn grammar() -> &'static Grammar {
    static GRAMMAR: OnceLock<Grammar> = OnceLock::new();
    GRAMMAR.get_or_init(|| {
        let inline_tags = "a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img|font";
        let valid_end = r"(?!:/|[^\w\s@]*@)\b";
        let valid_attr = r#"\s*[a-zA-Z\-](?:\s*\=\s*(?:"[^"]*"|'[^']*'|[^\s'">]+))?"#;
        let block_tag = format!(r"(?!(?:{inline_tags})\b)\w+{valid_end}");

        let def_links = r#"^ *\[([^^\]]+)\]: *<?([^\s>]+)>?(?: +["(]([^\n]+)[")])? *(?:\n+|$)"#;
        let def_footnotes = r"^\[\^([^\]]+)\]: *([^\n]*(?:\n+|$)(?: {1,}[^\n]*(?:\n+|$))*)";
        let fences = r"^ *(`{3,}|~{3,}) *([^`\s]+)? *\n([\s\S]+?)\s*\1 *(?:\n+|$)";
        let hrule = r"^ {0,3}[-*_](?: *[-*_]){2,} *(?:\n+|$)";
        let heading = r"^ *(#{1,6}) *([^\n]+?) *#* *(?:\n+|$)";
        let lheading = r"^([^\n]+)\n *(=|-)+ *(?:\n+|$)";
        let original_block_quote = r"^( *>[^\n]+(\n[^\n]+)*\n*)+";
        let original_list_block = format!(
            r"^( *)(?=[*+-]|\d+\.)(([*+-])?(?:\d+\.)?) [\s\S]+?(?:\n+(?=\1?(?:[-*_] *){{3,}}(?:\n+|$))|\n+(?={})|\n+(?={})|\n+(?=\1(?(3)\d+\.|[*+-]) )|\n{{2,}}(?! )(?!\1(?:[*+-]|\d+\.) )\n*|\s*$)",
            pure(def_links),
            pure(def_footnotes)
        );
        // Notify patches the list and block-quote rules after mistune builds its paragraph
        // rule, so the paragraph rule still stops at mistune's original ones.
        let paragraph = format!(
            r"^((?:[^\n]+\n?(?!{}|{}|{}|{}|{}|{}|{}|{}|<{}))+)\n*",
            pure(fences).replace(r"\1", r"\2"),
            pure(&original_list_block).replace(r"\1", r"\3"),
            pure(hrule),
            pure(heading),
            pure(lheading),
            pure(original_block_quote),
            pure(def_links),
            pure(def_footnotes),
            block_tag,
        );
        let list_block = format!(
            r"^( *)([•*-]|\d+\.)[\s\S]+?(?:\n+(?=\1?(?:[-*_] *){{3,}}(?:\n+|$))|\n+(?={})|\n+(?={})|\n{{2,}}(?! )(?!\1(?:[•*-]|\d+\.) )\n*|\s*$)",
            pure(def_links),
            pure(def_footnotes)
        );
        let block_html = format!(
            r"^ *(?:<!--[\s\S]*?-->|<({block_tag})((?:{valid_attr})*?)>([\s\S]*?)<\/\1>|<{block_tag}(?:{valid_attr})*?\s*\/?>) *(?:\n{{2,}}|\s*$)"
        );
        let inline_html = format!(
            r"^(?:<!--[\s\S]*?-->|<(\w+{valid_end})((?:{valid_attr})*?)\s*>([\s\S]*?)<\/\1>|<\w+{valid_end}(?:{valid_attr})*?\s*\/?>)"
        );
        Grammar {
            def_links: compile(def_links),
            def_footnotes: compile(def_footnotes),
            newline: compile(r"^\n+"),
            block_code: compile(r"^( {4}[^\n]+\n*)+"),
            fences: compile(fences),
            hrule: compile(hrule),
            heading: compile(heading),
            lheading: compile(lheading),
            block_quote: compile(r"^( *\^[^\n]+(\n[^\n]+)*\n*)+"),
            block_quote_leading: compile(r"(?m)^ *\^ ?"),
            block_code_leading: compile(r"(?m)^ {4}"),
            list_block: compile(&list_block),
            list_item: compile(r"(?m)^(( *)(?:[•*-]|\d+\.)[^\n]*(?:\n(?!\2(?:[•*-]|\d+\.))[^\n]*)*)"),
            list_bullet: compile(r"^ *(?:[•*-]|\d+\.)"),
            paragraph: compile(&paragraph),
            block_html: compile(&block_html),
            table: compile(r"^ *\|(.+)\n *\|( *[-:]+[-| :]*)\n((?: *\|.*(?:\n|$))*)\n*"),
            nptable: compile(r"^ *(\S.*\|.*)\n *([-:]+ *\|[-| :]*)\n((?:.*\|.*(?:\n|$))*)\n*"),
            block_text: compile(r"^[^\n]+"),
            inline_escape: compile(r"^\\([\\`*{}\[\]()#+\-.!_>~|])"),
            inline_html: compile(&inline_html),
            autolink: compile(r"^<([^ >]+(@|:)[^ >]+)>"),
            url: compile(r#"^(https?:\/\/[^\s<]+[^<.,:"')\]\s])"#),
            footnote: compile(r"^\[\^([^\]]+)\]"),
            link: compile(
                r#"^!?\[((?:\[[^^\]]*\]|[^\[\]]|\](?=[^\[]*\]))*)\]\(\s*(<)?([\s\S]*?)(?(2)>)(?:\s+['"]([\s\S]*?)['"])?\s*\)"#,
            ),
            reflink: compile(
                r"^!?\[((?:\[[^^\]]*\]|[^\[\]]|\](?=[^\[]*\]))*)\]\s*\[([^^\]]*)\]",
            ),
            nolink: compile(r"^!?\[((?:\[[^\]]*\]|[^\[\]])*)\]"),
            linebreak: compile(r"^ *\n(?!\s*$)"),
            inline_text: compile(r"^[\s\S]+?(?=[\\<!\[_*`~]|https?://| *\n|$)"),
            loose: compile(r"\n\n(?!\s*$)"),
            blank_lines: compile(r"(?m)^ +$"),
        }
    })
}

fn captures<'t>(regex: &Regex, text: &'t str) -> Option<Captures<'t, str>> {
    // A pattern that gives up (backtracking limit) counts as not matching, as a rule that
    // does not apply: the text falls through to the plain-text rules.
    regex.captures(text).ok().flatten()
}

fn group<'t>(caps: &Captures<'t, str>, index: usize) -> Option<&'t str> {
    caps.get(index).map(|m| m.as_str())
}

#[derive(Debug, Clone)]
enum Token {
    Newline,
    Hrule,
    Code(String),
    Heading(usize, String),
    Table,
    BlockQuoteStart,
    BlockQuoteEnd,
    ListStart(bool),
    ListEnd,
    ListItemStart,
    LooseItemStart,
    ListItemEnd,
    Html(String),
    Paragraph(String),
    Text(String),
    FootnoteStart,
    FootnoteEnd,
}

#[derive(Default)]
struct BlockLexer {
    tokens: Vec<Token>,
    links: Vec<(String, String, Option<String>)>,
    footnotes: Vec<String>,
    list_depth: usize,
    quote_depth: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rules {
    Default,
    List,
    Footnote,
}

const MAX_DEPTH: usize = 6;

fn keyify(key: &str) -> String {
    let escaped = escape(&key.to_lowercase(), true, true);
    escaped.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl BlockLexer {
    fn parse(&mut self, text: &str, rules: Rules) {
        let g = grammar();
        let mut text = text.trim_end_matches('\n');
        while !text.is_empty() {
            let consumed = self.step(g, text, rules);
            // Every rule consumes at least one character; the text rule always matches.
            let consumed = consumed.max(text.chars().next().map_or(1, char::len_utf8));
            text = text.get(consumed..).unwrap_or("");
        }
    }

    fn step(&mut self, g: &Grammar, text: &str, rules: Rules) -> usize {
        let order: &[&str] = match rules {
            Rules::Default => &[
                "newline",
                "hrule",
                "block_code",
                "fences",
                "heading",
                "nptable",
                "lheading",
                "block_quote",
                "list_block",
                "block_html",
                "def_links",
                "def_footnotes",
                "table",
                "paragraph",
                "text",
            ],
            Rules::List => &[
                "newline",
                "block_code",
                "fences",
                "lheading",
                "hrule",
                "block_quote",
                "list_block",
                "block_html",
                "text",
            ],
            Rules::Footnote => &[
                "newline",
                "block_code",
                "fences",
                "heading",
                "nptable",
                "lheading",
                "hrule",
                "block_quote",
                "list_block",
                "block_html",
                "table",
                "paragraph",
                "text",
            ],
        };
        for rule in order {
            let regex = match *rule {
                "newline" => &g.newline,
                "hrule" => &g.hrule,
                "block_code" => &g.block_code,
                "fences" => &g.fences,
                "heading" => &g.heading,
                "nptable" => &g.nptable,
                "lheading" => &g.lheading,
                "block_quote" => &g.block_quote,
                "list_block" => &g.list_block,
                "block_html" => &g.block_html,
                "def_links" => &g.def_links,
                "def_footnotes" => &g.def_footnotes,
                "table" => &g.table,
                "paragraph" => &g.paragraph,
                _ => &g.block_text,
            };
            let Some(caps) = captures(regex, text) else {
                continue;
            };
            let whole = group(&caps, 0).unwrap_or("");
            match *rule {
                "newline" => {
                    if whole.len() > 1 {
                        self.tokens.push(Token::Newline);
                    }
                }
                "hrule" => self.tokens.push(Token::Hrule),
                "block_code" => {
                    let code = g.block_code_leading.replace_all(whole, "").into_owned();
                    self.tokens.push(Token::Code(code));
                }
                "fences" => self
                    .tokens
                    .push(Token::Code(group(&caps, 3).unwrap_or("").to_owned())),
                "heading" => self.tokens.push(Token::Heading(
                    group(&caps, 1).map_or(1, str::len),
                    group(&caps, 2).unwrap_or("").to_owned(),
                )),
                "lheading" => self.tokens.push(Token::Heading(
                    if group(&caps, 2) == Some("=") { 1 } else { 2 },
                    group(&caps, 1).unwrap_or("").to_owned(),
                )),
                "nptable" | "table" => self.tokens.push(Token::Table),
                "block_quote" => {
                    self.tokens.push(Token::BlockQuoteStart);
                    self.quote_depth += 1;
                    if self.quote_depth > MAX_DEPTH {
                        self.tokens.push(Token::Text(whole.to_owned()));
                    } else {
                        let inner = g.block_quote_leading.replace_all(whole, "").into_owned();
                        self.parse(&inner, Rules::Default);
                    }
                    self.tokens.push(Token::BlockQuoteEnd);
                    self.quote_depth -= 1;
                }
                "list_block" => {
                    let bullet = group(&caps, 2).unwrap_or("");
                    self.tokens.push(Token::ListStart(bullet.contains('.')));
                    self.list_depth += 1;
                    if self.list_depth > MAX_DEPTH {
                        self.tokens.push(Token::ListItemStart);
                        self.tokens.push(Token::Text(whole.to_owned()));
                        self.tokens.push(Token::ListItemEnd);
                    } else {
                        self.list_items(g, whole);
                    }
                    self.tokens.push(Token::ListEnd);
                    self.list_depth -= 1;
                }
                "block_html" => self.tokens.push(Token::Html(whole.to_owned())),
                "def_links" => {
                    let key = keyify(group(&caps, 1).unwrap_or(""));
                    let link = group(&caps, 2).unwrap_or("").to_owned();
                    let title = group(&caps, 3).map(str::to_owned);
                    self.links.retain(|(existing, _, _)| existing != &key);
                    self.links.push((key, link, title));
                }
                "def_footnotes" => {
                    let key = keyify(group(&caps, 1).unwrap_or(""));
                    if !self.footnotes.contains(&key) {
                        self.footnotes.push(key.clone());
                        self.tokens.push(Token::FootnoteStart);
                        let body = dedent_footnote(group(&caps, 2).unwrap_or(""));
                        self.parse(&body, Rules::Footnote);
                        self.tokens.push(Token::FootnoteEnd);
                    }
                }
                "paragraph" => {
                    let text = group(&caps, 1).unwrap_or("").trim_end_matches('\n');
                    self.tokens.push(Token::Paragraph(text.to_owned()));
                }
                _ => self.tokens.push(Token::Text(whole.to_owned())),
            }
            return whole.len();
        }
        0
    }

    fn list_items(&mut self, g: &Grammar, block: &str) {
        let items: Vec<String> = g
            .list_item
            .captures_iter(block)
            .filter_map(Result::ok)
            .filter_map(|caps| group(&caps, 1).map(str::to_owned))
            .collect();
        let mut next = false;
        let count = items.len();
        for (index, item) in items.iter().enumerate() {
            let space = item.chars().count();
            let mut item = g.list_bullet.replace(item, "").into_owned();
            if item.contains("\n ") {
                let width = space.saturating_sub(item.chars().count());
                if let Ok(outdent) = Regex::new(&format!(r"(?m)^ {{1,{width}}}")) {
                    item = outdent.replace_all(&item, "").into_owned();
                }
            }
            let mut loose = next;
            if !loose && g.loose.is_match(&item).unwrap_or(false) {
                loose = true;
            }
            if index != count - 1 && !item.is_empty() {
                next = item.ends_with('\n');
                if !loose {
                    loose = next;
                }
            }
            self.tokens.push(if loose {
                Token::LooseItemStart
            } else {
                Token::ListItemStart
            });
            self.parse(&item, Rules::List);
            self.tokens.push(Token::ListItemEnd);
        }
    }
}

fn dedent_footnote(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_owned();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut whitespace: Option<usize> = None;
    for line in &lines[1..] {
        let space = line.len() - line.trim_start().len();
        if space > 0 && whitespace.is_none_or(|w| space < w) {
            whitespace = Some(space);
        }
    }
    let width = whitespace.unwrap_or(0);
    let mut out = vec![lines[0].to_owned()];
    for line in &lines[1..] {
        out.push(line.get(width..).unwrap_or("").to_owned());
    }
    out.join("\n")
}

/// mistune's `escape`: `&` (unless it starts an entity, with `smart_amp`), `<`, `>`, and with
/// `quote` the quote marks.
fn escape(text: &str, quote: bool, smart_amp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, c) in text.char_indices() {
        match c {
            '&' => {
                let rest = &text[index + 1..];
                let entity = smart_amp && {
                    let body = rest.strip_prefix('#').unwrap_or(rest);
                    let word = body
                        .char_indices()
                        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
                        .map_or(body.len(), |(i, _)| i);
                    word > 0 && body[word..].starts_with(';')
                };
                out.push_str(if entity { "&" } else { "&amp;" });
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quote => out.push_str("&quot;"),
            '\'' if quote => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Python's `urllib.parse.quote(value, safe=":/?#=&;%")`: Notify's `href` encoding.
fn quote_href(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"_.-~:/?#=&;%".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

struct Renderer<'v> {
    flavour: Flavour,
    /// The plain-text values standing behind tokens (see `literal`).
    literals: &'v [String],
}

/// Whether a link whose address came (in part) from a placeholder value may be followed:
/// only web, email and phone addresses, or an address with no scheme (which gets `http://`).
fn is_safe_value_link(link: &str) -> bool {
    match link.split_once(':') {
        Some((scheme, _))
            if !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)) =>
        {
            matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto" | "tel"
            )
        }
        _ => true,
    }
}

impl Renderer<'_> {
    fn text(&self, text: &str) -> String {
        escape(text, false, true)
    }

    fn autolink(&self, link: &str, is_email: bool) -> String {
        // A template's own address with a value in it (`https://council.example/((ref))`):
        // the value is percent-encoded into the address and shown escaped.
        if self.flavour == Flavour::EmailHtml && !is_email && literal::has_token(link) {
            let href = literal::resolve(link, self.literals, str::to_owned);
            return format!(
                "<a style=\"{LINK_STYLE}\" href=\"{}\">{link}</a>",
                quote_href(&href)
            );
        }
        match self.flavour {
            // On paper a link is read, not clicked: its protocol is kept aside for QR codes.
            Flavour::Letter => {
                let rest = link.replace("http://", "").replace("https://", "");
                let protocol = &link[..link.len() - rest.len()];
                format!("<strong data-original-protocol='{protocol}'>{rest}</strong>")
            }
            Flavour::EmailHtml if !is_email => format!(
                "<a style=\"{LINK_STYLE}\" href=\"{}\">{link}</a>",
                quote_href(link)
            ),
            _ => link.to_owned(),
        }
    }

    fn link(&self, link: &str, title: Option<&str>, content: &str) -> String {
        let title = title.filter(|t| !t.is_empty());
        // The template's link, with its address (in part) from a value: the address is
        // written out, and a `javascript:` (or any other non-web) address is not linked.
        let resolved;
        let link = if literal::has_token(link) {
            resolved = literal::resolve(link, self.literals, str::to_owned);
            if self.flavour == Flavour::EmailHtml && !is_safe_value_link(&resolved) {
                return content.to_owned();
            }
            resolved.as_str()
        } else {
            link
        };
        // The link rule takes `<…>` as angle brackets round the address, which strips them
        // from a placeholder's highlight span; Notify puts them back.
        let wrapped;
        let link = if link.starts_with("span class='placeholder") && link.ends_with("</span") {
            wrapped = format!("<{link}>");
            wrapped.as_str()
        } else {
            link
        };
        match self.flavour {
            Flavour::EmailHtml => {
                let has_scheme = link.split_once(':').is_some_and(|(scheme, _)| {
                    !scheme.is_empty()
                        && scheme
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
                });
                let href = if has_scheme {
                    quote_href(link)
                } else {
                    quote_href(&format!("http://{link}"))
                };
                match title {
                    Some(title) => format!(
                        "<a style=\"{LINK_STYLE}\" href=\"{href}\" title=\"{title}\">{content}</a>"
                    ),
                    None => format!("<a style=\"{LINK_STYLE}\" href=\"{href}\">{content}</a>"),
                }
            }
            Flavour::PlainText => match title {
                Some(title) => format!("{content} ({title}): {link}"),
                None => format!("{content}: {link}"),
            },
            Flavour::Preheader => match title {
                Some(title) => format!("{content} ({title})"),
                None => content.to_owned(),
            },
            Flavour::Letter => match title {
                Some(title) => format!("[{content}]({link} \"{title}\")"),
                None => format!("[{content}]({link})"),
            },
        }
    }

    fn linebreak(&self) -> &'static str {
        match self.flavour {
            Flavour::EmailHtml | Flavour::Letter => "<br>",
            _ => "\n",
        }
    }

    /// A letter paragraph `qr: DATA` printed as a QR code of DATA (values filled in), as
    /// Notify prints it; while DATA still holds a placeholder, Notify's box showing it.
    fn qr_code(&self, text: &str) -> Option<String> {
        static PATTERNS: OnceLock<(Regex, Regex)> = OnceLock::new();
        let (paragraph, link) = PATTERNS.get_or_init(|| {
            (
                Regex::new(r"\A(?i:qr)\s*:\s*(.+)\z").expect("QR paragraph pattern compiles"),
                Regex::new(r"<strong data-original-protocol='(https?://|)'>(.*?)</strong>")
                    .expect("QR link pattern compiles"),
            )
        });
        // The paragraph reaches Notify's renderer without its leading spaces (` qr : …` is
        // drawn as a QR code, conformance case #125).
        let data = paragraph
            .captures(text.trim_start())
            .ok()??
            .get(1)?
            .as_str();
        // Links in the data were bolded by `autolink`: Notify puts back their protocol.
        let data = link.replace_all(data, "${1}${2}");
        let html = if data.contains("<span class='placeholder")
            || data.contains("<span class=\"placeholder")
        {
            format!(
                "\n<div class='qrcode-placeholder'>\n    <div class='qrcode-placeholder-border'></div>\n    <div class='qrcode-placeholder-content'>\n        <span class='qrcode-placeholder-content-background'>{data}</span>\n    </div>\n</div>\n"
            )
        } else {
            let data = literal::resolve(&data, self.literals, str::to_owned);
            format!("<div class='qrcode'>{}</div>", qr_code::qr_code_svg(&data)?)
        };
        Some(html.replace('-', QR_DASH))
    }

    fn paragraph(&self, text: &str) -> String {
        if text.trim().is_empty() {
            return String::new();
        }
        match self.flavour {
            Flavour::EmailHtml => format!("<p style=\"{PARAGRAPH_STYLE}\">{text}</p>"),
            Flavour::Letter => match self.qr_code(text) {
                Some(qr_code) => format!("<p>{qr_code}</p>"),
                None => format!("<p>{text}</p>"),
            },
            _ => format!("\n\n{text}"),
        }
    }

    fn header(&self, text: &str, level: usize) -> String {
        match (self.flavour, level) {
            (Flavour::EmailHtml, 1) => format!(
                "<h2 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 27px; line-height: 35px; font-weight: bold; color: #0B0C0C;\">{text}</h2>"
            ),
            (Flavour::EmailHtml, 2) => format!(
                "<h3 style=\"Margin: 0 0 15px 0; padding: 10px 0 0 0; font-size: 19px; line-height: 25px; font-weight: bold; color: #0B0C0C;\">{text}</h3>"
            ),
            (Flavour::Letter, 1) => format!("<h2>{text}</h2>\n"),
            (Flavour::PlainText, 1) => format!("\n\n\n{text}\n{}", "=".repeat(COLUMN_WIDTH)),
            (Flavour::PlainText, 2) => format!("\n\n\n{text}\n{}", "-".repeat(COLUMN_WIDTH)),
            _ => self.paragraph(text),
        }
    }

    fn hrule(&self) -> String {
        match self.flavour {
            Flavour::EmailHtml => {
                "<hr style=\"border: 0; height: 1px; background: #B1B4B6; Margin: 30px 0 30px 0;\">"
                    .to_owned()
            }
            Flavour::PlainText => {
                let rule: String = "=-".chars().cycle().take(COLUMN_WIDTH).collect();
                self.paragraph(&rule)
            }
            Flavour::Preheader => String::new(),
            Flavour::Letter => "<div class=\"page-break\">&nbsp;</div>".to_owned(),
        }
    }

    fn list(&self, body: &str, ordered: bool) -> String {
        match self.flavour {
            Flavour::EmailHtml => {
                let (tag, style) = if ordered {
                    ("ol", "decimal")
                } else {
                    ("ul", "disc")
                };
                format!(
                    "<table role=\"presentation\" style=\"padding: 0 0 20px 0;\"><tr><td style=\"font-family: Helvetica, Arial, sans-serif;\"><{tag} style=\"Margin: 0 0 0 20px; padding: 0; list-style-type: {style};\">{body}</{tag}></td></tr></table>"
                )
            }
            Flavour::Letter => {
                let tag = if ordered { "ol" } else { "ul" };
                format!("<{tag}>\n{body}</{tag}>\n")
            }
            _ => {
                let mut out = String::from("\n");
                let mut number = 0;
                let mut rest = body;
                while let Some(at) = rest.find(LIST_ITEM_MARKER) {
                    out.push_str(&rest[..at]);
                    number += 1;
                    if ordered {
                        out.push_str(&format!("{number}."));
                    } else {
                        out.push('•');
                    }
                    rest = &rest[at + LIST_ITEM_MARKER.len()..];
                }
                out.push_str(rest);
                out
            }
        }
    }

    fn list_item(&self, text: &str) -> String {
        match self.flavour {
            Flavour::EmailHtml => format!(
                "<li style=\"Margin: 5px 0 5px; padding: 0 0 0 5px; font-size: 19px;line-height: 25px; color: #0B0C0C;\">{}</li>",
                text.trim()
            ),
            Flavour::Letter => format!("<li>{}</li>\n", text.trim()),
            _ => format!("\n{LIST_ITEM_MARKER} {}", text.trim()),
        }
    }

    fn block_quote(&self, text: &str) -> String {
        match self.flavour {
            Flavour::EmailHtml => format!(
                "<div style=\"Margin: 0 0 20px 0;\"><blockquote style=\"Margin: 0; border-left: 10px solid #B1B4B6;padding: 15px 0 0.1px 15px; font-size: 19px; line-height: 25px;\">{text}</blockquote></div>"
            ),
            _ => text.to_owned(),
        }
    }
}

struct InlineLexer<'a> {
    renderer: &'a Renderer<'a>,
    links: &'a [(String, String, Option<String>)],
    footnotes: &'a [String],
    referenced: Vec<String>,
    in_link: bool,
}

impl InlineLexer<'_> {
    fn output(&mut self, text: &str) -> String {
        let g = grammar();
        let mut text = text.trim_end_matches('\n');
        let mut out = String::new();
        while !text.is_empty() {
            let (consumed, rendered) = self.step(g, text);
            out.push_str(&rendered);
            let consumed = consumed.max(text.chars().next().map_or(1, char::len_utf8));
            text = text.get(consumed..).unwrap_or("");
        }
        out
    }

    fn step(&mut self, g: &Grammar, text: &str) -> (usize, String) {
        if let Some(caps) = captures(&g.inline_escape, text) {
            let whole = group(&caps, 0).unwrap_or("").len();
            return (whole, escape(group(&caps, 1).unwrap_or(""), false, true));
        }
        if let Some(caps) = captures(&g.inline_html, text) {
            let whole = group(&caps, 0).unwrap_or("");
            return (whole.len(), whole.to_owned());
        }
        if let Some(caps) = captures(&g.autolink, text) {
            let whole = group(&caps, 0).unwrap_or("").len();
            let link = group(&caps, 1).unwrap_or("");
            let is_email = group(&caps, 2) == Some("@");
            return (whole, self.renderer.autolink(link, is_email));
        }
        if let Some(caps) = captures(&g.url, text) {
            let link = group(&caps, 1).unwrap_or("");
            let rendered = if self.in_link {
                self.renderer.text(link)
            } else {
                self.renderer.autolink(link, false)
            };
            return (link.len(), rendered);
        }
        // A reference to a defined footnote renders as nothing in Notify (the first time).
        if let Some(caps) = captures(&g.footnote, text) {
            let key = keyify(group(&caps, 1).unwrap_or(""));
            if self.footnotes.contains(&key) && !self.referenced.contains(&key) {
                self.referenced.push(key);
                return (group(&caps, 0).unwrap_or("").len(), String::new());
            }
        }
        if let Some(caps) = captures(&g.link, text) {
            let link = group(&caps, 3).unwrap_or("").to_owned();
            let title = group(&caps, 4).map(str::to_owned);
            return self.process_link(&caps, &link, title.as_deref());
        }
        if let Some(caps) = captures(&g.reflink, text) {
            let key = keyify(
                group(&caps, 2)
                    .filter(|k| !k.is_empty())
                    .or(group(&caps, 1))
                    .unwrap_or(""),
            );
            if let Some((_, link, title)) = self.links.iter().find(|(k, _, _)| *k == key) {
                return self.process_link(&caps, link, title.as_deref());
            }
        }
        if let Some(caps) = captures(&g.nolink, text) {
            let key = keyify(group(&caps, 1).unwrap_or(""));
            if let Some((_, link, title)) = self.links.iter().find(|(k, _, _)| *k == key) {
                return self.process_link(&caps, link, title.as_deref());
            }
        }
        if let Some(caps) = captures(&g.linebreak, text) {
            let whole = group(&caps, 0).unwrap_or("").len();
            return (whole, self.renderer.linebreak().to_owned());
        }
        if let Some(caps) = captures(&g.inline_text, text) {
            let whole = group(&caps, 0).unwrap_or("");
            return (whole.len(), self.renderer.text(whole));
        }
        let first = text.chars().next().map_or(1, char::len_utf8);
        (first, self.renderer.text(&text[..first]))
    }

    fn process_link(
        &mut self,
        caps: &Captures<'_, str>,
        link: &str,
        title: Option<&str>,
    ) -> (usize, String) {
        let whole = group(caps, 0).unwrap_or("");
        if whole.starts_with('!') {
            return (whole.len(), String::new());
        }
        let content = group(caps, 1).unwrap_or("");
        self.in_link = true;
        let content = self.output(content);
        self.in_link = false;
        (whole.len(), self.renderer.link(link, title, &content))
    }
}

/// mistune's `preprocessing`: newlines unified, tabs expanded, space-only lines emptied.
fn preprocess(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut expanded = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = 4 - column % 4;
                expanded.push_str(&" ".repeat(spaces));
                column += spaces;
            }
            '\n' => {
                expanded.push('\n');
                column = 0;
            }
            _ => {
                expanded.push(c);
                column += 1;
            }
        }
    }
    let expanded = expanded.replace('\u{2424}', "\n");
    grammar()
        .blank_lines
        .replace_all(&expanded, "")
        .into_owned()
}

/// What Notify writes for each `-` of a QR code's HTML, so that its typography pass cannot
/// turn the dashes into en dashes.
const QR_DASH: &str = "\u{1F6F3}\u{FE0F}\u{1F426}\u{1F974}";

/// Renders Notify markdown with one of Notify's renderers.
pub(crate) fn render(text: &str, flavour: Flavour) -> String {
    render_with_literals(text, flavour, &[])
}

/// Renders Notify markdown whose placeholder values have been replaced by tokens (see
/// `literal`), then writes each value where its token ended up: as text, with its line
/// breaks kept, so that it can never have added markdown of its own.
pub(crate) fn render_with_literals(text: &str, flavour: Flavour, literals: &[String]) -> String {
    let out = render_tokens(text, flavour, literals);
    literal::resolve(&out, literals, |value| {
        let value = value.replace("\r\n", "\n").replace('\r', "\n");
        match flavour {
            Flavour::EmailHtml | Flavour::Letter => value.replace('\n', "<br>"),
            Flavour::PlainText | Flavour::Preheader => value,
        }
    })
}

fn render_tokens(text: &str, flavour: Flavour, literals: &[String]) -> String {
    let mut lexer = BlockLexer::default();
    lexer.parse(&preprocess(text), Rules::Default);
    let renderer = Renderer { flavour, literals };
    let mut tokens = lexer.tokens.into_iter().peekable();
    let mut inline = InlineLexer {
        renderer: &renderer,
        links: &lexer.links,
        footnotes: &lexer.footnotes,
        referenced: Vec::new(),
        in_link: false,
    };
    let mut out = String::new();
    while let Some(token) = tokens.next() {
        out.push_str(&output(token, &mut tokens, &mut inline));
    }
    out
}

fn output(
    token: Token,
    tokens: &mut std::iter::Peekable<std::vec::IntoIter<Token>>,
    inline: &mut InlineLexer<'_>,
) -> String {
    let renderer = inline.renderer;
    match token {
        Token::Newline => renderer.linebreak().to_owned(),
        Token::Hrule => renderer.hrule(),
        Token::Code(code) => code,
        Token::Heading(level, text) => {
            let text = inline.output(&text);
            renderer.header(&text, level)
        }
        Token::Table
        | Token::FootnoteEnd
        | Token::ListEnd
        | Token::ListItemEnd
        | Token::BlockQuoteEnd => String::new(),
        Token::BlockQuoteStart => {
            let mut body = String::new();
            while let Some(next) = tokens.next() {
                if matches!(next, Token::BlockQuoteEnd) {
                    break;
                }
                body.push_str(&output(next, tokens, inline));
            }
            renderer.block_quote(&body)
        }
        Token::ListStart(ordered) => {
            let mut body = String::new();
            while let Some(next) = tokens.next() {
                if matches!(next, Token::ListEnd) {
                    break;
                }
                body.push_str(&output(next, tokens, inline));
            }
            renderer.list(&body, ordered)
        }
        Token::ListItemStart => {
            let mut body = String::new();
            while let Some(next) = tokens.next() {
                match next {
                    Token::ListItemEnd => break,
                    Token::Text(text) => {
                        let mut text = text;
                        while let Some(Token::Text(more)) = tokens.peek() {
                            text.push('\n');
                            text.push_str(more);
                            tokens.next();
                        }
                        body.push_str(&inline.output(&text));
                    }
                    other => body.push_str(&output(other, tokens, inline)),
                }
            }
            renderer.list_item(&body)
        }
        Token::LooseItemStart => {
            let mut body = String::new();
            while let Some(next) = tokens.next() {
                if matches!(next, Token::ListItemEnd) {
                    break;
                }
                body.push_str(&output(next, tokens, inline));
            }
            renderer.list_item(&body)
        }
        Token::Html(html) => html,
        Token::Paragraph(text) => {
            let text = inline.output(&text);
            renderer.paragraph(&text)
        }
        Token::Text(text) => {
            let mut text = text;
            while let Some(Token::Text(more)) = tokens.peek() {
                text.push('\n');
                text.push_str(more);
                tokens.next();
            }
            let text = inline.output(&text);
            renderer.paragraph(&text)
        }
        Token::FootnoteStart => {
            // Notify renders footnotes as their text at the end; definitions alone show nothing.
            for next in tokens.by_ref() {
                if matches!(next, Token::FootnoteEnd) {
                    break;
                }
            }
            String::new()
        }
    }
}

/// Notify's markdown as the body of an HTML email (inline styles, as email clients need).
pub fn markdown_to_email_html(markdown: &str) -> String {
    render(markdown, Flavour::EmailHtml)
}

/// Notify's markdown as the `text/plain` alternative of an email.
pub fn markdown_to_plain_text(markdown: &str) -> String {
    render(markdown, Flavour::PlainText)
}

/// Notify's markdown as the HTML of a printed letter: links shown as text, headings and
/// lists plain, `---` a page break.
pub fn markdown_to_letter_html(markdown: &str) -> String {
    render(markdown, Flavour::Letter)
}

/// Notify's markdown as the hidden preheader text email clients show beside the subject.
pub fn markdown_to_preheader(markdown: &str) -> String {
    render(markdown, Flavour::Preheader)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn python_dollar_is_end_or_before_final_newline() {
        assert_eq!(python(r"a$"), r"a(?=\n?\z)");
        assert_eq!(python(r"[$]\$"), r"[$]\$");
        assert_eq!(python(r"[^^\]]$"), r"[^^\]](?=\n?\z)");
    }

    #[test]
    fn bullets_and_links() {
        let html = render("* one\n* two", Flavour::EmailHtml);
        assert!(html.contains("<ul"), "{html}");
        assert_eq!(render("[a](b.com)", Flavour::PlainText), "\n\na: b.com");
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,120}") {
            for flavour in [Flavour::EmailHtml, Flavour::PlainText, Flavour::Preheader] {
                let _ = render(&text, flavour);
            }
        }

        #[test]
        fn never_panics_on_markdown_soup(text in "[-*#^•>\\[\\]()! \n1.a]{0,60}") {
            let _ = render(&text, Flavour::EmailHtml);
        }
    }
}
