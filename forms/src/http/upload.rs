//! File uploads over HTTP. A page with a file upload posts `multipart/form-data`: its fields
//! are read as from any form, its files as they arrive, each kept only up to one byte past
//! its question's size limit (so the check can say it is too big) and the whole body limited
//! by [`HttpConfig::upload_limit`](super::HttpConfig::upload_limit). Files that pass
//! [`check_files`] are stored in the service's [`FileStore`](crate::session::FileStore);
//! the answer keeps their ids. A changed answer deletes the files it replaced.

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Body;
use axum::http::{HeaderMap, header};

use super::problem::Problem;
use super::service::Inner;
use crate::answers::{AnswerValue, Submitted, UploadedFile, check_files};
use crate::definition::{AnswerType, FileUploadOptions, Language, Page, Question};
use crate::messages::ProblemText;
use crate::session::{FileId, Session};

/// A multipart body: its fields, and the files of each file field.
#[derive(Debug, Default)]
pub(crate) struct Multipart {
    pub(crate) fields: Submitted,
    pub(crate) files: BTreeMap<String, Vec<UploadedFile>>,
}

/// Why a multipart body could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// Over a limit.
    TooLarge,
    /// Not multipart as browsers send it.
    Malformed,
}

/// The boundary of a `multipart/form-data` request, or `None` for any other body.
pub(crate) fn boundary(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    if !content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        return None;
    }
    multer::parse_boundary(content_type).ok()
}

/// Each upload question on `page` (follow-ups included) with its options.
pub(crate) fn questions(page: &Page) -> Vec<(&Question, &FileUploadOptions)> {
    fn walk<'a>(question: &'a Question, out: &mut Vec<(&'a Question, &'a FileUploadOptions)>) {
        if let AnswerType::FileUpload(options) = &question.answer {
            out.push((question, options));
        }
        for choice in question.answer.choices() {
            if let Some(follow_up) = &choice.follow_up {
                walk(follow_up, out);
            }
        }
    }
    let mut out = Vec::new();
    for question in &page.questions {
        walk(question, &mut out);
    }
    out
}

/// The most bytes kept of one file sent as `field`: one past its question's limit, or none
/// for a field that is not an upload question of `page`.
fn keep_at_most(page: Option<&Page>, field: &str) -> usize {
    page.into_iter()
        .flat_map(questions)
        .find(|(question, _)| question.id == field)
        .map_or(0, |(_, options)| {
            usize::try_from(u64::from(options.max_size_mb) * 1024 * 1024)
                .unwrap_or(usize::MAX)
                .saturating_add(1)
        })
}

/// Reads a multipart body for `page` (when the page exists): the whole body at most
/// `whole_limit` bytes, its text fields together at most `text_limit`.
pub(crate) async fn read(
    body: Body,
    boundary: String,
    page: Option<&Page>,
    whole_limit: usize,
    text_limit: usize,
) -> Result<Multipart, ReadError> {
    let constraints = multer::Constraints::new()
        .size_limit(multer::SizeLimit::new().whole_stream(whole_limit as u64));
    let mut multipart =
        multer::Multipart::with_constraints(body.into_data_stream(), boundary, constraints);
    let error = |e: multer::Error| match e {
        multer::Error::StreamSizeExceeded { .. } | multer::Error::FieldSizeExceeded { .. } => {
            ReadError::TooLarge
        }
        _ => ReadError::Malformed,
    };
    let mut pairs = Vec::new();
    let mut files: BTreeMap<String, Vec<UploadedFile>> = BTreeMap::new();
    let mut text_bytes = 0usize;
    while let Some(mut field) = multipart.next_field().await.map_err(error)? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let keep = keep_at_most(page, &name);
                let mut bytes = Vec::new();
                // The rest of a file over its limit is read and dropped as it arrives.
                while let Some(chunk) = field.chunk().await.map_err(error)? {
                    let room = keep.saturating_sub(bytes.len());
                    bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                }
                files
                    .entry(name)
                    .or_default()
                    .push(UploadedFile { file_name, bytes });
            }
            None => {
                let mut value = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(error)? {
                    text_bytes += chunk.len();
                    if text_bytes > text_limit {
                        return Err(ReadError::TooLarge);
                    }
                    value.extend_from_slice(&chunk);
                }
                // Browsers send UTF-8; anything else decodes leniently, never as an error.
                pairs.push((name, String::from_utf8_lossy(&value).into_owned()));
            }
        }
    }
    Ok(Multipart {
        fields: Submitted::from_pairs(pairs),
        files,
    })
}

/// Reads a POSTed multipart body within the service's limits; too large is the "too large"
/// page, anything unreadable the "could not read" page, each linking back to `here`.
pub(crate) async fn read_form(
    inner: &Inner,
    body: Body,
    boundary: String,
    page: Option<&Page>,
    language: Language,
    here: &str,
) -> Result<Multipart, Problem> {
    let limit = inner.config.upload_limit.max(inner.config.body_limit);
    read(body, boundary, page, limit, inner.config.body_limit)
        .await
        .map_err(|error| {
            let text = match error {
                ReadError::TooLarge => ProblemText::TooLarge,
                ReadError::Malformed => ProblemText::UnknownField,
            };
            Problem::new(text).language(language).back(here.to_owned())
        })
}

/// Whether the files were all sent as the page's upload questions.
pub(crate) fn only_known_fields(page: &Page, files: &BTreeMap<String, Vec<UploadedFile>>) -> bool {
    let known: BTreeSet<&str> = questions(page).iter().map(|(q, _)| q.id.as_str()).collect();
    files.keys().all(|name| known.contains(name.as_str()))
}

/// Checks each upload question's files and stores those that pass, giving `submitted` the
/// answer (or the errors) for each. A question answered before and sent no file this time
/// keeps its files. Returns the ids stored now, to delete if the page is not saved.
pub(crate) async fn store(
    inner: &Inner,
    session: &Session,
    page: &Page,
    mut files: BTreeMap<String, Vec<UploadedFile>>,
    submitted: &mut Submitted,
) -> Result<Vec<FileId>, Problem> {
    let mut stored = Vec::new();
    for (question, options) in questions(page) {
        let sent = files.remove(&question.id).unwrap_or_default();
        let checked = match check_files(question, options, &sent) {
            Ok(checked) => checked,
            Err(errors) => {
                submitted.set_files(question.id.clone(), Err(errors));
                continue;
            }
        };
        if checked.is_empty() {
            if let Some(AnswerValue::Files(kept)) = session.answers.values.get(&question.id) {
                submitted.set_files(question.id.clone(), Ok(kept.clone()));
            }
            continue;
        }
        let mut accepted = Vec::new();
        for file in checked {
            let id = inner
                .files
                .put(&session.id, file.content, inner.now())
                .await
                .map_err(|error| Problem::unavailable(&error).language(session.language))?;
            stored.push(id.clone());
            accepted.push(file.accepted(id));
        }
        submitted.set_files(question.id.clone(), Ok(accepted));
    }
    Ok(stored)
}

/// The ids of every file in `values` (a page's answers, a session's, a submission's).
pub(crate) fn ids<'a>(values: impl IntoIterator<Item = &'a AnswerValue>) -> Vec<FileId> {
    values
        .into_iter()
        .flat_map(|value| match value {
            AnswerValue::Files(files) => files.iter().map(|f| f.id.clone()).collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// Deletes `ids` from the file store; a failure leaves them for the retention job.
pub(crate) async fn forget(inner: &Inner, ids: &[FileId]) {
    if ids.is_empty() {
        return;
    }
    if let Err(error) = inner.files.delete(ids).await {
        tracing::warn!(%error, "replaced files could not be deleted");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(parts: &[(&str, Option<&str>, &[u8])]) -> Body {
        let mut out = Vec::new();
        for (name, file_name, content) in parts {
            out.extend_from_slice(b"--XyZ\r\nContent-Disposition: form-data; name=\"");
            out.extend_from_slice(name.as_bytes());
            out.push(b'"');
            if let Some(file_name) = file_name {
                out.extend_from_slice(format!("; filename=\"{file_name}\"").as_bytes());
                out.extend_from_slice(b"\r\nContent-Type: application/octet-stream");
            }
            out.extend_from_slice(b"\r\n\r\n");
            out.extend_from_slice(content);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--XyZ--\r\n");
        Body::from(out)
    }

    fn page() -> Page {
        let options = FileUploadOptions {
            max_size_mb: 1,
            ..FileUploadOptions::default()
        };
        Page::new("p").question(Question::new(
            "proof",
            "Upload your proof",
            AnswerType::FileUpload(options),
        ))
    }

    #[tokio::test]
    async fn fields_and_files_are_read_and_big_files_cut_short() {
        let page = page();
        let big = vec![7u8; 3 * 1024 * 1024];
        let read = read(
            body(&[
                ("csrf_token", None, b"abc"),
                ("proof", Some("a.pdf"), b"%PDF-1.7"),
                ("proof", Some("big.pdf"), &big),
                ("other", Some("x"), b"dropped"),
            ]),
            "XyZ".into(),
            Some(&page),
            10 * 1024 * 1024,
            1024,
        )
        .await
        .unwrap();
        assert_eq!(read.fields.get("csrf_token"), "abc");
        let proof = &read.files["proof"];
        assert_eq!(proof[0].bytes, b"%PDF-1.7");
        assert_eq!(proof[1].bytes.len(), 1024 * 1024 + 1);
        assert!(read.files["other"][0].bytes.is_empty());
        assert!(!only_known_fields(&page, &read.files));
    }

    #[tokio::test]
    async fn limits_and_bad_bodies_are_refused() {
        let page = page();
        let over = read(
            body(&[("proof", Some("a.pdf"), &[1u8; 5000])]),
            "XyZ".into(),
            Some(&page),
            4000,
            1024,
        )
        .await;
        assert_eq!(over.unwrap_err(), ReadError::TooLarge);
        let text = read(
            body(&[("details", None, &[b'a'; 2000])]),
            "XyZ".into(),
            Some(&page),
            10_000,
            1024,
        )
        .await;
        assert_eq!(text.unwrap_err(), ReadError::TooLarge);
        let bad = read(
            Body::from("--XyZ\r\nnonsense"),
            "XyZ".into(),
            None,
            10_000,
            1024,
        )
        .await;
        assert_eq!(bad.unwrap_err(), ReadError::Malformed);
    }

    #[test]
    fn only_multipart_form_data_has_a_boundary() {
        let mut headers = HeaderMap::new();
        assert_eq!(boundary(&headers), None);
        headers.insert(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=abc".parse().unwrap(),
        );
        assert_eq!(boundary(&headers).as_deref(), Some("abc"));
        headers.insert(
            header::CONTENT_TYPE,
            "application/x-www-form-urlencoded".parse().unwrap(),
        );
        assert_eq!(boundary(&headers), None);
    }
}
