//! File uploads: each file's kind is judged from its content, never from its name or the
//! browser's content type, then checked against the question's accepted kinds and size limit.
//! The HTTP layer stores the content of the files that pass (see
//! [`FileStore`](crate::session::FileStore)); the answer keeps only what describes them.
//!
//! The field is the Design System's file upload component: `accept` lists the kinds the
//! question takes (a convenience for the file picker only), `multiple` when several files are
//! allowed, and a hint naming the kinds and the size limit. The plain file input is used, not
//! the script-enhanced drop zone: enhanced, its button's visible text ("Choose file") is not
//! part of its accessible name (the question), which axe reports as a label-content-name
//! mismatch (WCAG 2.5.3). A page with a file upload must post `multipart/form-data`;
//! [`question_page`](crate::render::question_page) sets it, asking [`asks_for_files`].

use civic_components::attributes::Attributes;
use civic_components::{ErrorMessage, FileUpload, Hint};
use maud::{Markup, Render};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{AnswerType, FileKind, FileUploadOptions, Language, Question};
use crate::messages::{Message, file_upload_hint, files_uploaded};
use crate::render::parts::label;
use crate::render::{FieldContext, components_language};
use crate::session::FileId;

/// One or several files.
pub(super) struct Kind<'a>(pub(super) &'a FileUploadOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// "Select a file".
    fn required(&self, question: &Question) -> FieldError {
        FieldError::whole(question, Message::SelectRequired)
    }

    /// The file input. Files cannot be re-shown in a file input: the hint names the files
    /// already uploaded (in `submitted`), which are kept unless others are chosen.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let FieldContext {
            submitted,
            errors,
            language,
            page_heading,
        } = at;
        let mut hint = match &question.hint {
            Some(hint) => hint.in_language(language).to_owned(),
            None => file_upload_hint(
                &self.0.accept,
                self.0.max_size_mb,
                self.0.max_files,
                language,
            ),
        };
        if let Some(Ok(files)) = submitted.files(&question.id)
            && !files.is_empty()
        {
            let names: Vec<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
            hint = format!("{hint} {}", files_uploaded(&names, language));
        }
        let mut upload = FileUpload::new(&question.id)
            .id(&question.id)
            .label(label(question, language, page_heading))
            .hint(Hint::text(hint))
            .language(components_language(language));
        if self.0.max_files > 1 {
            upload = upload.multiple();
        }
        if let Ok(attributes) = Attributes::new().with("accept", accept_attribute(&self.0.accept)) {
            upload = upload.attributes(attributes);
        }
        if let Some(message) = errors.message(&question.id) {
            upload = upload.error_message(ErrorMessage::text(message));
        }
        upload.render()
    }

    /// The files' names.
    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        match value {
            AnswerValue::Files(files) => Some(files.iter().map(|f| f.file_name.clone()).collect()),
            _ => None,
        }
    }
}

/// The `accept` attribute for these kinds of file: extensions and media types.
pub fn accept_attribute(kinds: &[FileKind]) -> String {
    kinds
        .iter()
        .map(|kind| match kind {
            FileKind::Pdf => ".pdf,application/pdf",
            FileKind::Jpeg => ".jpg,.jpeg,image/jpeg",
            FileKind::Png => ".png,image/png",
            FileKind::Docx => {
                ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Txt => ".txt,text/plain",
            FileKind::Csv => ".csv,text/csv",
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether `question`, or a follow-up it reveals, asks for files: its page must then post
/// `multipart/form-data`.
pub fn asks_for_files(question: &Question) -> bool {
    let mut files = false;
    question.visit(&mut |q| files |= matches!(q.answer, AnswerType::FileUpload(_)));
    files
}

/// A file as it arrived in a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedFile {
    /// The name the resident's computer gave it; shown back to them, never trusted.
    pub file_name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// A file that passed the checks, not yet stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedFile<'a> {
    /// The name to show back (path and control characters removed).
    pub file_name: &'a str,
    /// The kind found in the content.
    pub kind: FileKind,
    /// The content.
    pub content: &'a [u8],
}

impl CheckedFile<'_> {
    /// The answer's record of this file, once its content is stored under `id`.
    pub fn accepted(&self, id: FileId) -> AcceptedFile {
        AcceptedFile {
            id,
            file_name: clean_name(self.file_name),
            kind: self.kind,
            size: self.content.len() as u64,
            sha256: hex::encode(Sha256::digest(self.content)),
        }
    }
}

/// A file accepted for a question: what the answer keeps (the content is in the file store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedFile {
    /// Where its content is stored.
    pub id: FileId,
    /// The name to show on "check your answers" (path and control characters removed).
    pub file_name: String,
    /// The kind found in the content.
    pub kind: FileKind,
    /// Its size in bytes.
    pub size: u64,
    /// The SHA-256 of its content, in lowercase hex: a receiver can check what it fetched.
    pub sha256: String,
}

/// A file upload question's answer: the files the HTTP layer gave `submitted`.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
    match submitted.files(&question.id) {
        Some(Ok(files)) if !files.is_empty() => Ok(Some(AnswerValue::Files(files.clone()))),
        Some(Err(errors)) => Err(errors.clone()),
        _ => Ok(None),
    }
}

/// The kind of file `bytes` hold, if it is one of the kinds a form can accept.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    match infer::get(bytes).map(|t| t.mime_type()) {
        Some("application/pdf") => Some(FileKind::Pdf),
        Some("image/jpeg") => Some(FileKind::Jpeg),
        Some("image/png") => Some(FileKind::Png),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document") => {
            Some(FileKind::Docx)
        }
        Some(_) => None,
        // Plain text has no magic number: UTF-8 without NUL bytes is taken as text.
        None if !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() => Some(FileKind::Txt),
        None => None,
    }
}

/// Checks the files sent for a question, in order; errors name the problem the Design System
/// way ("The selected file must be a PDF, JPG or PNG"). No file chosen is `Ok` and empty.
pub fn check_files<'a>(
    question: &Question,
    options: &FileUploadOptions,
    files: &'a [UploadedFile],
) -> Result<Vec<CheckedFile<'a>>, Vec<FieldError>> {
    // Browsers send an empty, nameless part when no file was chosen.
    let files: Vec<&UploadedFile> = files
        .iter()
        .filter(|f| !(f.file_name.is_empty() && f.bytes.is_empty()))
        .collect();
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let error = |message| Err(vec![FieldError::whole(question, message)]);
    if files.len() > options.max_files as usize {
        return error(Message::TooManyFiles(options.max_files));
    }
    let limit = u64::from(options.max_size_mb) * 1024 * 1024;
    let mut accepted = Vec::new();
    for file in files {
        let size = file.bytes.len() as u64;
        if size == 0 {
            return error(Message::FileEmpty);
        }
        if size > limit {
            return error(Message::FileTooBig(options.max_size_mb));
        }
        // CSV is text by content; a text file is accepted as CSV when CSV is asked for.
        let kind = match sniff(&file.bytes) {
            Some(FileKind::Txt) if options.accept.contains(&FileKind::Csv) => Some(FileKind::Csv),
            kind => kind,
        };
        match kind.filter(|k| options.accept.contains(k)) {
            Some(kind) => accepted.push(CheckedFile {
                file_name: &file.file_name,
                kind,
                content: &file.bytes,
            }),
            None => return error(Message::FileWrongKind(options.accept.clone())),
        }
    }
    Ok(accepted)
}

/// The last path segment without control characters: browsers on Windows may send a full path.
fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last.chars().filter(|c| !c.is_control()).take(255).collect();
    if cleaned.trim().is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{AnswerType, Language};
    use proptest::prelude::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";

    fn upload(name: &str, bytes: &[u8]) -> UploadedFile {
        UploadedFile {
            file_name: name.to_owned(),
            bytes: bytes.to_vec(),
        }
    }

    fn question(options: FileUploadOptions) -> Question {
        Question::new(
            "q",
            "Upload your proof of address",
            AnswerType::FileUpload(options),
        )
    }

    fn messages(options: FileUploadOptions, files: &[UploadedFile]) -> Vec<String> {
        let q = question(options.clone());
        check_files(&q, &options, files)
            .unwrap_err()
            .iter()
            .map(|e| e.text(&q, Language::En))
            .collect()
    }

    #[test]
    fn the_content_decides_the_kind_not_the_name() {
        let options = FileUploadOptions::default();
        let q = question(options.clone());
        let files = [upload("C:\\Users\\me\\scan.pdf", PNG)];
        let ok = check_files(&q, &options, &files).unwrap();
        let id = FileId::generate();
        assert_eq!(
            ok.iter()
                .map(|f| f.accepted(id.clone()))
                .collect::<Vec<_>>(),
            [AcceptedFile {
                id,
                file_name: "scan.pdf".into(),
                kind: FileKind::Png,
                size: PNG.len() as u64,
                sha256: "02a3e298f1533f62558c58e4c70edcab9af5a50d62d925fd5390942020fb0fb8".into(),
            }]
        );
        assert_eq!(
            messages(
                options.clone(),
                &[upload("invoice.pdf", b"MZ\x90\0 not a pdf")]
            ),
            ["The selected file must be a PDF, JPG or PNG"]
        );
        assert_eq!(sniff(PDF), Some(FileKind::Pdf));
        assert_eq!(sniff(b"name,postcode\nA,SW1A 2AA\n"), Some(FileKind::Txt));
    }

    #[test]
    fn size_count_and_emptiness_are_checked() {
        let options = FileUploadOptions {
            max_files: 1,
            max_size_mb: 1,
            ..FileUploadOptions::default()
        };
        assert_eq!(
            messages(options.clone(), &[upload("a.png", &[])]),
            ["The selected file is empty"]
        );
        let big = [PNG, &vec![0u8; 1024 * 1024]].concat();
        assert_eq!(
            messages(options.clone(), &[upload("a.png", &big)]),
            ["The selected file must be smaller than 1MB"]
        );
        assert_eq!(
            messages(
                options.clone(),
                &[upload("a.png", PNG), upload("b.png", PNG)]
            ),
            ["You can only select up to 1 file at the same time"]
        );
        let q = question(options.clone());
        assert_eq!(check_files(&q, &options, &[upload("", &[])]), Ok(vec![]));
    }

    #[test]
    fn the_answer_is_the_files_given_or_their_errors() {
        let options = FileUploadOptions::default();
        let q = question(options.clone());
        let mut submitted = Submitted::default();
        assert_eq!(read(&q, &submitted), Ok(None));
        let file = CheckedFile {
            file_name: "a.png",
            kind: FileKind::Png,
            content: PNG,
        }
        .accepted(FileId::generate());
        submitted.set_files("q", Ok(vec![file.clone()]));
        assert_eq!(
            read(&q, &submitted),
            Ok(Some(AnswerValue::Files(vec![file])))
        );
        let refused = vec![FieldError::whole(&q, Message::FileEmpty)];
        submitted.set_files("q", Err(refused.clone()));
        assert_eq!(read(&q, &submitted), Err(refused));
    }

    proptest! {
        #[test]
        fn any_bytes_are_accepted_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..64), name in ".*") {
            let options = FileUploadOptions { accept: vec![FileKind::Pdf, FileKind::Csv], ..FileUploadOptions::default() };
            let files = [upload(&name, &bytes)];
            match check_files(&question(options.clone()), &options, &files) {
                Ok(ok) => {
                    for file in ok {
                        let accepted = file.accepted(FileId::generate());
                        prop_assert!(options.accept.contains(&accepted.kind));
                        prop_assert_eq!(accepted.size, bytes.len() as u64);
                        prop_assert!(!accepted.file_name.chars().any(|c| c.is_control() || c == '/' || c == '\\'));
                    }
                }
                Err(errors) => prop_assert_eq!(errors.len(), 1),
            }
        }

        #[test]
        fn sniffing_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            if let Some(kind) = sniff(&bytes) {
                // Text is only ever UTF-8 without NUL bytes.
                prop_assert!(kind != FileKind::Txt || (std::str::from_utf8(&bytes).is_ok() && !bytes.contains(&0)));
            }
        }
    }
}

#[cfg(test)]
mod field_tests {
    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};
    use crate::render::{PageErrors, question_field};

    fn form(options: &str) -> FormDefinition {
        FormDefinition::parse(
            &format!("id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: photo\n        label: {{ en: Upload a photo, cy: Uwchlwythwch lun }}\n        answer: {{ type: file_upload{options} }}\n"),
            Format::Yaml,
        )
        .unwrap()
    }

    #[test]
    fn accept_hint_and_error_for_one_file() {
        let form = form("");
        let page = &form.pages[0];
        let errors: Vec<FieldError> = read_page(
            page,
            &Submitted::default(),
            time::macros::date!(2026 - 11 - 28),
        )
        .unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = question_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::En,
            true,
        )
        .into_string();
        assert!(html.contains(r#"type="file""#), "{html}");
        assert!(
            html.contains(r#"accept=".pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png""#),
            "{html}"
        );
        assert!(!html.contains("multiple"), "{html}");
        assert!(
            html.contains("Upload a PDF, JPG or PNG. The file must be smaller than 10MB."),
            "{html}"
        );
        assert!(html.contains("Select a file"), "{html}");
        assert!(html.contains("govuk-file-upload--error"), "{html}");
        assert!(html.contains("<h1"), "{html}");
    }

    #[test]
    fn several_files_in_welsh() {
        let form = form(", max_files: 3, accept: [pdf, docx], max_size_mb: 5");
        let page = &form.pages[0];
        let page_errors = PageErrors::new(page, &[], Language::Cy);
        let mut submitted = Submitted::default();
        let file = CheckedFile {
            file_name: "llun<1>.png",
            kind: FileKind::Png,
            content: b"\x89PNG",
        };
        submitted.set_files("photo", Ok(vec![file.accepted(FileId::generate())]));
        let html = question_field(
            &page.questions[0],
            &submitted,
            &page_errors,
            Language::Cy,
            false,
        )
        .into_string();
        assert!(
            html.contains("Rydych wedi uwchlwytho llun&lt;1&gt;.png."),
            "{html}"
        );
        assert!(html.contains("multiple"), "{html}");
        assert!(html.contains("Uwchlwythwch lun"), "{html}");
        assert!(html.contains("hyd at 3 ffeil"), "{html}");
        assert!(html.contains("llai na 5MB"), "{html}");
        assert!(
            html.contains(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ),
            "{html}"
        );
        assert!(asks_for_files(&page.questions[0]));
    }
}
