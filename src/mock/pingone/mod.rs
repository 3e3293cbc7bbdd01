//! A stand-in for PingOne (`auth.pingone.com` and `api.pingone.com/v1`) for the workflow-library
//! flows: worker tokens, the management API for applications, their secrets, users and
//! passwords, and the `pi.flow` sign-on (authorize → `usernamePassword.check` → resume → token)
//! with every token endpoint authentication method (`CLIENT_SECRET_BASIC`, `CLIENT_SECRET_POST`,
//! `CLIENT_SECRET_JWT`, `PRIVATE_KEY_JWT`, `NONE` with PKCE).
//!
//! Both hosts are served on one port: paths under `/v1/` are the management API (so `apiPath` is
//! `http://HOST:PORT/v1`), every other path starts with an environment id (so `authPath` is
//! `http://HOST:PORT`). State lives in memory; every request is recorded in a [`RequestLog`]
//! before it is answered. It refuses what PingOne refuses, with PingOne's error shapes
//! (`{"id","code","message","details"}` from the platform, `{"error","error_description"}` from
//! the OAuth endpoints). See `docs/pingone.md` for routes, checks and messages.

mod api;
mod apps;
mod demo;
mod errors;
mod flows;
mod jwt;
mod routes;
mod server;
mod state;
mod token;
mod users;
mod wire;

pub use demo::{
    DEMO_ADMIN_APP_ID, DEMO_ADMIN_APP_SECRET, DEMO_ADMIN_ENV_ID, DEMO_ENV_ID, DEMO_PORT,
};
pub use server::{serve_pingone, PingOneServer};
pub use state::PingOneConfig;
