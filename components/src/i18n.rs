//! Every built-in text GOV.UK Frontend shows a resident, in English and Welsh.
//!
//! Upstream's templates and JavaScript carry English defaults ("Back", "Error", "Skip to main
//! content", the character-count messages, ...). A Welsh page must not fall back to them, so each
//! one lives here once, as a [`Text`] (or a [`CountText`] for messages that depend on a number),
//! with its Welsh and where that Welsh comes from. Components take their defaults from here for
//! the [`Language`] chosen for the request:
//!
//! ```
//! use civic_components::i18n::{Language, Text};
//!
//! let lang = Language::from_accept_language("cy-GB,cy;q=0.9,en;q=0.5");
//! assert_eq!(lang, Language::Welsh);
//! assert_eq!(lang.text(Text::Back), "Yn ôl");
//! assert_eq!(Language::English.text(Text::ErrorPrefix), "Error");
//! ```
//!
//! # Sources of the Welsh
//!
//! In order of preference: the Welsh examples published with govuk-frontend 6.6.0 itself (its
//! `translated` fixtures), then the Welsh that government services publish for the same
//! components (HMRC's play-frontend-hmrc `messages.cy`, NHS.UK frontend's translated examples).
//! [`Text::source`] names it for each text. Texts marked [`Source::Civic`] were written for civic
//! from those same sources' vocabulary and should be checked by the council's Welsh language
//! officer before go-live.

use std::fmt;

/// The language a page is shown in.
///
/// Chosen per request ([`Language::from_code`], [`Language::from_accept_language`]) and passed to
/// the page template and to components, which take their built-in texts from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`), the default.
    #[default]
    English,
    /// Welsh (`cy`).
    Welsh,
}

impl Language {
    /// Every supported language, English first.
    pub const ALL: [Language; 2] = [Language::English, Language::Welsh];

    /// The BCP 47 code written in `lang` attributes: `en` or `cy`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
        }
    }

    /// The language's name in itself, as a language switcher shows it: `English`, `Cymraeg`.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
        }
    }

    /// The language for a code such as `cy`, `CY`, `cy-GB` or `en_GB`; `None` for any other.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::English),
            "cy" => Some(Language::Welsh),
            _ => None,
        }
    }

    /// The supported language a browser prefers most, from its `Accept-Language` header
    /// (`cy-GB,cy;q=0.9,en;q=0.8`); English when it names none of them or cannot be read.
    pub fn from_accept_language(header: &str) -> Language {
        let mut best: Option<(Language, f32)> = None;
        for entry in header.split(',') {
            let mut parts = entry.split(';');
            let Some(language) = parts.next().and_then(Language::from_code) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .filter(|q| q.is_finite() && *q > 0.0);
            let Some(quality) = quality else { continue };
            // Ties keep the earlier entry: browsers list their preference first.
            if best.is_none_or(|(_, b)| quality > b) {
                best = Some((language, quality));
            }
        }
        best.map_or(Language::English, |(language, _)| language)
    }

    /// The built-in text `text` in this language.
    pub fn text(self, text: Text) -> &'static str {
        let (english, welsh) = text.pair();
        match self {
            Language::English => english,
            Language::Welsh => welsh,
        }
    }

    /// The forms of a number-dependent message in this language.
    pub fn count_text(self, text: CountText) -> PluralForms {
        let (english, welsh) = text.pair();
        match self {
            Language::English => english,
            Language::Welsh => welsh,
        }
    }
}

/// With the `axum` feature a handler takes the request's [`Language`] as an argument: the
/// `lang` query parameter (`?lang=cy`, from a language switcher's links) if it names a supported
/// language, otherwise the browser's `Accept-Language`, otherwise English.
#[cfg(feature = "axum")]
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Language {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Language, Self::Rejection> {
        let from_query = parts.uri.query().and_then(|query| {
            query
                .split('&')
                .filter_map(|pair| pair.strip_prefix("lang="))
                .find_map(Language::from_code)
        });
        let from_header = || {
            parts
                .headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .map_or(Language::English, Language::from_accept_language)
        };
        Ok(from_query.unwrap_or_else(from_header))
    }
}

/// Options for the `language-navigation` component switching between every [`Language`]:
/// each named in itself, the `current` one marked, the others linked to `href(language)`
/// (`?lang=cy`, say), labelled in the current language.
///
/// ```
/// use civic_components::i18n::{Language, language_navigation_options};
///
/// let options = language_navigation_options(Language::Welsh, |l| format!("?lang={}", l.code()));
/// assert_eq!(options["ariaLabel"], "Dewis iaith");
/// assert_eq!(options["items"][0]["href"], "?lang=en");
/// assert_eq!(options["items"][1]["current"], true);
/// ```
pub fn language_navigation_options(
    current: Language,
    href: impl Fn(Language) -> String,
) -> serde_json::Value {
    let items: Vec<serde_json::Value> = Language::ALL
        .iter()
        .map(|&language| {
            let mut item = serde_json::json!({
                "text": language.native_name(),
                "lang": language.code(),
            });
            if language == current {
                item["current"] = serde_json::Value::Bool(true);
            } else {
                item["href"] = serde_json::Value::String(href(language));
            }
            item
        })
        .collect();
    serde_json::json!({ "ariaLabel": current.text(Text::Language), "items": items })
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where the Welsh for a text was taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// A `translated` example published with govuk-frontend 6.6.0 (component and fixture name).
    GovukFrontendFixture(&'static str),
    /// HMRC's play-frontend-hmrc, `play-frontend-hmrc-play-30/src/main/resources/messages.cy`
    /// (the message key).
    HmrcPlayFrontend(&'static str),
    /// NHS.UK frontend's character count example "with translations".
    NhsukFrontend,
    /// The Welsh a GOV.UK or public-sector service shows for the same text (named).
    PublicService(&'static str),
    /// Written for civic from the vocabulary of the sources above; to be checked by a Welsh
    /// speaker before go-live.
    Civic,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::GovukFrontendFixture(which) => {
                write!(f, "govuk-frontend 6.6.0 fixture {which}")
            }
            Source::HmrcPlayFrontend(key) => write!(
                f,
                "https://github.com/hmrc/play-frontend-hmrc/blob/main/play-frontend-hmrc-play-30/src/main/resources/messages.cy ({key})"
            ),
            Source::NhsukFrontend => f.write_str(
                "nhsuk-frontend character-count example \"with translations\" (NHS.UK frontend)",
            ),
            Source::PublicService(which) => f.write_str(which),
            Source::Civic => f.write_str("civic (awaiting review by a Welsh speaker)"),
        }
    }
}

macro_rules! texts {
    ($( $(#[$doc:meta])* $name:ident => $en:expr, $cy:expr, $source:expr; )*) => {
        /// A built-in text of GOV.UK Frontend's templates or JavaScript.
        ///
        /// Read it with [`Language::text`]. Placeholders are written as upstream writes them
        /// (`%{count}`, `%{number}`) so the strings can be passed straight to its JavaScript.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Text {
            $( $(#[$doc])* $name, )*
        }

        impl Text {
            /// Every built-in text.
            pub const ALL: &'static [Text] = &[ $( Text::$name, )* ];

            fn pair(self) -> (&'static str, &'static str) {
                match self {
                    $( Text::$name => ($en, $cy), )*
                }
            }

            /// Where the Welsh for this text comes from.
            pub fn source(self) -> Source {
                match self {
                    $( Text::$name => $source, )*
                }
            }
        }
    };
}

texts! {
    /// The page template's skip link.
    SkipToMainContent => "Skip to main content", "Neidio i'r prif gynnwys",
        Source::PublicService("ministryofjustice django-govuk-template, locale/cy django.po");
    /// Back link text.
    Back => "Back", "Yn ôl", Source::HmrcPlayFrontend("back.text");
    /// The visually hidden prefix of an error message, read before it ("Error: ...").
    ErrorPrefix => "Error", "Gwall", Source::GovukFrontendFixture("error-message/translated");
    /// The prefix of a page title when the page shows errors ("Error: What is your name?").
    PageTitleErrorPrefix => "Error:", "Gwall:",
        Source::PublicService("hmrc/view-external-guidance-frontend conf/messages.cy (error.browser.title.prefix)");
    /// The error summary's title.
    ThereIsAProblem => "There is a problem", "Mae problem wedi codi",
        Source::HmrcPlayFrontend("error.summary.title");
    /// Breadcrumbs' `aria-label`.
    Breadcrumb => "Breadcrumb", "Briwsion bara", Source::HmrcPlayFrontend("govukBreadcrumbs.ariaLabel");
    /// Cookie banner's `aria-label`.
    CookieBanner => "Cookie banner", "Baner cwcis", Source::Civic;
    /// Date input: the day field's label.
    Day => "Day", "Diwrnod", Source::HmrcPlayFrontend("date.input.day");
    /// Date input: the month field's label.
    Month => "Month", "Mis", Source::HmrcPlayFrontend("date.input.month");
    /// Date input: the year field's label.
    Year => "Year", "Blwyddyn", Source::HmrcPlayFrontend("date.input.year");
    /// Exit this page: the button text.
    ExitThisPage => "Exit this page", "Gadael y dudalen hon",
        Source::HmrcPlayFrontend("govuk.exitThisPage.contentFallbackText");
    /// Exit this page: the visually hidden word before the button text.
    Emergency => "Emergency", "Argyfwng",
        Source::HmrcPlayFrontend("govuk.exitThisPage.visuallyHiddenFallbackText");
    /// Exit this page (JavaScript): announced while leaving.
    ExitThisPageActivated => "Loading.", "Tudalen ymadael",
        Source::GovukFrontendFixture("exit-this-page/translated");
    /// Exit this page (JavaScript): the keyboard shortcut timed out.
    ExitThisPageTimedOut => "Exit this page expired.", "Wedi'i amseru",
        Source::GovukFrontendFixture("exit-this-page/translated");
    /// Exit this page (JavaScript): after one press of Shift.
    ExitThisPagePressTwoMoreTimes => "Shift, press 2 more times to exit.", "Pwyswch 'Shift' 2 gwaith arall",
        Source::GovukFrontendFixture("exit-this-page/translated");
    /// Exit this page (JavaScript): after two presses of Shift.
    ExitThisPagePressOneMoreTime => "Shift, press 1 more time to exit.", "Pwyswch 'Shift' 1 mwy o amser",
        Source::GovukFrontendFixture("exit-this-page/translated");
    /// Footer: the heading of its support links.
    SupportLinks => "Support links", "Cysylltiadau cymorth", Source::HmrcPlayFrontend("footer.support.links");
    /// Footer: the words before the licence link.
    LicenceBefore => "All content is available under the", "Mae‘r holl gynnwys ar gael o dan",
        Source::HmrcPlayFrontend("footer.content.licence.before.link");
    /// Footer: the Open Government Licence link text.
    OpenGovernmentLicence => "Open Government Licence v3.0", "y Drwydded Llywodraeth Agored v3.0",
        Source::HmrcPlayFrontend("footer.content.licence.link.text");
    /// Footer: the words after the licence link.
    LicenceAfter => ", except where otherwise stated", ", oni nodir yn wahanol",
        Source::HmrcPlayFrontend("footer.content.licence.after.link");
    /// Footer: Crown copyright, shown only when a brand asks for it.
    CrownCopyright => "© Crown copyright", "© Hawlfraint y Goron", Source::HmrcPlayFrontend("footer.crown.copyright");
    /// Language navigation's `aria-label`.
    Language => "Language", "Dewis iaith",
        Source::GovukFrontendFixture("language-navigation/with translated navigation label");
    /// Service navigation's `aria-label`.
    ServiceInformation => "Service information", "Gwybodaeth am y gwasanaeth",
        Source::HmrcPlayFrontend("govuk.serviceNavigation.ariaLabel");
    /// Service navigation: the menu button on small screens.
    Menu => "Menu", "Dewislen", Source::HmrcPlayFrontend("govuk.serviceNavigation.menuButtonText");
    /// Notification banner title for `type: success`.
    Success => "Success", "Llwyddiant", Source::HmrcPlayFrontend("govuk.notificationBanner.success");
    /// Notification banner title otherwise.
    Important => "Important", "Pwysig", Source::HmrcPlayFrontend("govuk.notificationBanner.important");
    /// Pagination's `aria-label`.
    Pagination => "Pagination", "Tudaleniad", Source::HmrcPlayFrontend("govuk.pagination.ariaLabel");
    /// Pagination: the previous link's visible text.
    Previous => "Previous", "Blaenorol", Source::HmrcPlayFrontend("govuk.pagination.previous");
    /// Pagination: the next link's visible text.
    Next => "Next", "Nesaf", Source::HmrcPlayFrontend("govuk.pagination.next");
    /// Pagination: the visually hidden word after "Previous"/"Next" (upstream's " page").
    PaginationPage => "page", "tudalen", Source::HmrcPlayFrontend("govuk.pagination.page");
    /// Pagination: a numbered link's `aria-label`.
    PageNumber => "Page %{number}", "Tudalen %{number}", Source::HmrcPlayFrontend("govuk.pagination.page");
    /// Tabs: the title of the list of tabs.
    Contents => "Contents", "Cynnwys", Source::HmrcPlayFrontend("govuk.tabs.titleFallbackText");
    /// Warning text: the visually hidden word before the warning.
    Warning => "Warning", "Rhybudd", Source::HmrcPlayFrontend("govuk.warningText.iconFallbackText");
    /// Password input: the show button.
    ShowPassword => "Show", "Datguddia", Source::GovukFrontendFixture("password-input/with translations");
    /// Password input: the hide button.
    HidePassword => "Hide", "Cuddio", Source::GovukFrontendFixture("password-input/with translations");
    /// Password input: the show button's `aria-label`.
    ShowPasswordAriaLabel => "Show password", "Datgelu cyfrinair",
        Source::GovukFrontendFixture("password-input/with translations");
    /// Password input: the hide button's `aria-label`.
    HidePasswordAriaLabel => "Hide password", "Cuddio cyfrinair",
        Source::GovukFrontendFixture("password-input/with translations");
    /// Password input: announced when the password is shown.
    PasswordShownAnnouncement => "Your password is visible", "Mae eich cyfrinair yn weladwy.",
        Source::GovukFrontendFixture("password-input/with translations");
    /// Password input: announced when the password is hidden.
    PasswordHiddenAnnouncement => "Your password is hidden", "Mae eich cyfrinair wedi'i guddio.",
        Source::GovukFrontendFixture("password-input/with translations");
    /// Accordion: the button that opens every section.
    ShowAllSections => "Show all sections", "Dangos pob adran",
        Source::PublicService("UK Covid-19 Inquiry, covid19.public-inquiry.uk/cy/");
    /// Accordion: the button that closes every section.
    HideAllSections => "Hide all sections", "Cuddio pob adran",
        Source::PublicService("UK Covid-19 Inquiry, covid19.public-inquiry.uk/cy/");
    /// Accordion: a closed section's toggle.
    ShowSection => "Show", "Dangos", Source::PublicService("UK Covid-19 Inquiry, covid19.public-inquiry.uk/cy/");
    /// Accordion: an open section's toggle.
    HideSection => "Hide", "Cuddio", Source::PublicService("UK Covid-19 Inquiry, covid19.public-inquiry.uk/cy/");
    /// Accordion: a closed section's toggle, as read by a screen reader.
    ShowSectionAriaLabel => "Show this section", "Dangos yr adran hon",
        Source::PublicService("UK Covid-19 Inquiry, covid19.public-inquiry.uk/cy/");
    /// Accordion: an open section's toggle, as read by a screen reader.
    HideSectionAriaLabel => "Hide this section", "Cuddio'r adran hon",
        Source::PublicService("UK Covid-19 Inquiry, covid19.public-inquiry.uk/cy/");
    /// Character count: at the character limit.
    CharactersAtLimit => "You have 0 characters remaining", "Mae gennych 0 nod ar ôl", Source::NhsukFrontend;
    /// Character count: at the word limit.
    WordsAtLimit => "You have 0 words remaining", "Mae gennych 0 gair ar ôl", Source::Civic;
    /// File upload: the button.
    ChooseFile => "Choose file", "Dewiswch ffeil", Source::GovukFrontendFixture("file-upload/translated");
    /// File upload: after the button.
    DropInstruction => "or drop file", "neu ollwng ffeil", Source::GovukFrontendFixture("file-upload/translated");
    /// File upload: nothing chosen yet.
    NoFileChosen => "No file chosen", "Dim ffeil wedi'i dewis", Source::GovukFrontendFixture("file-upload/translated");
    /// File upload: announced when a dragged file enters the drop zone.
    EnteredDropZone => "Entered drop zone", "Wedi mynd i mewn i'r parth gollwng",
        Source::GovukFrontendFixture("file-upload/translated");
    /// File upload: announced when a dragged file leaves the drop zone.
    LeftDropZone => "Left drop zone", "Parth gollwng i'r chwith", Source::GovukFrontendFixture("file-upload/translated");
}

/// The forms of a message that depends on a number, keyed as upstream's JavaScript keys them
/// (`one`, `other`; Welsh needs no more because its noun stays singular after a number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PluralForms {
    /// For a count of exactly one.
    pub one: &'static str,
    /// For every other count.
    pub other: &'static str,
}

impl PluralForms {
    /// The message for `count`, with `%{count}` filled in.
    pub fn format(&self, count: u64) -> String {
        let form = if count == 1 { self.one } else { self.other };
        form.replace("%{count}", &count.to_string())
    }
}

macro_rules! count_texts {
    ($( $(#[$doc:meta])* $name:ident => ($en1:expr, $en:expr), ($cy1:expr, $cy:expr), $source:expr; )*) => {
        /// A built-in message that depends on a number, such as "You have 3 characters remaining".
        ///
        /// Read it with [`Language::count_text`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CountText {
            $( $(#[$doc])* $name, )*
        }

        impl CountText {
            /// Every built-in number-dependent message.
            pub const ALL: &'static [CountText] = &[ $( CountText::$name, )* ];

            fn pair(self) -> (PluralForms, PluralForms) {
                match self {
                    $( CountText::$name => (
                        PluralForms { one: $en1, other: $en },
                        PluralForms { one: $cy1, other: $cy },
                    ), )*
                }
            }

            /// Where the Welsh for this message comes from.
            pub fn source(self) -> Source {
                match self {
                    $( CountText::$name => $source, )*
                }
            }
        }
    };
}

count_texts! {
    /// Character count: characters left.
    CharactersUnderLimit => ("You have %{count} character remaining", "You have %{count} characters remaining"),
        ("Mae gennych %{count} nod ar ôl", "Mae gennych %{count} nod ar ôl"), Source::NhsukFrontend;
    /// Character count: characters over the limit.
    CharactersOverLimit => ("You have %{count} character too many", "You have %{count} characters too many"),
        ("Mae gennych %{count} nod yn ormod", "Mae gennych %{count} nod yn ormod"), Source::NhsukFrontend;
    /// Character count: words left.
    WordsUnderLimit => ("You have %{count} word remaining", "You have %{count} words remaining"),
        ("Mae gennych %{count} gair ar ôl", "Mae gennych %{count} gair ar ôl"), Source::Civic;
    /// Character count: words over the limit.
    WordsOverLimit => ("You have %{count} word too many", "You have %{count} words too many"),
        ("Mae gennych %{count} gair yn ormod", "Mae gennych %{count} gair yn ormod"), Source::Civic;
    /// Character count: the textarea's description for a character limit (read before typing).
    CharactersDescription => ("You can enter up to %{count} character", "You can enter up to %{count} characters"),
        ("Gallwch ddefnyddio hyd at %{count} nod", "Gallwch ddefnyddio hyd at %{count} nod"), Source::NhsukFrontend;
    /// Character count: the textarea's description for a word limit.
    WordsDescription => ("You can enter up to %{count} word", "You can enter up to %{count} words"),
        ("Gallwch ddefnyddio hyd at %{count} gair", "Gallwch ddefnyddio hyd at %{count} gair"), Source::Civic;
    /// File upload: how many files were chosen.
    FilesChosen => ("%{count} file chosen", "%{count} files chosen"),
        ("%{count} ffeil wedi'i dewis", "%{count} ffeil wedi'u dewis"), Source::GovukFrontendFixture("file-upload/translated");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_welsh_that_differs_from_english_or_is_a_shared_word() {
        for &text in Text::ALL {
            let (en, cy) = text.pair();
            assert!(!en.trim().is_empty(), "{text:?} has no English");
            assert!(!cy.trim().is_empty(), "{text:?} has no Welsh");
            assert_ne!(en, cy, "{text:?}: Welsh is a copy of the English");
            assert_eq!(
                en.matches("%{").count(),
                cy.matches("%{").count(),
                "{text:?}: placeholders differ"
            );
        }
        for &text in CountText::ALL {
            let (en, cy) = text.pair();
            for (e, c) in [(en.one, cy.one), (en.other, cy.other)] {
                assert!(!c.trim().is_empty(), "{text:?} has no Welsh");
                assert_ne!(e, c, "{text:?}: Welsh is a copy of the English");
                assert!(c.contains("%{count}"), "{text:?}: Welsh lost %{{count}}");
            }
        }
    }

    #[test]
    fn language_codes() {
        assert_eq!(Language::from_code("cy"), Some(Language::Welsh));
        assert_eq!(Language::from_code("CY-gb"), Some(Language::Welsh));
        assert_eq!(Language::from_code("en_GB"), Some(Language::English));
        assert_eq!(Language::from_code("fr"), None);
        assert_eq!(Language::from_code(""), None);
        assert_eq!(Language::Welsh.code(), "cy");
        assert_eq!(Language::Welsh.native_name(), "Cymraeg");
    }

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(Language::from_accept_language("cy"), Language::Welsh);
        assert_eq!(
            Language::from_accept_language("fr, cy;q=0.4, en;q=0.3"),
            Language::Welsh
        );
        assert_eq!(
            Language::from_accept_language("en-GB,en;q=0.9,cy;q=0.8"),
            Language::English
        );
        assert_eq!(
            Language::from_accept_language("en;q=0.2, cy;q=0.9"),
            Language::Welsh
        );
        assert_eq!(Language::from_accept_language("cy;q=0"), Language::English);
        assert_eq!(Language::from_accept_language(""), Language::English);
        assert_eq!(
            Language::from_accept_language("cy;q=nonsense"),
            Language::English
        );
    }

    #[test]
    fn plural_forms_fill_in_the_count() {
        let en = Language::English.count_text(CountText::CharactersUnderLimit);
        assert_eq!(en.format(1), "You have 1 character remaining");
        assert_eq!(en.format(7), "You have 7 characters remaining");
        let cy = Language::Welsh.count_text(CountText::FilesChosen);
        assert_eq!(cy.format(2), "2 ffeil wedi'u dewis");
    }

    #[cfg(feature = "axum")]
    #[tokio::test]
    async fn requests_choose_their_language() {
        use axum::extract::FromRequestParts;
        async fn of(uri: &str, accept: Option<&str>) -> Language {
            let mut request = axum::http::Request::get(uri);
            if let Some(accept) = accept {
                request = request.header("accept-language", accept);
            }
            let (mut parts, ()) = request.body(()).unwrap().into_parts();
            Language::from_request_parts(&mut parts, &()).await.unwrap()
        }
        assert_eq!(of("/", None).await, Language::English);
        assert_eq!(of("/", Some("cy-GB,cy;q=0.9")).await, Language::Welsh);
        assert_eq!(of("/?lang=cy", None).await, Language::Welsh);
        assert_eq!(of("/?x=1&lang=en", Some("cy")).await, Language::English);
        assert_eq!(of("/?lang=fr", Some("cy")).await, Language::Welsh);
    }

    proptest::proptest! {
        #[test]
        fn accept_language_never_panics(header in ".*") {
            let _ = Language::from_accept_language(&header);
            let _ = Language::from_code(&header);
        }
    }
}
