//! `ntlm` (MS-NLMP, NTLMv2 responses): the three messages of the handshake. Signing adds
//! nothing by itself; `super::super::flow` sends the request, and on a 401/403 that offers
//! `NTLM` (or `Negotiate`) sends it again with the negotiate message, then with the authenticate
//! message built from the server's challenge, all on one connection. Parameters: `username`
//! (`DOMAIN\user` is split), `password`, `domain`, `workstation`, `disableRetryRequest`.

use super::util::random_bytes;
use super::Target;
use crate::collection::Auth;
use crate::http::error::RequestError;
use hmac::{Hmac, KeyInit, Mac};

const SIGNATURE: &[u8; 8] = b"NTLMSSP\0";
const UNICODE: u32 = 0x0000_0001;
const OEM: u32 = 0x0000_0002;
const REQUEST_TARGET: u32 = 0x0000_0004;
const NTLM: u32 = 0x0000_0200;
const DOMAIN_SUPPLIED: u32 = 0x0000_1000;
const WORKSTATION_SUPPLIED: u32 = 0x0000_2000;
const ALWAYS_SIGN: u32 = 0x0000_8000;
const EXTENDED_SESSION_SECURITY: u32 = 0x0008_0000;
const TARGET_INFO: u32 = 0x0080_0000;
const NEGOTIATE_128: u32 = 0x2000_0000;
const NEGOTIATE_56: u32 = 0x8000_0000;
const ASKED: u32 = UNICODE
    | OEM
    | REQUEST_TARGET
    | NTLM
    | ALWAYS_SIGN
    | EXTENDED_SESSION_SECURITY
    | TARGET_INFO
    | NEGOTIATE_128
    | NEGOTIATE_56;

pub(super) fn sign(_auth: &Auth, _target: &mut Target<'_>) -> Result<(), RequestError> {
    Ok(())
}

/// Who authenticates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Identity {
    pub user: String,
    pub password: String,
    pub domain: String,
    pub workstation: String,
}

impl Identity {
    pub fn from_auth(auth: &Auth) -> Identity {
        let get = |k: &str| auth.param(k).unwrap_or_default();
        let mut user = get("username");
        let mut domain = get("domain");
        if let Some((d, u)) = user.clone().split_once('\\') {
            if domain.is_empty() {
                domain = d.to_string();
            }
            user = u.to_string();
        }
        Identity {
            user,
            password: get("password"),
            domain,
            workstation: get("workstation"),
        }
    }
}

/// The scheme a challenge header uses (`NTLM` or `Negotiate`) and its base64 token (may be
/// empty for the first, token-less challenge).
pub(crate) fn offer(headers: &[(String, String)]) -> Option<(String, String)> {
    headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("www-authenticate"))
        .find_map(|(_, v)| {
            let v = v.trim();
            let (scheme, token) = v.split_once(' ').unwrap_or((v, ""));
            (scheme.eq_ignore_ascii_case("NTLM") || scheme.eq_ignore_ascii_case("Negotiate"))
                .then(|| (scheme.to_string(), token.trim().to_string()))
        })
}

/// The negotiate (type 1) message, base64.
pub(crate) fn negotiate(id: &Identity) -> String {
    let domain = id.domain.to_ascii_uppercase().into_bytes();
    let ws = id.workstation.to_ascii_uppercase().into_bytes();
    let mut flags = ASKED;
    if !domain.is_empty() {
        flags |= DOMAIN_SUPPLIED;
    }
    if !ws.is_empty() {
        flags |= WORKSTATION_SUPPLIED;
    }
    let mut msg = Message::new(1, 32);
    msg.u32(flags);
    msg.buffer(&domain);
    msg.buffer(&ws);
    msg.finish()
}

/// What the challenge (type 2) message says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Challenge {
    pub flags: u32,
    pub server_challenge: [u8; 8],
    pub target_info: Vec<u8>,
}

impl Challenge {
    pub fn parse(b64: &str) -> Option<Challenge> {
        let m = super::util::unb64(b64)?;
        if m.get(..8)? != SIGNATURE || u32_at(&m, 8)? != 2 {
            return None;
        }
        let flags = u32_at(&m, 20)?;
        let server_challenge: [u8; 8] = m.get(24..32)?.try_into().ok()?;
        let target_info = match (u16_at(&m, 40), u32_at(&m, 44)) {
            (Some(len), Some(off)) if len > 0 => {
                let off = off as usize;
                m.get(off..off + len as usize)?.to_vec()
            }
            _ => Vec::new(),
        };
        Some(Challenge {
            flags,
            server_challenge,
            target_info,
        })
    }

    /// The AV pair `MsvAvTimestamp`, if the server sent one.
    fn timestamp(&self) -> Option<[u8; 8]> {
        let mut rest = &self.target_info[..];
        while rest.len() >= 4 {
            let id = u16::from_le_bytes([rest[0], rest[1]]);
            let len = u16::from_le_bytes([rest[2], rest[3]]) as usize;
            let value = rest.get(4..4 + len)?;
            if id == 7 && len == 8 {
                return value.try_into().ok();
            }
            if id == 0 {
                break;
            }
            rest = &rest[4 + len..];
        }
        None
    }
}

/// The authenticate (type 3) message, base64.
pub(crate) fn authenticate(ch: &Challenge, id: &Identity) -> String {
    let timestamp = ch.timestamp().unwrap_or_else(filetime_now);
    let (lm, nt) = responses(id, ch, &random_bytes::<8>(), timestamp);
    let unicode = ch.flags & UNICODE != 0;
    let text = |s: &str| {
        if unicode {
            utf16(s)
        } else {
            s.as_bytes().to_vec()
        }
    };
    let mut msg = Message::new(3, 64);
    msg.buffer(&lm);
    msg.buffer(&nt);
    msg.buffer(&text(&id.domain));
    msg.buffer(&text(&id.user));
    msg.buffer(&text(&id.workstation.to_ascii_uppercase()));
    msg.buffer(&[]);
    msg.u32(ch.flags & ASKED);
    msg.finish()
}

/// `(LMv2, NTLMv2)` responses (MS-NLMP 3.3.2).
fn responses(id: &Identity, ch: &Challenge, client: &[u8; 8], time: [u8; 8]) -> (Vec<u8>, Vec<u8>) {
    use md4::Digest;
    let nt_hash = md4::Md4::digest(utf16(&id.password));
    let who = utf16(&format!("{}{}", id.user.to_uppercase(), id.domain));
    let key = hmac_md5(&nt_hash, &[&who]);
    let mut blob = vec![1, 1, 0, 0, 0, 0, 0, 0];
    blob.extend_from_slice(&time);
    blob.extend_from_slice(client);
    blob.extend_from_slice(&[0; 4]);
    blob.extend_from_slice(&ch.target_info);
    blob.extend_from_slice(&[0; 4]);
    let proof = hmac_md5(&key, &[&ch.server_challenge, &blob]);
    let mut nt = proof;
    nt.extend_from_slice(&blob);
    let mut lm = hmac_md5(&key, &[&ch.server_challenge, client]);
    lm.extend_from_slice(client);
    (lm, nt)
}

fn hmac_md5(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let Ok(mut mac) = <Hmac<md5::Md5> as KeyInit>::new_from_slice(key) else {
        return Vec::new();
    };
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().to_vec()
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Now as a Windows FILETIME (100 ns since 1601), little-endian.
fn filetime_now() -> [u8; 8] {
    let unix = chrono::Utc::now();
    let ticks = (unix.timestamp() + 11_644_473_600) as u64 * 10_000_000
        + u64::from(unix.timestamp_subsec_nanos() / 100);
    ticks.to_le_bytes()
}

fn u16_at(m: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(m.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(m: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(m.get(at..at + 4)?.try_into().ok()?))
}

/// A message under construction: fixed header fields, security buffers pointing into a
/// payload that follows the header.
struct Message {
    head: Vec<u8>,
    payload: Vec<u8>,
    header_len: usize,
}

impl Message {
    fn new(kind: u32, header_len: usize) -> Message {
        let mut head = SIGNATURE.to_vec();
        head.extend_from_slice(&kind.to_le_bytes());
        Message {
            head,
            payload: Vec::new(),
            header_len,
        }
    }
    fn u32(&mut self, v: u32) {
        self.head.extend_from_slice(&v.to_le_bytes());
    }
    fn buffer(&mut self, data: &[u8]) {
        let len = data.len() as u16;
        let offset = (self.header_len + self.payload.len()) as u32;
        self.head.extend_from_slice(&len.to_le_bytes());
        self.head.extend_from_slice(&len.to_le_bytes());
        self.head.extend_from_slice(&offset.to_le_bytes());
        self.payload.extend_from_slice(data);
    }
    fn finish(mut self) -> String {
        self.head.resize(self.header_len, 0);
        self.head.extend_from_slice(&self.payload);
        super::util::b64(&self.head)
    }
}

#[cfg(test)]
mod tests {
    use super::super::util::{hex, unb64};
    use super::*;

    fn spec_challenge() -> Challenge {
        // MS-NLMP 4.2.4: NbDomainName "Domain", NbComputerName "Server".
        let mut info = vec![2, 0, 12, 0];
        info.extend(utf16("Domain"));
        info.extend([1, 0, 12, 0]);
        info.extend(utf16("Server"));
        info.extend([0, 0, 0, 0]);
        Challenge {
            flags: 0xe28a_8233,
            server_challenge: [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef],
            target_info: info,
        }
    }

    #[test]
    fn ms_nlmp_ntlmv2_vectors() {
        let id = Identity {
            user: "User".into(),
            password: "Password".into(),
            domain: "Domain".into(),
            workstation: "COMPUTER".into(),
        };
        let (lm, nt) = responses(&id, &spec_challenge(), &[0xaa; 8], [0; 8]);
        assert_eq!(hex(&lm), "86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
        assert_eq!(hex(&nt[..16]), "68cd0ab851e51c96aabc927bebef6a1c");
    }

    #[test]
    fn messages_round_trip_their_fields() {
        let id = Identity::from_auth(&{
            let mut a = Auth::default();
            a.params.insert("username".into(), "CORP\\alice".into());
            a
        });
        assert_eq!((id.user.as_str(), id.domain.as_str()), ("alice", "CORP"));
        let t1 = unb64(&negotiate(&id)).unwrap();
        assert_eq!(&t1[..8], SIGNATURE);
        assert_eq!(u32_at(&t1, 12).unwrap() & DOMAIN_SUPPLIED, DOMAIN_SUPPLIED);
        assert_eq!(&t1[32..36], b"CORP");
        let t3 = unb64(&authenticate(&spec_challenge(), &id)).unwrap();
        assert_eq!(u32_at(&t3, 8), Some(3));
        let (len, off) = (
            u16_at(&t3, 36).unwrap() as usize,
            u32_at(&t3, 40).unwrap() as usize,
        );
        assert_eq!(&t3[off..off + len], &utf16("alice")[..]);
        let headers = vec![("WWW-Authenticate".into(), "NTLM".into())];
        assert_eq!(offer(&headers), Some(("NTLM".into(), String::new())));
    }
}
