//! Dispatch: `/v1/environments/{envID}/…` to the management API, `/{envID}/as/…` and
//! `/{envID}/flows/…` to the authorization server; anything else is PingOne's 404.

use super::errors;
use super::state::Shared;
use super::{api, flows, token};
use crate::mock::http::Exchange;
use crate::mock::reply::Reply;

/// Answers one request.
pub(crate) fn respond(shared: &Shared, ex: &Exchange) -> Reply {
    let segments: Vec<&str> = ex.path.trim_matches('/').split('/').collect();
    let method = ex.method.as_str();
    match segments.as_slice() {
        ["v1", "environments", env, rest @ ..] => api::route(shared, ex, env, rest),
        [env, "as", "authorize"] if matches!(method, "GET" | "POST") => {
            flows::authorize(shared, ex, env)
        }
        [env, "flows", id] if method == "GET" => flows::read(shared, ex, env, id),
        [env, "flows", id] if method == "POST" => flows::act(shared, ex, env, id),
        [env, "as", "resume"] if method == "GET" => flows::resume(shared, ex, env),
        [env, "as", "token"] if method == "POST" => token::token(shared, ex, env),
        [env, "as", "userinfo"] if matches!(method, "GET" | "POST") => {
            token::userinfo(shared, ex, env)
        }
        _ => errors::not_found(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::state::PingOneConfig;
    use super::super::wire::testing::{exchange, read};
    use super::*;

    #[test]
    fn unknown_routes_are_platform_404s() {
        let shared = Shared::new(&PingOneConfig::default());
        for (method, target) in [("GET", "/"), ("DELETE", "/env/as/token"), ("GET", "/v2/x")] {
            let (status, _, body) = read(respond(&shared, &exchange(method, target, &[], "")));
            assert_eq!(status, 404, "{method} {target}");
            assert_eq!(body["code"], "NOT_FOUND");
            assert_eq!(body["message"], errors::MSG_NOT_FOUND);
            assert!(body["id"].as_str().is_some_and(|id| id.len() == 36));
        }
    }
}
