//! Natives that hand the prelude the data of the running script: the request (collection JSON, and
//! back when a pre-request script changed it), the response (metadata built straight into JS
//! objects; body text and bytes only when asked), the response URL's cookies and `pm.info`.

use super::Shared;
use crate::http::Response;
use crate::script::convert::{from_js, to_js};
use rquickjs::{Array, Ctx, Function, Object, TypedArray, Value};

pub(super) fn install<'js>(
    ctx: &Ctx<'js>,
    obj: &Object<'js>,
    state: &Shared,
) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "request",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            let mut st = s.borrow_mut();
            if st.request.is_null() {
                if let Some(source) = st.request_source.take() {
                    st.request = source();
                }
            }
            to_js(&ctx, &st.request)
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "setRequest",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, value: Value<'js>| {
            let value = from_js(&ctx, value)?;
            s.borrow_mut().request = value;
            Ok::<_, rquickjs::Error>(())
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "response",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            let st = s.borrow();
            match &st.response {
                None => Ok(Value::new_undefined(ctx.clone())),
                Some(r) => response_object(&ctx, r, false).map(Object::into_value),
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "responseText",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            let st = s.borrow();
            match &st.response {
                // Valid UTF-8 (the usual case) goes to QuickJS without an intermediate copy.
                Some(r) => rquickjs::String::from_str(ctx, &String::from_utf8_lossy(&r.body))
                    .map(|t| t.into_value()),
                None => Ok(Value::new_undefined(ctx)),
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "responseBytes",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            let st = s.borrow();
            let bytes: &[u8] = st.response.as_ref().map(|r| &r.body[..]).unwrap_or(&[]);
            TypedArray::<u8>::new_copy(ctx.clone(), bytes)
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "cookies",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            to_js(&ctx, &serde_json::Value::Array(s.borrow().cookies.clone()))
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "info",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| {
            let st = s.borrow();
            let i = &st.info;
            let o = Object::new(ctx.clone())?;
            o.set("eventName", st.listen.map(|l| l.as_str()))?;
            o.set("iteration", i.iteration as f64)?;
            o.set("iterationCount", i.iteration_count as f64)?;
            o.set("requestName", i.request_name.as_str())?;
            o.set("requestId", i.request_id.as_str())?;
            let location = Array::new(ctx.clone())?;
            for (n, part) in i.location.iter().enumerate() {
                location.set(n, part.as_str())?;
            }
            o.set("location", location)?;
            o.set("current", i.current.as_str())?;
            Ok::<_, rquickjs::Error>(o)
        })?,
    )?;
    Ok(())
}

/// A response as the prelude's `Response` is built from: `{code, status, headers: [[k, v]…],
/// responseTime, responseSize, url}`, plus `body` (text) and `stream` (Uint8Array) when `full`.
pub fn response_object<'js>(
    ctx: &Ctx<'js>,
    r: &Response,
    full: bool,
) -> rquickjs::Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("code", r.code)?;
    o.set("status", r.status.as_str())?;
    let headers = Array::new(ctx.clone())?;
    for (i, (k, v)) in r.headers.iter().enumerate() {
        let pair = Array::new(ctx.clone())?;
        pair.set(0, k.as_str())?;
        pair.set(1, v.as_str())?;
        headers.set(i, pair)?;
    }
    o.set("headers", headers)?;
    o.set("responseTime", r.response_time.round())?;
    o.set("responseSize", r.body.len() as f64)?;
    o.set("url", r.url.as_str())?;
    if full {
        o.set("body", String::from_utf8_lossy(&r.body).as_ref())?;
        o.set(
            "stream",
            TypedArray::<u8>::new_copy(ctx.clone(), &r.body[..])?,
        )?;
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use rquickjs::{Context, Runtime};

    #[test]
    fn response_object_carries_meta_and_optionally_the_body() {
        let rt = Runtime::new().expect("runtime");
        let ctx = Context::full(&rt).expect("context");
        let r = Response {
            code: 201,
            status: "Created".into(),
            headers: vec![("A".into(), "1".into())],
            body: Bytes::from_static(b"hi"),
            response_time: 3.6,
            url: "http://x/".into(),
            ..Response::default()
        };
        ctx.with(|ctx| {
            let meta = response_object(&ctx, &r, false).expect("meta");
            let json = ctx.json_stringify(meta).expect("json").expect("some");
            assert_eq!(
                json.to_string().expect("text"),
                r#"{"code":201,"status":"Created","headers":[["A","1"]],"responseTime":4,"responseSize":2,"url":"http://x/"}"#
            );
            let full = response_object(&ctx, &r, true).expect("full");
            assert_eq!(full.get::<_, String>("body").expect("body"), "hi");
            let stream: TypedArray<u8> = full.get("stream").expect("stream");
            assert_eq!(stream.len(), 2);
            assert_eq!(stream.get::<_, u8>(0).expect("byte"), b'h');
        });
    }
}
