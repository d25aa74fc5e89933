//! The postcode lookup steps of a UK address, as the GOV.UK address pattern has them: the
//! postcode (and, optionally, the building) at `/{page}` with "Find address"; the addresses
//! there at `/{page}/select`, narrowed to the building when one was given, with "I can't find
//! the address in the list"; and the address typed in by hand at `/{page}/manual` (served by
//! [`question`](super::question)). The address chosen is stored with its UPRN.
//!
//! Only a page whose one question is a UK address with `lookup` on, in a service with an
//! [`AddressProvider`](civic_address_lookup::provider::AddressProvider), looks addresses up;
//! any other page asks for the address by hand as before. When the provider fails, the
//! resident is told the address finder is not working and offered manual entry: the answers
//! stay in the session.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use civic_address_lookup::provider::{PostcodeLookup, ProviderError, lookup_postcode};
use civic_address_lookup::{Address, Postcode};
use maud::Markup;

use super::base::Base;
use super::problem::Problem;
use super::question::deleted;
use super::service::Inner;
use super::visit::{self, Found};
use super::{body, csrf, honeypot, href, language};
use crate::answers::{AnswerValue, Submitted, UkAddress};
use crate::definition::{AnswerType, Page, Question};
use crate::journey::{AddressSearch, Journey, Step, Values};
use crate::messages::ProblemText;
use crate::render::{LookupLinks, PageContext, find_address_page, select_address_page};
use crate::session::Session;

/// The most characters of a building number or name kept from the postcode step.
const MAX_BUILDING_LENGTH: usize = 100;

/// The question `page` looks up, if it does: its only question, a UK address with `lookup`
/// on, in a service with an address provider.
pub(crate) fn question<'a>(inner: &Inner, page: &'a Page) -> Option<&'a Question> {
    inner.addresses.as_ref()?;
    match page.questions.as_slice() {
        [question] => match &question.answer {
            AnswerType::UkAddress(options) if options.lookup => Some(question),
            _ => None,
        },
        _ => None,
    }
}

/// The postcode step: what was searched for last, or the postcode of the address stored.
pub(crate) fn find_page(
    inner: &Inner,
    base: &str,
    session: &Session,
    page: &Page,
    question: &Question,
    values: &Values,
) -> Html<String> {
    let (postcode, building) = match session.answers.lookups.get(&question.id) {
        Some(search) => (search.postcode.clone(), search.building.clone()),
        None => match values.get(&question.id) {
            Some(AnswerValue::UkAddress(address)) => (address.postcode.clone(), None),
            _ => (String::new(), None),
        },
    };
    let submitted = Submitted::from_pairs([
        (postcode_key(question), postcode),
        (building_key(question), building.unwrap_or_default()),
    ]);
    render_find(inner, base, session, page, question, &submitted, None)
}

/// The postcode the resident searched for, to start the address typed in by hand.
pub(crate) fn searched_postcode(session: &Session, question: &Question) -> Submitted {
    let postcode = session
        .answers
        .lookups
        .get(&question.id)
        .map(|search| search.postcode.clone())
        .unwrap_or_default();
    Submitted::from_pairs([(postcode_key(question), postcode)])
}

/// Where the back link of the address typed in by hand goes: the list, when the resident has
/// searched, else the postcode step.
pub(crate) fn manual_back(base: &str, session: &Session, page: &Page) -> String {
    let searched = page
        .questions
        .iter()
        .any(|question| session.answers.lookups.contains_key(&question.id));
    if searched {
        format!("{base}/{}/select", page.id)
    } else {
        format!("{base}/{}", page.id)
    }
}

/// A POST of the postcode step.
pub(crate) struct Search<'a> {
    pub(crate) page: &'a Page,
    pub(crate) question: &'a Question,
    pub(crate) submitted: &'a Submitted,
}

/// Looks the postcode up: a postcode that is not well formed shows the step again with
/// "Enter a full UK postcode"; otherwise the search is kept and the resident goes to the list
/// (which says so when the postcode has no addresses).
pub(crate) async fn search(
    inner: &Inner,
    base: &str,
    session: &mut Session,
    search: Search<'_>,
) -> Result<Response, Problem> {
    let Search {
        page,
        question,
        submitted,
    } = search;
    let here = format!("{base}/{}", page.id);
    let (postcode_key, building_key) = (postcode_key(question), building_key(question));
    let allowed = [
        csrf::FIELD,
        inner.config.honeypot_field.as_str(),
        postcode_key.as_str(),
        building_key.as_str(),
    ];
    if submitted.names().any(|name| !allowed.contains(&name)) {
        return Err(Problem::new(ProblemText::UnknownField)
            .language(session.language)
            .back(here));
    }
    let Some(provider) = &inner.addresses else {
        return Err(Problem::new(ProblemText::NotFound).language(session.language));
    };
    let lookup = lookup_postcode(provider.as_ref(), submitted.get(&postcode_key)).await;
    visit::save(inner, session).await?;
    let postcode = match lookup {
        Err(error) => return Err(unavailable(base, page, session, &error)),
        Ok(PostcodeLookup::Found { postcode, .. } | PostcodeLookup::NoAddresses { postcode }) => {
            postcode
        }
        Ok(other) => {
            let html = render_find(
                inner,
                base,
                session,
                page,
                question,
                submitted,
                Some(&other),
            );
            return Ok(html.into_response());
        }
    };
    let building: String = submitted
        .get(&building_key)
        .trim()
        .chars()
        .take(MAX_BUILDING_LENGTH)
        .collect();
    session.answers.lookups.insert(
        question.id.clone(),
        AddressSearch {
            postcode: postcode.as_str().to_owned(),
            building: (!building.is_empty()).then_some(building),
        },
    );
    visit::save(inner, session).await?;
    Ok(Redirect::to(&format!("{here}/select")).into_response())
}

/// `GET /{page}/select`: the addresses at the postcode searched for.
pub(crate) async fn show_list(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(page_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let shown = async {
        let mut session = match visit::find(&inner, &jar).await? {
            Found::Live(session) => session,
            Found::Gone => return Ok(deleted(&inner, &base, jar)),
            Found::Nobody => return Ok(Redirect::to(&href::start(&base)).into_response()),
        };
        language::switch(&mut session, query.as_deref(), inner.languages());
        visit::save(&inner, &mut session).await?;
        let (page, question, search) = match reach(&inner, &base, &page_id, &session)? {
            Ok(reached) => reached,
            Err(elsewhere) => return Ok(elsewhere),
        };
        let addresses = addresses_at(&inner, &search)
            .await
            .map_err(|error| unavailable(&base, page, &session, &error))?;
        let selected = match session.answers.values.get(&question.id) {
            Some(AnswerValue::UkAddress(address)) => address.uprn,
            _ => None,
        };
        let page = ListPage {
            page,
            question,
            search: &search,
            addresses: &addresses,
            selected,
            show_error: false,
        };
        Ok(render_list(&inner, &base, &session, &page).into_response())
    };
    shown
        .await
        .unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

/// `POST /{page}/select`: the address chosen, stored with its UPRN.
pub(crate) async fn choose(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(page_id): Path<String>,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let chosen = async {
        let here = format!("{base}/{page_id}/select");
        let found = visit::find(&inner, &jar).await?;
        let language = match &found {
            Found::Live(session) => session.language,
            _ => inner.languages()[0],
        };
        let submitted = body::read_form(&inner, request_body, language, &here).await?;
        let mut session = match found {
            Found::Live(session) => session,
            Found::Gone => return Ok(deleted(&inner, &base, jar)),
            Found::Nobody => return Err(body::forbidden(language, &here)),
        };
        body::check_csrf(&inner, &session.id, &submitted, language, &here)?;
        let (page, question, search) = match reach(&inner, &base, &page_id, &session)? {
            Ok(reached) => reached,
            Err(elsewhere) => return Ok(elsewhere),
        };
        let honeypot = inner.config.honeypot_field.as_str();
        if honeypot::filled(&submitted, honeypot) {
            return Ok(Redirect::to(&here).into_response());
        }
        let uprn_key = uprn_key(question);
        if submitted
            .names()
            .any(|name| ![csrf::FIELD, honeypot, uprn_key.as_str()].contains(&name))
        {
            return Err(Problem::new(ProblemText::UnknownField)
                .language(language)
                .back(here));
        }
        let addresses = addresses_at(&inner, &search)
            .await
            .map_err(|error| unavailable(&base, page, &session, &error))?;
        let typed = submitted.get(&uprn_key);
        let chosen = addresses
            .iter()
            .find(|address| address.uprn.to_string() == typed)
            .and_then(UkAddress::from_lookup);
        let Some(address) = chosen else {
            visit::save(&inner, &mut session).await?;
            let page = ListPage {
                page,
                question,
                search: &search,
                addresses: &addresses,
                selected: None,
                show_error: true,
            };
            return Ok(render_list(&inner, &base, &session, &page).into_response());
        };
        let page_id = page.id.clone();
        let value = Some(AnswerValue::UkAddress(address));
        session
            .answers
            .record_page(&inner.form, &page_id, [(question.id.clone(), value)]);
        visit::save(&inner, &mut session).await?;
        let journey = Journey::new(&inner.form, inner.now().date());
        let to = href::step(&base, &journey.current(&session.answers));
        Ok(Redirect::to(&to).into_response())
    };
    chosen
        .await
        .unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

/// The page, its lookup question and the search made on it; or where to go instead: the
/// current step for a page the journey has not reached, the postcode step before a search.
#[allow(clippy::type_complexity)]
fn reach<'a>(
    inner: &'a Inner,
    base: &str,
    page_id: &str,
    session: &Session,
) -> Result<Result<(&'a Page, &'a Question, AddressSearch), Response>, Problem> {
    let Some((page, question)) = inner
        .form
        .find_page(page_id)
        .and_then(|page| Some((page, question(inner, page)?)))
    else {
        return Err(Problem::new(ProblemText::NotFound).language(session.language));
    };
    let journey = Journey::new(&inner.form, inner.now().date());
    if !journey.can_visit(&Step::Page(page.id.clone()), &session.answers) {
        let to = href::step(base, &journey.current(&session.answers));
        return Ok(Err(Redirect::to(&to).into_response()));
    }
    match session.answers.lookups.get(&question.id) {
        Some(search) => Ok(Ok((page, question, search.clone()))),
        None => Ok(Err(
            Redirect::to(&format!("{base}/{}", page.id)).into_response()
        )),
    }
}

/// The addresses at the searched postcode (none for one stored before it could be parsed).
async fn addresses_at(
    inner: &Inner,
    search: &AddressSearch,
) -> Result<Vec<Address>, ProviderError> {
    let (Some(provider), Ok(postcode)) = (&inner.addresses, Postcode::parse(&search.postcode))
    else {
        return Ok(Vec::new());
    };
    provider.find_by_postcode(&postcode).await
}

/// "Sorry, the address finder is not working", with the way to type the address in. The
/// error is logged by kind only: a provider's message may carry the postcode.
fn unavailable(base: &str, page: &Page, session: &Session, error: &ProviderError) -> Problem {
    tracing::warn!(
        retryable = error.is_retryable(),
        configuration = error.is_configuration(),
        "the address provider failed; manual entry offered"
    );
    Problem::new(ProblemText::LookupUnavailable)
        .language(session.language)
        .back(format!("{base}/{}/manual", page.id))
}

/// The addresses whose label contains the building's words in order ("3" matches "3 OAK
/// ROAD" and "FLAT 3", not "13 OAK ROAD"); all of them when none does or none was given, so
/// a slip in the building never hides the list.
fn narrow<'a>(addresses: &'a [Address], building: Option<&str>) -> Vec<&'a Address> {
    let wanted = words(building.unwrap_or_default());
    let matching: Vec<&Address> = addresses
        .iter()
        .filter(|address| {
            !wanted.is_empty()
                && words(&address.lines().join(" "))
                    .windows(wanted.len())
                    .any(|window| window == wanted.as_slice())
        })
        .collect();
    if matching.is_empty() {
        addresses.iter().collect()
    } else {
        matching
    }
}

/// The words of `text`, upper-cased, punctuation dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_uppercase)
        .collect()
}

fn postcode_key(question: &Question) -> String {
    format!("{}.postcode", question.id)
}

fn building_key(question: &Question) -> String {
    format!("{}.building", question.id)
}

fn uprn_key(question: &Question) -> String {
    format!("{}.uprn", question.id)
}

/// The postcode step, with `lookup`'s error when the postcode was not well formed.
fn render_find(
    inner: &Inner,
    base: &str,
    session: &Session,
    page: &Page,
    question: &Question,
    submitted: &Submitted,
    lookup: Option<&PostcodeLookup>,
) -> Html<String> {
    let journey = Journey::new(&inner.form, inner.now().date());
    let back = journey
        .previous(&Step::Page(page.id.clone()), &session.answers)
        .map(|step| href::step(base, &step));
    let action = format!("{base}/{}", page.id);
    let manual = format!("{base}/{}/manual", page.id);
    with_context(inner, base, session, &action, back.as_deref(), |context| {
        find_address_page(context, question, submitted, lookup, &manual)
    })
}

/// What the list step shows.
struct ListPage<'a> {
    page: &'a Page,
    question: &'a Question,
    search: &'a AddressSearch,
    addresses: &'a [Address],
    selected: Option<u64>,
    show_error: bool,
}

fn render_list(inner: &Inner, base: &str, session: &Session, list: &ListPage<'_>) -> Html<String> {
    let find = format!("{base}/{}", list.page.id);
    let manual = format!("{find}/manual");
    let action = format!("{find}/select");
    let shown: Vec<Address> = narrow(list.addresses, list.search.building.as_deref())
        .into_iter()
        .cloned()
        .collect();
    let selected = list.selected.map(|uprn| uprn.to_string());
    let links = LookupLinks {
        search_again: &find,
        manual: &manual,
    };
    with_context(inner, base, session, &action, Some(&find), |context| {
        select_address_page(
            context,
            list.question,
            &list.search.postcode,
            &shown,
            selected.as_deref(),
            list.show_error,
            links,
        )
    })
}

/// A page of the lookup rendered in the session's language with its CSRF token, the
/// service's extras and the honeypot.
fn with_context(
    inner: &Inner,
    base: &str,
    session: &Session,
    action: &str,
    back: Option<&str>,
    page: impl FnOnce(&PageContext<'_>) -> Markup,
) -> Html<String> {
    let csrf_token = inner.csrf.token(&session.id);
    let save_href = format!("{base}/save");
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action,
        csrf_token: &csrf_token,
        back_href: back,
        language: session.language,
        extras: inner.extras(base, Some(&save_href)),
    };
    Html(honeypot::add_to(
        page(&context).into_string(),
        &inner.config.honeypot_field,
        session.language,
    ))
}

#[cfg(test)]
mod tests {
    use civic_address_lookup::generate;

    use super::*;

    #[test]
    fn the_building_narrows_the_list_by_whole_words_or_not_at_all() {
        let addresses = generate::sample_gazetteer(24, 7);
        let postcode = addresses[0].postcode;
        let street: Vec<Address> = addresses
            .into_iter()
            .filter(|a| a.postcode == postcode)
            .collect();
        assert!(street.len() > 2);
        let first = street[0].lines()[0].clone();
        let narrowed = narrow(&street, Some(&first.to_lowercase()));
        assert!(!narrowed.is_empty() && narrowed.len() < street.len());
        assert!(narrowed.iter().all(|a| a.single_line().contains(&first)));
        assert_eq!(narrow(&street, None).len(), street.len());
        assert_eq!(narrow(&street, Some("  ")).len(), street.len());
        assert_eq!(narrow(&street, Some("no such house")).len(), street.len());
    }

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(
            words("Flat 3, The Maltings"),
            ["FLAT", "3", "THE", "MALTINGS"]
        );
        assert_eq!(words("13"), ["13"]);
        assert!(!words("13 OAK ROAD").windows(1).any(|w| w == ["3"]));
    }
}
