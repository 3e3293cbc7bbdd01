//! The run as scripts see it ([`ScriptHost`]): `pm.sendRequest` through the run's http client and
//! cookie jar (no variable substitution, as in Newman), and the cookie-jar services.

use crate::collection::{Behavior, Request};
use crate::http::{self, Client, Exchange, Origin};
use crate::script::{ErrorInfo, ScriptHost};
use futures_util::future::LocalBoxFuture;
use serde_json::Value;

pub struct RunHost<'a> {
    pub client: &'a Client,
}

impl RunHost<'_> {
    async fn send(&self, request: Value) -> Result<Exchange, ErrorInfo> {
        let request = Request::from_json(&request)
            .map_err(|e| ErrorInfo::new("Error", format!("pm.sendRequest: {e}")))?;
        let url = request.url.to_string();
        let auth = request.auth.as_ref().filter(|a| a.kind != "noauth");
        let outcome = self
            .client
            .perform(&http::Call {
                url: &url,
                request: &request,
                auth,
                behavior: &Behavior::default(),
                origin: Origin::Script,
            })
            .await;
        outcome.result.map_err(|e| e.info())
    }
}

impl ScriptHost for RunHost<'_> {
    fn send_request(&self, request: Value) -> LocalBoxFuture<'_, Result<Exchange, ErrorInfo>> {
        Box::pin(self.send(request))
    }

    fn call(&self, op: &str, args: Value) -> Result<Value, String> {
        super::cookies::call(self.client.cookies(), op, &args)
    }
}
