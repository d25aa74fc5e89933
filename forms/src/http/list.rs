//! Add to a list (the MoJ pattern) over HTTP: the list's summary with "Do you need to add
//! another?" (`/{page}/add-another`), changing an item (`/{page}/change/{n}`, which asks its
//! pages again) and removing one after confirming (`/{page}/remove/{n}`). `{page}` is the
//! list's last page; items count from 0.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::SignedCookieJar;

use super::base::Base;
use super::problem::Problem;
use super::question::deleted;
use super::service::Inner;
use super::visit::{self, Found};
use super::{body, csrf, href};
use crate::answers::Submitted;
use crate::journey::{Journey, Step, Values};
use crate::messages::ProblemText;
use crate::render::{
    ADD_ANOTHER_FIELD, AddAnotherError, ItemAction, PageContext, REMOVE_FIELD, list_summary_page,
    remove_item_page,
};
use crate::session::Session;

/// The answers a page of the form shows again: a list page's from the item being added or
/// changed, any other page's from the answers.
pub(crate) fn page_values(inner: &Inner, session: &Session, page_id: &str) -> Values {
    let form = &inner.form;
    let list = form
        .page_index(page_id)
        .and_then(|index| crate::journey::list_containing(form, index))
        .map(|last| form.pages[last].id.as_str());
    match list {
        Some(list) => session
            .answers
            .lists
            .get(list)
            .and_then(|l| l.draft.as_ref())
            .map(|draft| draft.values.clone())
            .unwrap_or_default(),
        None => session.answers.values.clone(),
    }
}

/// A live session for a list route, or the response that replaces the page.
async fn live(
    inner: &Inner,
    base: &str,
    jar: &SignedCookieJar,
) -> Result<Result<Session, Response>, Problem> {
    Ok(match visit::find(inner, jar).await? {
        Found::Live(session) => Ok(session),
        Found::Gone => Err(deleted(inner, base, jar.clone())),
        Found::Nobody => Err(Redirect::to(&href::start(base)).into_response()),
    })
}

fn current(inner: &Inner, base: &str, session: &Session) -> Response {
    let journey = Journey::new(&inner.form, inner.now().date());
    Redirect::to(&href::step(base, &journey.current(&session.answers))).into_response()
}

/// Where the list goes once its summary was answered or an item changed: with a task list,
/// on through the list's task or back to the task list.
fn after(inner: &Inner, base: &str, session: &Session, list: &str) -> Response {
    let journey = Journey::new(&inner.form, inner.now().date());
    let step = Step::ListSummary(list.to_owned());
    let next = journey.after(&step, &session.answers, false);
    Redirect::to(&href::step(base, &next)).into_response()
}

fn summary(
    inner: &Inner,
    base: &str,
    session: &Session,
    list: &str,
    error: Option<AddAnotherError>,
) -> Result<Response, Problem> {
    let journey = Journey::new(&inner.form, inner.now().date());
    let step = Step::ListSummary(list.to_owned());
    let back = journey
        .previous(&step, &session.answers)
        .map(|step| href::step(base, &step));
    let action = href::step(base, &step);
    let token = inner.csrf.token(&session.id);
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action: &action,
        csrf_token: &token,
        back_href: back.as_deref(),
        language: session.language,
        extras: inner.extras(base, None),
    };
    let item_href = |action: ItemAction, index: usize| match action {
        ItemAction::Remove => format!("{base}/{list}/remove/{index}"),
        _ => format!("{base}/{list}/change/{index}"),
    };
    let page = list_summary_page(
        &context,
        &inner.form,
        list,
        &session.answers,
        &item_href,
        error,
    )
    .map_err(|_| Problem::new(ProblemText::NotFound).language(session.language))?;
    Ok(Html(page.into_string()).into_response())
}

/// `GET /{page}/add-another`.
pub(crate) async fn show(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(list): Path<String>,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let result = async {
        let mut session = match live(&inner, &base, &jar).await? {
            Ok(session) => session,
            Err(response) => return Ok(response),
        };
        visit::save(&inner, &mut session).await?;
        let journey = Journey::new(&inner.form, inner.now().date());
        if !journey.can_visit(&Step::ListSummary(list.clone()), &session.answers) {
            return Ok(current(&inner, &base, &session));
        }
        summary(&inner, &base, &session, &list, None)
    }
    .await;
    result.unwrap_or_else(|problem| problem.response(&inner, &base))
}

/// Reads a POST's body and checks its CSRF token and fields.
async fn read(
    inner: &Inner,
    session: &Session,
    request_body: Body,
    field: &str,
    here: &str,
) -> Result<Submitted, Problem> {
    let language = session.language;
    let submitted = body::read_form(inner, request_body, language, here).await?;
    body::check_csrf(inner, &session.id, &submitted, language, here)?;
    let allowed = [csrf::FIELD, field, inner.config.honeypot_field.as_str()];
    if submitted.names().any(|name| !allowed.contains(&name)) {
        return Err(Problem::new(ProblemText::UnknownField)
            .language(language)
            .back(here.to_owned()));
    }
    Ok(submitted)
}

/// `POST /{page}/add-another`: yes starts a new item, no finishes the list.
pub(crate) async fn answer(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(list): Path<String>,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let result = async {
        let mut session = match live(&inner, &base, &jar).await? {
            Ok(session) => session,
            Err(response) => return Ok(response),
        };
        let here = format!("{base}/{list}/add-another");
        let submitted = read(&inner, &session, request_body, ADD_ANOTHER_FIELD, &here).await?;
        let journey = Journey::new(&inner.form, inner.now().date());
        if !journey.can_visit(&Step::ListSummary(list.clone()), &session.answers) {
            return Ok(current(&inner, &base, &session));
        }
        let another = match submitted.get(ADD_ANOTHER_FIELD) {
            "yes" => true,
            "no" => false,
            _ => {
                return summary(
                    &inner,
                    &base,
                    &session,
                    &list,
                    Some(AddAnotherError::NotAnswered),
                );
            }
        };
        if let Err(error) = session.answers.add_another(&inner.form, &list, another) {
            return summary(
                &inner,
                &base,
                &session,
                &list,
                Some(AddAnotherError::List(error)),
            );
        }
        visit::save(&inner, &mut session).await?;
        Ok(after(&inner, &base, &session, &list))
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

/// `GET /{page}/change/{index}`: the item's pages are asked again, with its answers.
pub(crate) async fn change(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path((list, index)): Path<(String, usize)>,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let result = async {
        let mut session = match live(&inner, &base, &jar).await? {
            Ok(session) => session,
            Err(response) => return Ok(response),
        };
        let journey = Journey::new(&inner.form, inner.now().date());
        if journey.can_visit(&Step::ListSummary(list.clone()), &session.answers)
            && session.answers.change_item(&list, index).is_ok()
        {
            visit::save(&inner, &mut session).await?;
        }
        Ok(after(&inner, &base, &session, &list))
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

fn remove_page(
    inner: &Inner,
    base: &str,
    session: &Session,
    list: &str,
    index: usize,
    show_error: bool,
) -> Result<Response, Problem> {
    let action = format!("{base}/{list}/remove/{index}");
    let back = format!("{base}/{list}/add-another");
    let token = inner.csrf.token(&session.id);
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action: &action,
        csrf_token: &token,
        back_href: Some(&back),
        language: session.language,
        extras: inner.extras(base, None),
    };
    match remove_item_page(
        &context,
        &inner.form,
        list,
        index,
        &session.answers,
        show_error,
    ) {
        Ok(page) => Ok(Html(page.into_string()).into_response()),
        Err(_) => Ok(current(inner, base, session)),
    }
}

/// `GET /{page}/remove/{index}`: "Are you sure you want to remove …?".
pub(crate) async fn confirm(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path((list, index)): Path<(String, usize)>,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let result = async {
        let session = match live(&inner, &base, &jar).await? {
            Ok(session) => session,
            Err(response) => return Ok(response),
        };
        remove_page(&inner, &base, &session, &list, index, false)
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

/// `POST /{page}/remove/{index}`: yes removes the item; either way back to the list.
pub(crate) async fn remove(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path((list, index)): Path<(String, usize)>,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let result = async {
        let mut session = match live(&inner, &base, &jar).await? {
            Ok(session) => session,
            Err(response) => return Ok(response),
        };
        let here = format!("{base}/{list}/remove/{index}");
        let submitted = read(&inner, &session, request_body, REMOVE_FIELD, &here).await?;
        match submitted.get(REMOVE_FIELD) {
            "yes" => {
                if session.answers.remove_item(&list, index).is_ok() {
                    visit::save(&inner, &mut session).await?;
                }
            }
            "no" => {}
            _ => return remove_page(&inner, &base, &session, &list, index, true),
        }
        Ok(Redirect::to(&format!("{base}/{list}/add-another")).into_response())
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}
