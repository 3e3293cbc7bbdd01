//! Response body decoding per `Content-Encoding` (gzip, deflate as zlib or raw, br), lenient like
//! postman-request: a truncated stream yields what was decoded; unknown encodings pass through.

use super::error::RequestError;
use bytes::Bytes;
use std::io::Read;

/// Decodes `body` for `encoding` (the response's `Content-Encoding`), up to `limit` bytes.
pub(crate) fn decode(
    encoding: Option<&str>,
    body: Bytes,
    limit: u64,
) -> Result<Bytes, RequestError> {
    let enc = encoding.map(|e| e.trim().to_ascii_lowercase());
    if body.is_empty() {
        return Ok(body);
    }
    let reader: Box<dyn Read + '_> = match enc.as_deref() {
        Some("gzip") | Some("x-gzip") => Box::new(flate2::read::MultiGzDecoder::new(&body[..])),
        Some("deflate") if is_zlib(&body) => Box::new(flate2::read::ZlibDecoder::new(&body[..])),
        Some("deflate") => Box::new(flate2::read::DeflateDecoder::new(&body[..])),
        Some("br") => Box::new(brotli_decompressor::Decompressor::new(&body[..], 8192)),
        _ => return Ok(body),
    };
    let mut out = Vec::with_capacity(body.len() * 4);
    let mut limited = reader.take(limit.saturating_add(1));
    match limited.read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !out.is_empty() => {}
        Err(e) => return Err(RequestError::Decode(decode_message(enc.as_deref(), &e))),
    }
    if out.len() as u64 > limit {
        return Err(RequestError::ResponseTooLarge);
    }
    Ok(Bytes::from(out))
}

fn is_zlib(b: &[u8]) -> bool {
    b.len() >= 2 && b[0] & 0x0f == 8 && (u16::from(b[0]) << 8 | u16::from(b[1])) % 31 == 0
}

fn decode_message(enc: Option<&str>, e: &std::io::Error) -> String {
    match enc {
        Some("br") => "Decompression failed".to_string(),
        _ if e.kind() == std::io::ErrorKind::InvalidInput => "incorrect header check".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_deflate_raw_and_limits() {
        let body = Bytes::from(gz(b"hello"));
        assert_eq!(
            &decode(Some("gzip"), body.clone(), 100).unwrap()[..],
            b"hello"
        );
        assert_eq!(
            decode(Some("gzip"), body, 3),
            Err(RequestError::ResponseTooLarge)
        );
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"zz").unwrap();
        assert_eq!(
            &decode(Some("deflate"), Bytes::from(z.finish().unwrap()), 100).unwrap()[..],
            b"zz"
        );
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(b"raw").unwrap();
        assert_eq!(
            &decode(Some("Deflate"), Bytes::from(d.finish().unwrap()), 100).unwrap()[..],
            b"raw"
        );
        assert_eq!(
            &decode(Some("identity"), Bytes::from_static(b"x"), 100).unwrap()[..],
            b"x"
        );
        assert!(decode(Some("gzip"), Bytes::from_static(b"not gzip"), 100).is_err());
    }
}
