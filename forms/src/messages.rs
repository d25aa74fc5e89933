//! Every built-in message a resident sees, in English and Welsh, in one place.
//!
//! Error messages follow the GOV.UK Design System's wording, built from the question's
//! [`error_name`](crate::definition::Question::error_name): "Enter your date of birth",
//! "Date of birth must include a month". The Welsh follows the same patterns, with the soft
//! mutation the name takes after "Rhowch" and "Rhaid i"; it has not yet been reviewed by a
//! Welsh translator.

use crate::definition::{AnswerType, FileKind, Language, NameParts, Question, Text};

/// The part of an answer an error is about, for answers asked in several fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Part {
    /// Day of a date.
    Day,
    /// Month of a date.
    Month,
    /// Year of a date.
    Year,
    /// Hour of a time.
    Hour,
    /// Minute of a time.
    Minute,
    /// Title of a name.
    Title,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Name on a bank account.
    AccountName,
    /// Sort code.
    SortCode,
    /// Account number.
    AccountNumber,
    /// Building society roll number.
    RollNumber,
    /// First line of an address.
    AddressLine1,
    /// Second line of an address.
    AddressLine2,
    /// Third line of an international address.
    AddressLine3,
    /// Town or city.
    Town,
    /// County.
    County,
    /// Postcode of an address.
    Postcode,
    /// Country of an international address.
    Country,
}

impl Part {
    /// Every part, in the order an answer asks them.
    pub const ALL: [Part; 19] = [
        Part::Day,
        Part::Month,
        Part::Year,
        Part::Hour,
        Part::Minute,
        Part::Title,
        Part::FirstName,
        Part::LastName,
        Part::AccountName,
        Part::SortCode,
        Part::AccountNumber,
        Part::RollNumber,
        Part::AddressLine1,
        Part::AddressLine2,
        Part::AddressLine3,
        Part::Town,
        Part::County,
        Part::Postcode,
        Part::Country,
    ];

    /// The part whose [`key`](Part::key) is `key`: `month` is [`Part::Month`].
    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.key() == key)
    }

    /// The field name suffix: the key of `dob`'s month is `dob.month`.
    pub fn key(self) -> &'static str {
        match self {
            Part::Day => "day",
            Part::Month => "month",
            Part::Year => "year",
            Part::Hour => "hour",
            Part::Minute => "minute",
            Part::Title => "title",
            Part::FirstName => "first_name",
            Part::LastName => "last_name",
            Part::AccountName => "account_name",
            Part::SortCode => "sort_code",
            Part::AccountNumber => "account_number",
            Part::RollNumber => "roll_number",
            Part::AddressLine1 => "line1",
            Part::AddressLine2 => "line2",
            Part::AddressLine3 => "line3",
            Part::Town => "town",
            Part::County => "county",
            Part::Postcode => "postcode",
            Part::Country => "country",
        }
    }

    fn word(self, language: Language) -> &'static str {
        match (self, language) {
            (Part::Day, Language::Cy) => "diwrnod",
            (Part::Month, Language::Cy) => "mis",
            (Part::Year, Language::Cy) => "blwyddyn",
            (Part::Hour, Language::Cy) => "awr",
            (Part::Minute, Language::Cy) => "munud",
            (Part::Day, _) => "day",
            (Part::Month, _) => "month",
            (Part::Year, _) => "year",
            (Part::Hour, _) => "hour",
            (Part::Minute, _) => "minute",
            _ => "",
        }
    }
}

/// What is wrong with an answer, without the words: [`Message::text`] gives those.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Message {
    /// Nothing was entered: "Enter your date of birth".
    Required,
    /// Nothing was chosen: "Select your nationality".
    SelectRequired,
    /// A choice and its exclusive "None" were both chosen.
    SelectExclusive {
        /// The exclusive option's label.
        none_label: Text,
    },
    /// Some parts of a date or time are missing: "Date of birth must include a month".
    MissingParts(Vec<Part>),
    /// The date cannot exist: "Date of birth must be a real date".
    NotARealDate,
    /// The time cannot exist.
    NotARealTime,
    /// "Year must include 4 numbers".
    YearNotFourDigits,
    /// "Date of birth must be in the past".
    MustBeInThePast,
    /// "... must be today or in the past".
    MustBeTodayOrInThePast,
    /// "... must be in the future".
    MustBeInTheFuture,
    /// "... must be today or in the future".
    MustBeTodayOrInTheFuture,
    /// "... must be within the last 7 days".
    MustBeWithinTheLastDays(u16),
    /// "Full name must be 100 characters or less".
    TooLong(u32),
    /// "Reference must be 8 characters or more".
    TooShort(u32),
    /// An answer in a shape the service does not accept, where no answer type says more:
    /// "Enter your reference in the correct format".
    WrongFormat,
    /// A service's own words, shown as written in every language: a Rust-defined form's
    /// `#[validate(.., message = "..")]` (feature `validator`).
    Custom(String),
    /// "... must be 250 words or less".
    TooManyWords(u32),
    /// "... must be a number".
    NotANumber,
    /// "... must be a whole number".
    NotAWholeNumber,
    /// "... must be 1 or more".
    TooSmall(String),
    /// "... must be 20 or less".
    TooLarge(String),
    /// "... must be an amount of money, like 600 or 193.54".
    NotMoney,
    /// "Enter an email address in the correct format, like name@example.com".
    EmailFormat,
    /// "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192".
    PhoneFormat,
    /// "Enter a UK telephone number ..." (international numbers not accepted here).
    PhoneNotUk,
    /// "Enter a National Insurance number that is 2 letters, 6 numbers, then A, B, C or D, like QQ 12 34 56 C".
    NationalInsuranceFormat,
    /// "Enter a real postcode".
    PostcodeFormat,
    /// "Enter a real vehicle registration number, like CU57 ABC".
    VehicleRegistrationFormat,
    /// "Enter a valid sort code like 309430".
    SortCodeFormat,
    /// "Sort code must be 6 digits long".
    SortCodeLength,
    /// "Enter a valid account number like 00733445".
    AccountNumberFormat,
    /// "Account number must be between 6 and 8 digits".
    AccountNumberLength,
    /// "Building society roll number must be between 1 and 18 characters".
    RollNumberLength,
    /// "Building society roll number must only include letters a to z, numbers, hyphens, spaces, forward slashes and full stops".
    RollNumberCharacters,
    /// "The selected file is empty".
    FileEmpty,
    /// "The selected file must be smaller than 10MB".
    FileTooBig(u32),
    /// "The selected file must be a PDF, JPG or PNG".
    FileWrongKind(Vec<FileKind>),
    /// "You can only select up to 3 files at the same time".
    TooManyFiles(u32),
    /// The option chosen was offered but has gone since (a collection date that filled up):
    /// "The collection date you chose is no longer available – select another".
    NoLongerAvailable,
}

/// How a kind of file is named to residents.
fn file_kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "PDF",
        FileKind::Jpeg => "JPG",
        FileKind::Png => "PNG",
        FileKind::Docx => "Word document",
        FileKind::Txt => "text file",
        FileKind::Csv => "CSV",
    }
}

fn or_list(kinds: &[FileKind], language: Language) -> String {
    let or = if language == Language::Cy {
        " neu "
    } else {
        " or "
    };
    let names: Vec<&str> = kinds.iter().map(|k| file_kind_name(*k)).collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{}{or}{last}", init.join(", ")),
    }
}

/// How messages name an answer: after "Enter" ("your date of birth") and at the start of a
/// sentence ("Date of birth").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// As it reads after "Enter": "your date of birth".
    pub enter: String,
    /// As it starts a sentence: "Date of birth".
    pub start: String,
    /// Without its article, as written: "date of birth" (Welsh puts it mid-sentence).
    pub bare: String,
}

impl Subject {
    /// The subject for `phrase` as it reads after "Enter".
    pub fn from_phrase(phrase: &str, language: Language) -> Subject {
        let articles: &[&str] = match language {
            Language::Cy => &["eich ", "ei ", "yr ", "y ", "’r "],
            _ => &["your ", "the ", "an ", "a "],
        };
        let mut bare = phrase.trim();
        for article in articles {
            if let Some(rest) = bare.strip_prefix(article) {
                bare = rest;
                break;
            }
        }
        Subject {
            enter: phrase.trim().to_owned(),
            start: capitalise(bare),
            bare: bare.to_owned(),
        }
    }

    /// The subject for a question, or for one part of it.
    pub fn for_question(question: &Question, part: Option<Part>, language: Language) -> Subject {
        if let Some(phrase) = part.and_then(|p| part_phrase(p, language)) {
            return Subject::from_phrase(phrase, language);
        }
        match &question.error_name {
            Some(name) => Subject::from_phrase(name.in_language(language), language),
            None => Subject::from_phrase(default_phrase(&question.answer, language), language),
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The generic name of an answer of each type, used when a question has no `error_name`.
fn default_phrase(answer: &AnswerType, language: Language) -> &'static str {
    let cy = language == Language::Cy;
    match answer {
        AnswerType::Name(o) if o.parts == NameParts::Full => {
            if cy {
                "eich enw llawn"
            } else {
                "your full name"
            }
        }
        AnswerType::Name(_) => {
            if cy {
                "eich enw"
            } else {
                "your name"
            }
        }
        AnswerType::OrganisationName(_) => {
            if cy {
                "enw’r sefydliad"
            } else {
                "the name of the organisation"
            }
        }
        AnswerType::Email {} => {
            if cy {
                "cyfeiriad e-bost"
            } else {
                "an email address"
            }
        }
        AnswerType::Phone(_) => {
            if cy {
                "rhif ffôn"
            } else {
                "a telephone number"
            }
        }
        AnswerType::NationalInsuranceNumber {} => {
            if cy {
                "rhif Yswiriant Gwladol"
            } else {
                "a National Insurance number"
            }
        }
        AnswerType::UkAddress(_) | AnswerType::InternationalAddress {} => {
            if cy {
                "cyfeiriad"
            } else {
                "an address"
            }
        }
        AnswerType::Date(_) => {
            if cy {
                "dyddiad"
            } else {
                "a date"
            }
        }
        AnswerType::DateOfBirth {} => {
            if cy {
                "eich dyddiad geni"
            } else {
                "your date of birth"
            }
        }
        AnswerType::MonthYear {} => {
            if cy {
                "mis a blwyddyn"
            } else {
                "a month and year"
            }
        }
        AnswerType::Time {} => {
            if cy {
                "amser"
            } else {
                "a time"
            }
        }
        AnswerType::Number(_) => {
            if cy {
                "rhif"
            } else {
                "a number"
            }
        }
        AnswerType::Money(_) => {
            if cy {
                "swm o arian"
            } else {
                "an amount of money"
            }
        }
        AnswerType::Text(_) | AnswerType::LongText(_) => {
            if cy {
                "ateb"
            } else {
                "an answer"
            }
        }
        AnswerType::YesNo {} | AnswerType::OneFromList(_) | AnswerType::ManyFromList(_) => {
            if cy {
                "opsiwn"
            } else {
                "an option"
            }
        }
        AnswerType::Postcode {} => {
            if cy {
                "cod post"
            } else {
                "a postcode"
            }
        }
        AnswerType::VehicleRegistration {} => {
            if cy {
                "rhif cofrestru cerbyd"
            } else {
                "a vehicle registration number"
            }
        }
        AnswerType::BankDetails(_) => {
            if cy {
                "manylion banc"
            } else {
                "bank details"
            }
        }
        AnswerType::FileUpload(_) => {
            if cy {
                "ffeil"
            } else {
                "a file"
            }
        }
    }
}

/// Parts with their own wording, whatever the question is called.
fn part_phrase(part: Part, language: Language) -> Option<&'static str> {
    let cy = language == Language::Cy;
    Some(match part {
        Part::Title => {
            if cy {
                "eich teitl"
            } else {
                "your title"
            }
        }
        Part::FirstName => {
            if cy {
                "eich enw cyntaf"
            } else {
                "your first name"
            }
        }
        Part::LastName => {
            if cy {
                "eich cyfenw"
            } else {
                "your last name"
            }
        }
        Part::AccountName => {
            if cy {
                "yr enw ar y cyfrif"
            } else {
                "the name on the account"
            }
        }
        Part::SortCode => {
            if cy {
                "cod didoli"
            } else {
                "a sort code"
            }
        }
        Part::AccountNumber => {
            if cy {
                "rhif cyfrif"
            } else {
                "an account number"
            }
        }
        Part::RollNumber => {
            if cy {
                "rhif rôl cymdeithas adeiladu"
            } else {
                "a building society roll number"
            }
        }
        Part::AddressLine1 => {
            if cy {
                "llinell gyntaf y cyfeiriad, sef yr adeilad a’r stryd fel arfer"
            } else {
                "address line 1, typically the building and street"
            }
        }
        Part::AddressLine2 => {
            if cy {
                "ail linell y cyfeiriad"
            } else {
                "address line 2"
            }
        }
        Part::AddressLine3 => {
            if cy {
                "trydedd linell y cyfeiriad"
            } else {
                "address line 3"
            }
        }
        Part::Town => {
            if cy {
                "tref neu ddinas"
            } else {
                "town or city"
            }
        }
        Part::County => {
            if cy {
                "sir"
            } else {
                "county"
            }
        }
        Part::Postcode => {
            if cy {
                "cod post"
            } else {
                "a postcode"
            }
        }
        Part::Country => {
            if cy {
                "gwlad"
            } else {
                "country"
            }
        }
        Part::Day | Part::Month | Part::Year | Part::Hour | Part::Minute => return None,
    })
}

fn and_list(words: &[&str], language: Language) -> String {
    let and = if language == Language::Cy {
        " a "
    } else {
        " and "
    };
    match words {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

impl Message {
    /// The message in `language`, naming the answer as `subject` does.
    pub fn text(&self, subject: &Subject, language: Language) -> String {
        match language {
            Language::Cy => self.welsh(&subject.enter, &subject.bare),
            _ => self.english(&subject.enter, &subject.start, &subject.bare),
        }
    }

    fn english(&self, enter: &str, start: &str, bare: &str) -> String {
        match self {
            Message::Required => format!("Enter {enter}"),
            Message::SelectRequired => format!("Select {enter}"),
            Message::SelectExclusive { none_label } => {
                let none_label = none_label.in_language(Language::En);
                format!("Select {enter}, or select ‘{none_label}’")
            }
            Message::MissingParts(parts) => {
                let words: Vec<&str> = parts.iter().map(|p| p.word(Language::En)).collect();
                format!("{start} must include a {}", and_list(&words, Language::En))
            }
            Message::NotARealDate => format!("{start} must be a real date"),
            Message::NotARealTime => format!("{start} must be a real time"),
            Message::YearNotFourDigits => "Year must include 4 numbers".to_owned(),
            Message::MustBeInThePast => format!("{start} must be in the past"),
            Message::MustBeTodayOrInThePast => format!("{start} must be today or in the past"),
            Message::MustBeInTheFuture => format!("{start} must be in the future"),
            Message::MustBeTodayOrInTheFuture => {
                format!("{start} must be today or in the future")
            }
            Message::MustBeWithinTheLastDays(days) => {
                format!("{start} must be within the last {days} days")
            }
            Message::TooLong(max) => format!("{start} must be {max} characters or less"),
            Message::TooShort(min) => format!("{start} must be {min} characters or more"),
            Message::WrongFormat => format!("Enter {enter} in the correct format"),
            Message::Custom(text) => text.clone(),
            Message::TooManyWords(max) => format!("{start} must be {max} words or less"),
            Message::NotANumber => format!("{start} must be a number"),
            Message::NotAWholeNumber => format!("{start} must be a whole number"),
            Message::TooSmall(min) => format!("{start} must be {min} or more"),
            Message::TooLarge(max) => format!("{start} must be {max} or less"),
            Message::NotMoney => {
                format!("{start} must be an amount of money, like 600 or 193.54")
            }
            Message::EmailFormat => {
                "Enter an email address in the correct format, like name@example.com".to_owned()
            }
            Message::PhoneFormat => {
                "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
                    .to_owned()
            }
            Message::PhoneNotUk => {
                "Enter a UK telephone number, like 01632 960 001 or 07700 900 982".to_owned()
            }
            Message::NationalInsuranceFormat => "Enter a National Insurance number that is 2 letters, 6 numbers, then A, B, C or D, like QQ 12 34 56 C".to_owned(),
            Message::PostcodeFormat => "Enter a real postcode".to_owned(),
            Message::VehicleRegistrationFormat => {
                "Enter a real vehicle registration number, like CU57 ABC".to_owned()
            }
            Message::SortCodeFormat => "Enter a valid sort code like 309430".to_owned(),
            Message::SortCodeLength => "Sort code must be 6 digits long".to_owned(),
            Message::AccountNumberFormat => {
                "Enter a valid account number like 00733445".to_owned()
            }
            Message::AccountNumberLength => {
                "Account number must be between 6 and 8 digits".to_owned()
            }
            Message::RollNumberLength => {
                "Building society roll number must be between 1 and 18 characters".to_owned()
            }
            Message::RollNumberCharacters => "Building society roll number must only include letters a to z, numbers, hyphens, spaces, forward slashes and full stops".to_owned(),
            Message::FileEmpty => "The selected file is empty".to_owned(),
            Message::FileTooBig(mb) => format!("The selected file must be smaller than {mb}MB"),
            Message::FileWrongKind(kinds) => {
                format!("The selected file must be a {}", or_list(kinds, Language::En))
            }
            Message::TooManyFiles(1) => "You can only select up to 1 file at the same time".to_owned(),
            Message::TooManyFiles(n) => format!("You can only select up to {n} files at the same time"),
            Message::NoLongerAvailable => {
                format!("The {bare} you chose is no longer available – select another")
            }
        }
    }

    fn welsh(&self, enter: &str, start: &str) -> String {
        // Welsh mutates the first consonant after "Rhowch"/"Dewiswch" (a direct object) and
        // after "Rhaid i": "Rhowch god post", "Rhaid i ddyddiad geni ...".
        let bare = start;
        let enter = &soft_mutation(enter);
        let start = &soft_mutation(start);
        match self {
            Message::Required => format!("Rhowch {enter}"),
            Message::SelectRequired => format!("Dewiswch {enter}"),
            Message::SelectExclusive { none_label } => {
                let none_label = none_label.in_language(Language::Cy);
                format!("Dewiswch {enter}, neu dewiswch ‘{none_label}’")
            }
            Message::MissingParts(parts) => {
                let words: Vec<&str> = parts.iter().map(|p| p.word(Language::Cy)).collect();
                format!("Rhaid i {start} gynnwys {}", and_list(&words, Language::Cy))
            }
            Message::NotARealDate => format!("Rhaid i {start} fod yn ddyddiad go iawn"),
            Message::NotARealTime => format!("Rhaid i {start} fod yn amser go iawn"),
            Message::YearNotFourDigits => "Rhaid i’r flwyddyn gynnwys 4 rhif".to_owned(),
            Message::MustBeInThePast => format!("Rhaid i {start} fod yn y gorffennol"),
            Message::MustBeTodayOrInThePast => {
                format!("Rhaid i {start} fod heddiw neu yn y gorffennol")
            }
            Message::MustBeInTheFuture => format!("Rhaid i {start} fod yn y dyfodol"),
            Message::MustBeTodayOrInTheFuture => {
                format!("Rhaid i {start} fod heddiw neu yn y dyfodol")
            }
            Message::MustBeWithinTheLastDays(days) => {
                format!("Rhaid i {start} fod o fewn y {days} diwrnod diwethaf")
            }
            Message::TooLong(max) => format!("Rhaid i {start} fod yn {max} o nodau neu lai"),
            Message::TooShort(min) => format!("Rhaid i {start} fod yn {min} o nodau neu fwy"),
            Message::WrongFormat => format!("Rhowch {enter} yn y fformat cywir"),
            // The service wrote it in one language; it is shown as written.
            Message::Custom(text) => text.clone(),
            Message::TooManyWords(max) => format!("Rhaid i {start} fod yn {max} o eiriau neu lai"),
            Message::NotANumber => format!("Rhaid i {start} fod yn rhif"),
            Message::NotAWholeNumber => format!("Rhaid i {start} fod yn rhif cyfan"),
            Message::TooSmall(min) => format!("Rhaid i {start} fod yn {min} neu fwy"),
            Message::TooLarge(max) => format!("Rhaid i {start} fod yn {max} neu lai"),
            Message::NotMoney => {
                format!("Rhaid i {start} fod yn swm o arian, fel 600 neu 193.54")
            }
            Message::EmailFormat => {
                "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com".to_owned()
            }
            Message::PhoneFormat => {
                "Rhowch rif ffôn, fel 01632 960 001, 07700 900 982 neu +44 808 157 0192"
                    .to_owned()
            }
            Message::PhoneNotUk => {
                "Rhowch rif ffôn yn y DU, fel 01632 960 001 neu 07700 900 982".to_owned()
            }
            Message::NationalInsuranceFormat => "Rhowch rif Yswiriant Gwladol sy’n 2 lythyren, 6 rhif, yna A, B, C neu D, fel QQ 12 34 56 C".to_owned(),
            Message::PostcodeFormat => "Rhowch god post go iawn".to_owned(),
            Message::VehicleRegistrationFormat => {
                "Rhowch rif cofrestru cerbyd go iawn, fel CU57 ABC".to_owned()
            }
            Message::SortCodeFormat => "Rhowch god didoli dilys fel 309430".to_owned(),
            Message::SortCodeLength => "Rhaid i’r cod didoli fod yn 6 digid o hyd".to_owned(),
            Message::AccountNumberFormat => "Rhowch rif cyfrif dilys fel 00733445".to_owned(),
            Message::AccountNumberLength => {
                "Rhaid i’r rhif cyfrif fod rhwng 6 ac 8 digid".to_owned()
            }
            Message::RollNumberLength => {
                "Rhaid i rif rôl y gymdeithas adeiladu fod rhwng 1 a 18 nod".to_owned()
            }
            Message::RollNumberCharacters => "Rhaid i rif rôl y gymdeithas adeiladu gynnwys llythrennau a i z, rhifau, cysylltnodau, bylchau, blaenslaesau ac atalnodau llawn yn unig".to_owned(),
            Message::FileEmpty => "Mae’r ffeil a ddewiswyd yn wag".to_owned(),
            Message::FileTooBig(mb) => format!("Rhaid i’r ffeil a ddewiswyd fod yn llai na {mb}MB"),
            Message::FileWrongKind(kinds) => {
                format!("Rhaid i’r ffeil a ddewiswyd fod yn {}", or_list(kinds, Language::Cy))
            }
            Message::TooManyFiles(n) => format!("Gallwch ddewis hyd at {n} ffeil ar yr un pryd yn unig"),
            // After the article, unmutated: "Nid yw’r dyddiad casglu ...".
            Message::NoLongerAvailable => {
                format!("Nid yw’r {bare} a ddewisoch ar gael mwyach – dewiswch un arall")
            }
        }
    }
}

/// The Welsh soft mutation of a phrase's first word (treiglad meddal): c→g, p→b, t→d, b→f,
/// d→dd, g→(dropped), ll→l, m→f, rh→r. Vowels and words like "eich" are unchanged.
pub fn soft_mutation(phrase: &str) -> String {
    const RULES: &[(&str, &str)] = &[
        ("ll", "l"),
        ("rh", "r"),
        ("c", "g"),
        ("p", "b"),
        ("t", "d"),
        ("b", "f"),
        ("d", "dd"),
        ("g", ""),
        ("m", "f"),
    ];
    // "ch", "ph", "th" and "dd" are their own letters and never mutate.
    if ["ch", "ph", "th", "dd"]
        .iter()
        .any(|d| phrase.starts_with(d))
    {
        return phrase.to_owned();
    }
    for (from, to) in RULES {
        if let Some(rest) = phrase.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    phrase.to_owned()
}

/// Words shown on "check your answers" and in answers themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Word {
    /// "Yes".
    Yes,
    /// "No".
    No,
    /// "Not answered" (an optional question left blank).
    NotAnswered,
    /// "(optional)" after a label.
    Optional,
    /// "or", the divider before an option that excludes the others ("None of these").
    Or,
    /// "Continue", the button that submits a question page.
    Continue,
}

impl Word {
    /// The word in `language`.
    pub fn text(self, language: Language) -> &'static str {
        match (self, language) {
            (Word::Yes, Language::Cy) => "Ie",
            (Word::No, Language::Cy) => "Na",
            (Word::NotAnswered, Language::Cy) => "Heb ei ateb",
            (Word::Optional, Language::Cy) => "(dewisol)",
            (Word::Or, Language::Cy) => "neu",
            (Word::Continue, Language::Cy) => "Parhau",
            (Word::Yes, _) => "Yes",
            (Word::No, _) => "No",
            (Word::NotAnswered, _) => "Not answered",
            (Word::Optional, _) => "(optional)",
            (Word::Or, _) => "or",
            (Word::Continue, _) => "Continue",
        }
    }
}

/// Headings and sentences on the pages the form engine shows itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PageText {
    /// The confirmation panel's heading.
    ApplicationComplete,
    /// Before the reference in the confirmation panel.
    YourReference,
    /// The heading of "check your answers".
    CheckYourAnswers,
    /// The link that goes back to change an answer.
    Change,
    /// The button that sends the application from "check your answers".
    AcceptAndSend,
    /// The confirmation page's link to the resident's copy of what they sent.
    DownloadCopy,
    /// The confirmation page's heading over the form's next steps.
    WhatHappensNext,
}

impl PageText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        match (self, language) {
            (PageText::ApplicationComplete, Language::Cy) => "Cais wedi'i gwblhau",
            (PageText::YourReference, Language::Cy) => "Eich cyfeirnod yw",
            (PageText::CheckYourAnswers, Language::Cy) => {
                "Gwiriwch eich atebion cyn anfon eich cais"
            }
            (PageText::Change, Language::Cy) => "Newid",
            (PageText::AcceptAndSend, Language::Cy) => "Derbyn ac anfon",
            (PageText::DownloadCopy, Language::Cy) => "Lawrlwytho copi o'ch atebion (ffeil testun)",
            (PageText::WhatHappensNext, Language::Cy) => "Beth sy'n digwydd nesaf",
            (PageText::ApplicationComplete, _) => "Application complete",
            (PageText::YourReference, _) => "Your reference number is",
            (PageText::CheckYourAnswers, _) => "Check your answers before sending your application",
            (PageText::Change, _) => "Change",
            (PageText::AcceptAndSend, _) => "Accept and send",
            (PageText::DownloadCopy, _) => "Download a copy of your answers (text file)",
            (PageText::WhatHappensNext, _) => "What happens next",
        }
    }
}

/// The words of a form's payment step: the total on "check your answers" and the pages a
/// resident sees when they come back from paying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaymentText {
    /// Before the fee on "check your answers": "Total to pay".
    TotalToPay,
    /// The button on "check your answers" of a form that takes a payment.
    ContinueToPayment,
    /// Before the amount on the confirmation page: "You have paid".
    YouHavePaid,
    /// The heading when the payment failed, was cancelled or expired.
    NotTaken,
    /// Under [`PaymentText::NotTaken`]: nothing was taken and the application is kept.
    NotTakenBody,
    /// The button that starts a new payment for the same application.
    TryAgain,
    /// The heading while the provider has not finished with the payment.
    Checking,
    /// Under [`PaymentText::Checking`]: wait, do not pay again.
    CheckingBody,
    /// The link that looks at the payment again.
    CheckAgain,
}

impl PaymentText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        match (self, language) {
            (PaymentText::TotalToPay, Language::Cy) => "Cyfanswm i'w dalu",
            (PaymentText::ContinueToPayment, Language::Cy) => "Parhau i dalu",
            (PaymentText::YouHavePaid, Language::Cy) => "Rydych wedi talu",
            (PaymentText::NotTaken, Language::Cy) => "Ni chymerwyd eich taliad",
            (PaymentText::NotTakenBody, Language::Cy) => {
                "Nid oes unrhyw arian wedi'i gymryd o'ch cyfrif. Rydym wedi cadw eich cais: \
                 gallwch geisio talu eto."
            }
            (PaymentText::TryAgain, Language::Cy) => "Rhoi cynnig ar dalu eto",
            (PaymentText::Checking, Language::Cy) => "Rydym yn gwirio eich taliad",
            (PaymentText::CheckingBody, Language::Cy) => {
                "Gall hyn gymryd ychydig funudau. Peidiwch â thalu eto. Rydym wedi cadw eich cais."
            }
            (PaymentText::CheckAgain, Language::Cy) => "Gwirio eto",
            (PaymentText::TotalToPay, _) => "Total to pay",
            (PaymentText::ContinueToPayment, _) => "Continue to payment",
            (PaymentText::YouHavePaid, _) => "You have paid",
            (PaymentText::NotTaken, _) => "Your payment was not taken",
            (PaymentText::NotTakenBody, _) => {
                "No money has been taken from your account. We have kept your application: \
                 you can try paying again."
            }
            (PaymentText::TryAgain, _) => "Try paying again",
            (PaymentText::Checking, _) => "We are checking your payment",
            (PaymentText::CheckingBody, _) => {
                "This can take a few minutes. Do not pay again. We have kept your application."
            }
            (PaymentText::CheckAgain, _) => "Check again",
        }
    }
}

/// Labels and hints of the inputs an answer asked in several fields is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldText {
    /// "Title" of a name in parts.
    Title,
    /// "First name".
    FirstName,
    /// "Last name".
    LastName,
    /// "Hour" of a time.
    Hour,
    /// "Minute" of a time.
    Minute,
    /// The hint of a time: the 24-hour clock.
    TimeHint,
    /// "Name on the account".
    AccountName,
    /// "Sort code".
    SortCode,
    /// The sort code's hint.
    SortCodeHint,
    /// "Account number".
    AccountNumber,
    /// The account number's hint.
    AccountNumberHint,
    /// "Building society roll number (if you have one)".
    RollNumber,
    /// The roll number's hint.
    RollNumberHint,
    /// "Address line 1".
    AddressLine1,
    /// "Address line 2 (optional)".
    AddressLine2,
    /// "Address line 3 (optional)".
    AddressLine3,
    /// "Town or city".
    Town,
    /// "County (optional)".
    County,
    /// "Postcode".
    Postcode,
    /// "Postal code or ZIP code (optional)", of an international address.
    PostalCode,
    /// "Country".
    Country,
}

impl FieldText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let cy = language == Language::Cy;
        match self {
            FieldText::Title => pick(cy, "Title (optional)", "Teitl (dewisol)"),
            FieldText::FirstName => pick(cy, "First name", "Enw cyntaf"),
            FieldText::LastName => pick(cy, "Last name", "Cyfenw"),
            FieldText::Hour => pick(cy, "Hour", "Awr"),
            FieldText::Minute => pick(cy, "Minute", "Munud"),
            FieldText::TimeHint => pick(
                cy,
                "Use the 24-hour clock, for example 14 30",
                "Defnyddiwch y cloc 24 awr, er enghraifft 14 30",
            ),
            FieldText::AccountName => pick(cy, "Name on the account", "Yr enw ar y cyfrif"),
            FieldText::SortCode => pick(cy, "Sort code", "Cod didoli"),
            FieldText::SortCodeHint => pick(
                cy,
                "Must be 6 digits long",
                "Rhaid iddo fod yn 6 digid o hyd",
            ),
            FieldText::AccountNumber => pick(cy, "Account number", "Rhif y cyfrif"),
            FieldText::AccountNumberHint => pick(
                cy,
                "Must be between 6 and 8 digits long",
                "Rhaid iddo fod rhwng 6 ac 8 digid o hyd",
            ),
            FieldText::RollNumber => pick(
                cy,
                "Building society roll number (if you have one)",
                "Rhif rôl y gymdeithas adeiladu (os oes gennych un)",
            ),
            FieldText::RollNumberHint => pick(
                cy,
                "You can find it on your card, statement or passbook",
                "Gallwch ddod o hyd iddo ar eich cerdyn, eich cyfriflen neu eich llyfr cynilo",
            ),
            FieldText::AddressLine1 => pick(cy, "Address line 1", "Llinell 1 y cyfeiriad"),
            FieldText::AddressLine2 => pick(
                cy,
                "Address line 2 (optional)",
                "Llinell 2 y cyfeiriad (dewisol)",
            ),
            FieldText::AddressLine3 => pick(
                cy,
                "Address line 3 (optional)",
                "Llinell 3 y cyfeiriad (dewisol)",
            ),
            FieldText::Town => pick(cy, "Town or city", "Tref neu ddinas"),
            FieldText::County => pick(cy, "County (optional)", "Sir (dewisol)"),
            FieldText::Postcode => pick(cy, "Postcode", "Cod post"),
            FieldText::PostalCode => pick(
                cy,
                "Postal code or ZIP code (optional)",
                "Cod post neu god ZIP (dewisol)",
            ),
            FieldText::Country => pick(cy, "Country", "Gwlad"),
        }
    }
}

/// The words of the UK address lookup steps: find the postcode, pick the address, or enter it
/// by hand. (Postcode errors themselves come from civic-address-lookup's messages.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LookupText {
    /// The optional building field's label.
    Building,
    /// The building field's hint.
    BuildingHint,
    /// The postcode field's hint.
    PostcodeHint,
    /// The button that looks the postcode up.
    FindAddress,
    /// The heading of the step that lists addresses.
    SelectAddress,
    /// The label of the list of addresses.
    Address,
    /// The error when no address was chosen from the list.
    SelectAddressError,
    /// The link from the list to typing the address in.
    CantFindAddress,
    /// The link back to the postcode step.
    SearchAgain,
    /// The link from the postcode step to typing the address in.
    EnterManually,
    /// The button that chooses the address selected.
    UseThisAddress,
    /// "Change", beside the postcode searched for.
    Change,
}

impl LookupText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let cy = language == Language::Cy;
        match self {
            LookupText::Building => pick(
                cy,
                "Building number or name (optional)",
                "Rhif neu enw’r adeilad (dewisol)",
            ),
            LookupText::BuildingHint => pick(
                cy,
                "For example, 15 or Prospect Cottage",
                "Er enghraifft, 15 neu Bwthyn Prospect",
            ),
            LookupText::PostcodeHint => pick(cy, "For example, AA3 1AB", "Er enghraifft, AA3 1AB"),
            LookupText::FindAddress => pick(cy, "Find address", "Dod o hyd i gyfeiriad"),
            LookupText::SelectAddress => pick(cy, "Select an address", "Dewiswch gyfeiriad"),
            LookupText::Address => pick(cy, "Address", "Cyfeiriad"),
            LookupText::SelectAddressError => pick(cy, "Select an address", "Dewiswch gyfeiriad"),
            LookupText::CantFindAddress => pick(
                cy,
                "I can’t find the address in the list",
                "Ni allaf ddod o hyd i’r cyfeiriad yn y rhestr",
            ),
            LookupText::SearchAgain => pick(cy, "Search again", "Chwilio eto"),
            LookupText::EnterManually => pick(
                cy,
                "Enter the address manually",
                "Nodwch y cyfeiriad â llaw",
            ),
            LookupText::UseThisAddress => pick(cy, "Use this address", "Defnyddio’r cyfeiriad hwn"),
            LookupText::Change => pick(cy, "Change", "Newid"),
        }
    }

    /// "1 address found", "5 addresses found".
    pub fn addresses_found(count: usize, language: Language) -> String {
        match (language, count) {
            (Language::Cy, 1) => "Daethpwyd o hyd i 1 cyfeiriad".to_owned(),
            (Language::Cy, n) => format!("Daethpwyd o hyd i {n} cyfeiriad"),
            (_, 1) => "1 address found".to_owned(),
            (_, n) => format!("{n} addresses found"),
        }
    }
}

/// The hint under a file upload: the kinds of file, the size limit and how many files.
pub fn file_upload_hint(
    kinds: &[FileKind],
    max_size_mb: u32,
    max_files: u32,
    language: Language,
) -> String {
    let kinds = or_list(kinds, language);
    match (language, max_files) {
        (Language::Cy, 0 | 1) => {
            format!("Uwchlwythwch {kinds}. Rhaid i’r ffeil fod yn llai na {max_size_mb}MB.")
        }
        (Language::Cy, n) => format!(
            "Uwchlwythwch {kinds}. Gallwch uwchlwytho hyd at {n} ffeil. Rhaid i bob ffeil fod yn llai na {max_size_mb}MB."
        ),
        (_, 0 | 1) => format!("Upload a {kinds}. The file must be smaller than {max_size_mb}MB."),
        (_, n) => format!(
            "Upload a {kinds}. You can upload up to {n} files. Each file must be smaller than {max_size_mb}MB."
        ),
    }
}

/// Said under a file upload that was answered before: the files kept unless others are
/// chosen ("You have uploaded scan.pdf. Choose a file only to replace it.").
pub fn files_uploaded(names: &[&str], language: Language) -> String {
    let names = and_list(names, language);
    match language {
        Language::Cy => {
            format!(
                "Rydych wedi uwchlwytho {names}. Dewiswch ffeil dim ond i roi un arall yn ei lle."
            )
        }
        _ => format!("You have uploaded {names}. Choose a file only to replace it."),
    }
}

/// Added to the team's email when its transport cannot carry attachments (GOV.UK Notify's
/// API): the files are named, and where they are kept is said.
pub fn files_not_attached(names: &[&str], language: Language) -> String {
    let names = and_list(names, language);
    match language {
        Language::Cy => format!(
            "Ni ellid atodi’r ffeiliau a uwchlwythwyd ({names}): nid yw’r gwasanaeth e-bost hwn yn anfon atodiadau. Maen nhw’n cael eu cadw gyda’r cais: gall gweinyddwr y ffurflenni eu cadw gyda `civic forms export --files`."
        ),
        _ => format!(
            "The uploaded files ({names}) could not be attached: this email service does not send attachments. They are kept with the submission: the forms administrator can save them with `civic forms export --files`."
        ),
    }
}

/// The words of the add-to-a-list pages (the MoJ pattern): the summary of items added, "Do
/// you need to add another?", and the confirmation before removing one. `item` is the form's
/// singular item name ("vehicle", "cerbyd"); `label` is how one item is named (its first
/// answer).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListText<'a> {
    /// The summary's heading: "You have added 2 items".
    YouHaveAdded(usize),
    /// The yes/no legend: "Do you need to add another vehicle?".
    AddAnother(&'a str),
    /// The error when "Do you need to add another?" was not answered.
    AddAnotherRequired(&'a str),
    /// Shown instead of the question when the list is full.
    AtMost(u32),
    /// Shown (and the error) while fewer than the minimum are added.
    AtLeast(u32),
    /// The link that removes an item.
    Remove,
    /// The heading of the removal confirmation: "Are you sure you want to remove Ford Fiesta?".
    RemoveQuestion(&'a str),
    /// The error when the removal confirmation was not answered.
    RemoveRequired(&'a str),
    /// An item with no answer to name it by: "Vehicle 2".
    Numbered(&'a str, usize),
}

impl ListText<'_> {
    /// The text in `language`.
    pub fn text(&self, language: Language) -> String {
        let cy = language == Language::Cy;
        match *self {
            ListText::YouHaveAdded(1) if !cy => "You have added 1 item".to_owned(),
            ListText::YouHaveAdded(n) if !cy => format!("You have added {n} items"),
            // Welsh counts take the singular noun.
            ListText::YouHaveAdded(n) => format!("Rydych wedi ychwanegu {n} eitem"),
            ListText::AddAnother(item) if !cy => format!("Do you need to add another {item}?"),
            ListText::AddAnother(item) => format!("Oes angen i chi ychwanegu {item} arall?"),
            ListText::AddAnotherRequired(item) if !cy => {
                format!("Select yes if you need to add another {item}")
            }
            ListText::AddAnotherRequired(item) => {
                format!("Dewiswch ‘Ie’ os oes angen i chi ychwanegu {item} arall")
            }
            ListText::AtMost(1) if !cy => "You cannot add more than 1 item".to_owned(),
            ListText::AtMost(n) if !cy => format!("You cannot add more than {n} items"),
            ListText::AtMost(n) => format!("Ni allwch ychwanegu mwy na {n} eitem"),
            ListText::AtLeast(1) if !cy => "You need to add at least 1 item".to_owned(),
            ListText::AtLeast(n) if !cy => format!("You need to add at least {n} items"),
            ListText::AtLeast(n) => format!("Mae angen i chi ychwanegu o leiaf {n} eitem"),
            ListText::Remove => pick(cy, "Remove", "Tynnu").to_owned(),
            ListText::RemoveQuestion(label) if !cy => {
                format!("Are you sure you want to remove {label}?")
            }
            ListText::RemoveQuestion(label) => {
                format!("Ydych chi’n siŵr eich bod am dynnu {label}?")
            }
            ListText::RemoveRequired(label) if !cy => {
                format!("Select yes if you want to remove {label}")
            }
            ListText::RemoveRequired(label) => format!("Dewiswch ‘Ie’ os ydych am dynnu {label}"),
            ListText::Numbered(item, n) => format!("{} {n}", capitalise(item)),
        }
    }
}

/// The words around the declaration on "check your answers".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeclarationText {
    /// The heading above the declaration.
    Heading,
    /// The error when the declaration's checkbox was not ticked.
    Required,
}

impl DeclarationText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let cy = language == Language::Cy;
        match self {
            DeclarationText::Heading => {
                pick(cy, "Now send your application", "Nawr anfonwch eich cais")
            }
            DeclarationText::Required => pick(
                cy,
                "Confirm that you agree with the declaration",
                "Cadarnhewch eich bod yn cytuno â’r datganiad",
            ),
        }
    }
}

/// The words of the task list page for long forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TaskText {
    /// Every page of the task is answered.
    Completed,
    /// Some pages of the task are answered.
    Incomplete,
    /// The task can be started but has not been.
    NotYetStarted,
    /// An earlier task must be finished first.
    CannotStartYet,
    /// The last task: "check your answers" and send.
    CheckAndSend,
}

impl TaskText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let cy = language == Language::Cy;
        match self {
            TaskText::Completed => pick(cy, "Completed", "Wedi’i gwblhau"),
            TaskText::Incomplete => pick(cy, "Incomplete", "Heb ei gwblhau"),
            TaskText::NotYetStarted => pick(cy, "Not yet started", "Heb ddechrau eto"),
            TaskText::CannotStartYet => pick(cy, "Cannot start yet", "Methu dechrau eto"),
            TaskText::CheckAndSend => pick(
                cy,
                "Check your answers and send your application",
                "Gwirio’ch atebion ac anfon eich cais",
            ),
        }
    }

    /// "You have completed 3 of 8 sections."
    pub fn progress(done: usize, all: usize, language: Language) -> String {
        match language {
            Language::Cy => format!("Rydych wedi cwblhau {done} o {all} adran."),
            _ => format!("You have completed {done} of {all} sections."),
        }
    }
}

/// The words of the save-and-return pages and of the session timeout notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SaveReturnText {
    /// The heading of the page asking for an email address.
    SaveHeading,
    /// The email field's label.
    EmailLabel,
    /// How errors name the email address ("Enter your email address").
    EmailErrorName,
    /// The button that sends the link.
    SendLink,
    /// The heading after the link was sent.
    CheckEmailHeading,
    /// The heading of the page a link opens, and its button.
    ContinueHeading,
    /// The sentence on the page a link opens.
    ContinueBody,
    /// The heading when a link cannot be used.
    ExpiredHeading,
    /// The link to start the form again.
    StartAgain,
}

impl SaveReturnText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let cy = language == Language::Cy;
        match self {
            SaveReturnText::SaveHeading => pick(
                cy,
                "Save and come back later",
                "Cadw a dod yn ôl yn nes ymlaen",
            ),
            SaveReturnText::EmailLabel => pick(cy, "Email address", "Cyfeiriad e-bost"),
            SaveReturnText::EmailErrorName => {
                pick(cy, "your email address", "eich cyfeiriad e-bost")
            }
            SaveReturnText::SendLink => pick(cy, "Send link", "Anfon y ddolen"),
            SaveReturnText::CheckEmailHeading => {
                pick(cy, "Check your email", "Gwiriwch eich e-bost")
            }
            SaveReturnText::ContinueHeading => {
                pick(cy, "Continue your application", "Parhau â’ch cais")
            }
            SaveReturnText::ContinueBody => pick(
                cy,
                "Your answers have been saved. Continue to carry on where you left off.",
                "Mae eich atebion wedi cael eu cadw. Parhewch i fynd ymlaen o’r man lle roeddech chi.",
            ),
            SaveReturnText::ExpiredHeading => pick(
                cy,
                "This link has expired or has been used",
                "Mae’r ddolen hon wedi dod i ben neu wedi cael ei defnyddio",
            ),
            SaveReturnText::StartAgain => pick(cy, "Start again", "Dechrau eto"),
        }
    }

    /// What the email-address page says about the link.
    pub fn save_intro(days: u32, language: Language) -> String {
        match language {
            Language::Cy => format!(
                "Byddwn yn anfon dolen atoch drwy e-bost er mwyn i chi barhau â’ch cais. Mae’r ddolen yn gweithio unwaith, am {days} diwrnod."
            ),
            _ => format!(
                "We will email you a link to continue your application. The link works once, for {days} days."
            ),
        }
    }

    /// What "Check your email" says: where the link went and for how long it works.
    pub fn link_sent(email: &str, days: u32, language: Language) -> [String; 2] {
        match language {
            Language::Cy => [
                format!("Rydym wedi anfon dolen i {email}."),
                format!(
                    "Defnyddiwch hi o fewn {days} diwrnod i barhau â’ch cais. Os nad yw’n cyrraedd o fewn ychydig funudau, edrychwch yn eich ffolder sbam."
                ),
            ],
            _ => [
                format!("We have sent a link to {email}."),
                format!(
                    "Use it within {days} days to continue your application. If it does not arrive in a few minutes, check your spam folder."
                ),
            ],
        }
    }

    /// Why a link may not work.
    pub fn expired_body(days: u32, language: Language) -> String {
        match language {
            Language::Cy => format!(
                "Mae pob dolen yn gweithio unwaith, am {days} diwrnod. Gallwch ddechrau eto, neu ofyn am ddolen newydd o’r ffurflen."
            ),
            _ => format!(
                "Each link works once, for {days} days. You can start again, or ask for a new link from the form."
            ),
        }
    }

    /// The session timeout notice, on the page itself so it works without JavaScript.
    pub fn timeout_notice(minutes: u32, language: Language) -> String {
        match language {
            Language::Cy => format!(
                "Byddwn yn dileu eich atebion os na fyddwch yn gwneud unrhyw beth am {minutes} munud."
            ),
            _ => format!(
                "We will delete your answers if you do not do anything for {}.",
                english_minutes(minutes)
            ),
        }
    }
}

/// The English or the Welsh.
fn pick(cy: bool, english: &'static str, welsh: &'static str) -> &'static str {
    if cy { welsh } else { english }
}

/// The pages the HTTP layer shows when a request cannot be handled: each a heading and a
/// sentence, in English and Welsh. `{minutes}` in a sentence is the form's session timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemText {
    /// A POST without a valid CSRF token (403).
    Forbidden,
    /// A body over the size limit (413).
    TooLarge,
    /// A form field the page does not ask for (400).
    UnknownField,
    /// Too many submissions from one client (429).
    TooMany,
    /// The session expired: its answers are gone.
    AnswersDeleted,
    /// The resident chose "Delete answers and sign out" in the timeout warning.
    SignedOut,
    /// The page does not exist (404).
    NotFound,
    /// Something failed on the council's side (500, 503).
    Unavailable,
    /// The address provider failed: the resident types the address in instead (503).
    LookupUnavailable,
    /// Trying to pay again, what the resident chose (a collection date) was taken while
    /// their payment was not complete; their answers are in a held submission, so they
    /// start again (409).
    ChoiceGone,
}

impl ProblemText {
    /// The heading (also the page title) in `language`.
    pub fn heading(self, language: Language) -> &'static str {
        match (self, language) {
            (ProblemText::Forbidden, Language::Cy) => {
                "Mae’n ddrwg gennym, nid oeddem yn gallu cadw eich ateb"
            }
            (ProblemText::TooLarge, Language::Cy) => {
                "Roedd yr wybodaeth a anfonwyd gennych yn rhy fawr"
            }
            (ProblemText::UnknownField, Language::Cy) => {
                "Mae’n ddrwg gennym, nid oeddem yn gallu darllen yr wybodaeth a anfonwyd gennych"
            }
            (ProblemText::TooMany, Language::Cy) => "Rydych wedi cyflwyno gormod o weithiau",
            (ProblemText::AnswersDeleted | ProblemText::SignedOut, Language::Cy) => {
                "Mae eich atebion wedi cael eu dileu"
            }
            (ProblemText::NotFound, Language::Cy) => "Heb ddod o hyd i’r dudalen",
            (ProblemText::Unavailable, Language::Cy) => {
                "Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth"
            }
            (ProblemText::LookupUnavailable, Language::Cy) => {
                "Mae’n ddrwg gennym, nid yw chwilio am gyfeiriad yn gweithio ar hyn o bryd"
            }
            (ProblemText::Forbidden, _) => "Sorry, we could not save your answer",
            (ProblemText::TooLarge, _) => "The information you sent was too large",
            (ProblemText::UnknownField, _) => "Sorry, we could not read the information you sent",
            (ProblemText::TooMany, _) => "You’ve submitted too many times",
            (ProblemText::AnswersDeleted | ProblemText::SignedOut, _) => {
                "Your answers have been deleted"
            }
            (ProblemText::NotFound, _) => "Page not found",
            (ProblemText::Unavailable, _) => "Sorry, there is a problem with the service",
            (ProblemText::LookupUnavailable, _) => "Sorry, the address finder is not working",
            (ProblemText::ChoiceGone, Language::Cy) => "Nid yw’r hyn a ddewisoch ar gael mwyach",
            (ProblemText::ChoiceGone, _) => "What you chose is no longer available",
        }
    }

    /// What happened and what to do, in `language`, for a form whose session times out after
    /// `minutes`.
    pub fn sentence(self, language: Language, minutes: u32) -> String {
        let text = match (self, language) {
            (ProblemText::Forbidden, Language::Cy) => {
                "Gall hyn ddigwydd os oedd y dudalen ar agor am amser hir neu mewn tab arall. Mae eich atebion blaenorol wedi’u cadw. Ewch yn ôl i’r dudalen a rhowch gynnig arall arni."
            }
            (ProblemText::TooLarge, Language::Cy) => {
                "Mae eich atebion blaenorol wedi’u cadw. Ewch yn ôl i’r dudalen ac anfon llai, neu ffeil lai."
            }
            (ProblemText::UnknownField, Language::Cy) => {
                "Mae eich atebion blaenorol wedi’u cadw. Ewch yn ôl i’r dudalen a rhowch gynnig arall arni."
            }
            (ProblemText::TooMany, Language::Cy) => {
                "Mae angen i chi aros ychydig funudau cyn rhoi cynnig arall arni. Mae eich atebion wedi’u cadw."
            }
            (ProblemText::AnswersDeleted, Language::Cy) => {
                "Gwnaethom ddileu eich atebion oherwydd na wnaethoch unrhyw beth am {minutes} munud. Gwnaethom hyn i gadw eich gwybodaeth yn ddiogel."
            }
            (ProblemText::SignedOut, Language::Cy) => {
                "Gwnaethoch allgofnodi, felly rydym wedi dileu eich atebion."
            }
            (ProblemText::NotFound, Language::Cy) => {
                "Os gwnaethoch deipio’r cyfeiriad gwe, gwiriwch ei fod yn gywir."
            }
            (ProblemText::Unavailable, Language::Cy) => {
                "Rhowch gynnig arall arni yn nes ymlaen. Mae eich atebion wedi’u cadw."
            }
            (ProblemText::LookupUnavailable, Language::Cy) => {
                "Nodwch y cyfeiriad eich hun yn lle hynny. Mae eich atebion wedi’u cadw."
            }
            (ProblemText::Forbidden, _) => {
                "This can happen if the page was open for a long time or in another tab. Your earlier answers have been kept. Go back to the page and try again."
            }
            (ProblemText::TooLarge, _) => {
                "Your earlier answers have been kept. Go back to the page and send less, or a smaller file."
            }
            (ProblemText::UnknownField, _) => {
                "Your earlier answers have been kept. Go back to the page and try again."
            }
            (ProblemText::TooMany, _) => {
                "You need to wait a few minutes before you try again. Your answers have been kept."
            }
            (ProblemText::AnswersDeleted, _) => {
                "We deleted your answers because you did not do anything for {minutes}. We did this to keep your information secure."
            }
            (ProblemText::SignedOut, _) => "You signed out, so we deleted your answers.",
            (ProblemText::NotFound, _) => "If you typed the web address, check it is correct.",
            (ProblemText::Unavailable, _) => "Try again later. Your answers have been kept.",
            (ProblemText::LookupUnavailable, _) => {
                "Enter the address yourself instead. Your answers have been kept."
            }
            (ProblemText::ChoiceGone, Language::Cy) => {
                "Cafodd ei gymryd cyn i’ch taliad gael ei gwblhau. Nid ydych wedi talu. Dechreuwch eto i ddewis eto."
            }
            (ProblemText::ChoiceGone, _) => {
                "It was taken before your payment was complete. You have not paid. Start again to choose again."
            }
        };
        let minutes = match language {
            Language::Cy => minutes.to_string(),
            _ => english_minutes(minutes),
        };
        text.replace("{minutes}", &minutes)
    }

    /// The link or button under the sentence, in `language`: back to the page, or start again.
    pub fn action(self, language: Language) -> &'static str {
        match (self, language) {
            (
                ProblemText::AnswersDeleted | ProblemText::SignedOut | ProblemText::ChoiceGone,
                Language::Cy,
            ) => "Dechrau eto",
            (ProblemText::AnswersDeleted | ProblemText::SignedOut | ProblemText::ChoiceGone, _) => {
                "Start again"
            }
            (ProblemText::LookupUnavailable, Language::Cy) => {
                civic_address_lookup::messages::enter_address_manually(
                    civic_address_lookup::messages::Language::Welsh,
                )
            }
            (ProblemText::LookupUnavailable, _) => {
                civic_address_lookup::messages::enter_address_manually(
                    civic_address_lookup::messages::Language::English,
                )
            }
            (_, Language::Cy) => "Dychwelyd i’r dudalen",
            (_, _) => "Return to the page",
        }
    }
}

/// The words of the session timeout warning, the dialog shown with JavaScript shortly before
/// the answers would be deleted (WCAG 2.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutText {
    /// The dialog's heading.
    Heading,
    /// What happens if the resident does nothing.
    Body,
    /// The button that deletes the answers at once.
    SignOut,
    /// The countdown with one minute left; `{n}` is the number.
    OneMinute,
    /// The countdown in minutes; `{n}` is the number.
    Minutes,
    /// The countdown in seconds, in the last minute; `{n}` is the number.
    Seconds,
}

impl TimeoutText {
    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let cy = language == Language::Cy;
        match self {
            TimeoutText::Heading => pick(
                cy,
                "You’re about to be signed out",
                "Rydych ar fin cael eich allgofnodi",
            ),
            TimeoutText::Body => pick(
                cy,
                "We will delete your answers if you do not do anything. Select ‘Continue’ to keep them.",
                "Byddwn yn dileu eich atebion os na fyddwch yn gwneud unrhyw beth. Dewiswch ‘Parhau’ i’w cadw.",
            ),
            TimeoutText::SignOut => pick(
                cy,
                "Delete answers and sign out",
                "Dileu atebion ac allgofnodi",
            ),
            TimeoutText::OneMinute => pick(
                cy,
                "You will be signed out in {n} minute.",
                "Byddwch yn cael eich allgofnodi ymhen {n} munud.",
            ),
            TimeoutText::Minutes => pick(
                cy,
                "You will be signed out in {n} minutes.",
                "Byddwch yn cael eich allgofnodi ymhen {n} munud.",
            ),
            TimeoutText::Seconds => pick(
                cy,
                "You will be signed out in {n} seconds.",
                "Byddwch yn cael eich allgofnodi ymhen {n} eiliad.",
            ),
        }
    }
}

/// The words of the autocomplete that JavaScript makes of a long list's select: what it shows
/// and what it tells screen readers as the resident types. Without JavaScript none is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AutocompleteText {
    /// Shown in the list when nothing matches what was typed.
    NoResults,
    /// Announced when nothing matches.
    StatusNoResults,
    /// Announced as an option is highlighted; `{option}`, `{n}` (its place) and `{count}`.
    StatusSelectedOption,
    /// Announced when one option matches.
    StatusOneResult,
    /// Announced when several match; `{count}` is how many.
    StatusResults,
    /// Read once when the field is reached, before anything is typed.
    AssistiveHint,
}

impl AutocompleteText {
    /// Every text, with the name of the `data-text-*` attribute that carries it to the script.
    pub const ALL: [(AutocompleteText, &'static str); 6] = [
        (AutocompleteText::NoResults, "no-results"),
        (AutocompleteText::StatusNoResults, "status-no-results"),
        (
            AutocompleteText::StatusSelectedOption,
            "status-selected-option",
        ),
        (AutocompleteText::StatusOneResult, "status-one-result"),
        (AutocompleteText::StatusResults, "status-results"),
        (AutocompleteText::AssistiveHint, "assistive-hint"),
    ];

    /// The text in `language`.
    pub fn text(self, language: Language) -> &'static str {
        let cy = language == Language::Cy;
        match self {
            AutocompleteText::NoResults => {
                pick(cy, "No results found", "Dim canlyniadau wedi’u canfod")
            }
            AutocompleteText::StatusNoResults => {
                pick(cy, "No search results", "Dim canlyniadau chwilio")
            }
            AutocompleteText::StatusSelectedOption => pick(
                cy,
                "{option} {n} of {count} is highlighted",
                "Mae {option} {n} o {count} wedi’i amlygu",
            ),
            AutocompleteText::StatusOneResult => {
                pick(cy, "1 result is available.", "Mae 1 canlyniad ar gael.")
            }
            AutocompleteText::StatusResults => pick(
                cy,
                "{count} results are available.",
                "Mae {count} canlyniad ar gael.",
            ),
            AutocompleteText::AssistiveHint => pick(
                cy,
                "When autocomplete results are available use up and down arrows to review and enter to select. Touch device users, explore by touch or with swipe gestures.",
                "Pan fydd canlyniadau awtolenwi ar gael, defnyddiwch y saethau i fyny ac i lawr i’w hadolygu a’r fysell enter i ddewis. Os ydych yn defnyddio dyfais gyffwrdd, archwiliwch drwy gyffwrdd neu drwy sweipio.",
            ),
        }
    }
}

/// "1 minute", "20 minutes". (Welsh counts with the singular noun: "20 munud".)
fn english_minutes(minutes: u32) -> String {
    if minutes == 1 {
        "1 minute".to_owned()
    } else {
        format!("{minutes} minutes")
    }
}

/// The label of the honeypot field, hidden from people; only bots see it and fill it in.
pub fn honeypot_label(language: Language) -> &'static str {
    match language {
        Language::Cy => "Gadewch y maes hwn yn wag",
        _ => "Leave this field empty",
    }
}

/// The emails this crate sends, as civic-notify templates: `((placeholders))` are filled in
/// (and HTML-escaped) by civic-notify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmailText {
    /// The "save and return" link: `((form))`, `((link))`, `((days))`.
    SaveAndReturn,
    /// The resident's copy of what they sent: `((form))`, `((reference))`, `((answers))`.
    ResidentConfirmation,
    /// The council team's notice of a submission: `((form))`, `((reference))`, `((answers))`.
    TeamNotice,
}

impl EmailText {
    /// The subject and body in `language`.
    pub fn text(self, language: Language) -> (&'static str, &'static str) {
        match (self, language) {
            (EmailText::SaveAndReturn, Language::Cy) => (
                "Parhau â’ch cais: ((form))",
                "Defnyddiwch y ddolen hon i barhau â’ch cais:\n\n((link))\n\nMae’r ddolen yn gweithio unwaith ac am ((days)) diwrnod. Os na wnaethoch ofyn amdani, gallwch anwybyddu’r e-bost hwn.",
            ),
            (EmailText::SaveAndReturn, _) => (
                "Continue your application: ((form))",
                "Use this link to continue your application:\n\n((link))\n\nThe link works once and for ((days)) days. If you did not ask for it, you can ignore this email.",
            ),
            (EmailText::ResidentConfirmation, Language::Cy) => (
                "Rydym wedi cael eich cais: ((form))",
                "Eich cyfeirnod yw ((reference)).\n\nDyma gopi o’r hyn a anfonwyd gennych:\n\n((answers))",
            ),
            (EmailText::ResidentConfirmation, _) => (
                "We have received your application: ((form))",
                "Your reference is ((reference)).\n\nThis is a copy of what you sent:\n\n((answers))",
            ),
            (EmailText::TeamNotice, Language::Cy) => (
                "Cais newydd: ((form)) ((reference))",
                "Cyfeirnod: ((reference))\n\n((answers))",
            ),
            (EmailText::TeamNotice, _) => (
                "New submission: ((form)) ((reference))",
                "Reference: ((reference))\n\n((answers))",
            ),
        }
    }

    /// The email as a civic-notify template with its English and Welsh versions.
    pub fn template(self) -> civic_notify::Template {
        let (subject, body) = self.text(Language::En);
        let (welsh_subject, welsh_body) = self.text(Language::Cy);
        civic_notify::Template::new(civic_notify::TemplateKind::Email, Some(subject), body)
            .with_welsh(Some(welsh_subject), welsh_body)
    }
}

/// English and Welsh month names, for reading dates and showing them.
pub const MONTHS: [(&str, &str); 12] = [
    ("January", "Ionawr"),
    ("February", "Chwefror"),
    ("March", "Mawrth"),
    ("April", "Ebrill"),
    ("May", "Mai"),
    ("June", "Mehefin"),
    ("July", "Gorffennaf"),
    ("August", "Awst"),
    ("September", "Medi"),
    ("October", "Hydref"),
    ("November", "Tachwedd"),
    ("December", "Rhagfyr"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn dob() -> Subject {
        Subject::from_phrase("your date of birth", Language::En)
    }

    #[test]
    fn messages_are_built_from_the_question() {
        assert_eq!(
            Message::Required.text(&dob(), Language::En),
            "Enter your date of birth"
        );
        assert_eq!(
            Message::MissingParts(vec![Part::Month]).text(&dob(), Language::En),
            "Date of birth must include a month"
        );
        assert_eq!(
            Message::MissingParts(vec![Part::Day, Part::Month]).text(&dob(), Language::En),
            "Date of birth must include a day and month"
        );
        assert_eq!(
            Message::NotARealDate.text(&dob(), Language::En),
            "Date of birth must be a real date"
        );
        let full_name = Subject::from_phrase("your full name", Language::En);
        assert_eq!(
            Message::TooLong(100).text(&full_name, Language::En),
            "Full name must be 100 characters or less"
        );
    }

    #[test]
    fn too_short_wrong_format_and_custom_in_english_and_welsh() {
        let en = Subject::from_phrase("your reference", Language::En);
        let cy = Subject::from_phrase("cyfeirnod", Language::Cy);
        assert_eq!(
            Message::TooShort(8).text(&en, Language::En),
            "Reference must be 8 characters or more"
        );
        assert_eq!(
            Message::TooShort(8).text(&cy, Language::Cy),
            "Rhaid i gyfeirnod fod yn 8 o nodau neu fwy"
        );
        assert_eq!(
            Message::WrongFormat.text(&en, Language::En),
            "Enter your reference in the correct format"
        );
        assert_eq!(
            Message::WrongFormat.text(&cy, Language::Cy),
            "Rhowch gyfeirnod yn y fformat cywir"
        );
        let custom = Message::Custom("Enter the reference from your letter".to_owned());
        for language in [Language::En, Language::Cy] {
            assert_eq!(
                custom.text(&en, language),
                "Enter the reference from your letter"
            );
        }
    }

    #[test]
    fn every_part_is_found_by_its_key() {
        for part in Part::ALL {
            assert_eq!(Part::from_key(part.key()), Some(part));
        }
        assert_eq!(Part::from_key("dob"), None);
    }

    #[test]
    fn welsh_mutates_the_name_after_the_verb_and_after_i() {
        assert_eq!(soft_mutation("cod post"), "god post");
        assert_eq!(soft_mutation("rhif ffôn"), "rif ffôn");
        assert_eq!(soft_mutation("llinell gyntaf"), "linell gyntaf");
        assert_eq!(soft_mutation("gwlad"), "wlad");
        assert_eq!(soft_mutation("eich enw"), "eich enw");
        assert_eq!(soft_mutation("ffeil"), "ffeil");
        assert_eq!(soft_mutation("dyddiad"), "ddyddiad");
        assert_eq!(soft_mutation("ddyddiad"), "ddyddiad");
        let subject = Subject::from_phrase("cod post", Language::Cy);
        assert_eq!(
            Message::Required.text(&subject, Language::Cy),
            "Rhowch god post"
        );
    }

    #[test]
    fn welsh_messages_use_the_welsh_name() {
        let subject = Subject::from_phrase("eich dyddiad geni", Language::Cy);
        assert_eq!(subject.start, "Dyddiad geni");
        assert_eq!(
            Message::Required.text(&subject, Language::Cy),
            "Rhowch eich dyddiad geni"
        );
        assert_eq!(
            Message::MissingParts(vec![Part::Day, Part::Year]).text(&subject, Language::Cy),
            "Rhaid i ddyddiad geni gynnwys diwrnod a blwyddyn"
        );
    }

    #[test]
    fn autocomplete_words_are_translated_with_the_same_placeholders() {
        let placeholders = |text: &str| {
            ["{option}", "{n}", "{count}"]
                .into_iter()
                .filter(|p| text.contains(p))
                .collect::<Vec<_>>()
        };
        for (text, _) in AutocompleteText::ALL {
            let (en, cy) = (text.text(Language::En), text.text(Language::Cy));
            assert_ne!(en, cy, "{text:?}");
            assert_eq!(placeholders(en), placeholders(cy), "{text:?}");
        }
    }
}
