//! File uploads with the Design System's file upload component: `accept` lists the kinds the
//! question takes (a convenience for the file picker only: the HTTP layer judges each file by
//! its content with [`check_files`](crate::answers::check_files)), `multiple` when several
//! files are allowed, and a hint naming the kinds and the size limit.
//!
//! The plain file input is used, not the script-enhanced drop zone: enhanced, its button's
//! visible text ("Choose file") is not part of its accessible name (the question), which axe
//! reports as a label-content-name mismatch (WCAG 2.5.3).
//!
//! A page with a file upload must post `multipart/form-data`; [`question_page`] sets it.
//!
//! [`question_page`]: super::question_page

use civic_components::attributes::Attributes;
use civic_components::{ErrorMessage, FileUpload, Hint, Label};
use maud::{Markup, Render};

use super::PageErrors;
use super::components_language;
use crate::answers::Submitted;
use crate::definition::{AnswerType, FileKind, Language, Question};
use crate::messages::{Word, file_upload_hint, files_uploaded};

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

/// Renders a file upload `question`, or `None` when it does not ask for files. Files cannot
/// be re-shown in a file input: the hint names the files already uploaded (in `submitted`),
/// which are kept unless others are chosen.
pub fn file_upload_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let AnswerType::FileUpload(options) = &question.answer else {
        return None;
    };
    let mut label_text = question.label.in_language(language).to_owned();
    if question.optional {
        label_text = format!("{label_text} {}", Word::Optional.text(language));
    }
    let mut label = Label::text(label_text).page_heading(page_heading);
    if page_heading {
        label.classes = Some("govuk-label--l".to_owned());
    }
    let mut hint = match &question.hint {
        Some(hint) => hint.in_language(language).to_owned(),
        None => file_upload_hint(
            &options.accept,
            options.max_size_mb,
            options.max_files,
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
        .label(label)
        .hint(Hint::text(hint))
        .language(components_language(language));
    if options.max_files > 1 {
        upload = upload.multiple();
    }
    if let Ok(attributes) = Attributes::new().with("accept", accept_attribute(&options.accept)) {
        upload = upload.attributes(attributes);
    }
    if let Some(message) = errors.message(&question.id) {
        upload = upload.error_message(ErrorMessage::text(message));
    }
    Some(upload.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{CheckedFile, FieldError, read_page};
    use crate::definition::{FormDefinition, Format};
    use crate::session::FileId;

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
        let html = file_upload_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::En,
            true,
        )
        .unwrap()
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
        let html = file_upload_field(
            &page.questions[0],
            &submitted,
            &page_errors,
            Language::Cy,
            false,
        )
        .unwrap()
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
