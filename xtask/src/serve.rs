//! A tiny static file server for `cargo xtask serve` and the end-to-end test: serves a folder on
//! 127.0.0.1, from background threads, with the MIME types a browser needs (application/wasm for
//! streaming compilation), and like a production host sends the build's brotli (`.br`) or gzip
//! (`.gz`) copy of a file (static/build/compress.mjs) when the request's Accept-Encoding allows
//! it, with `Content-Encoding` and `Vary: Accept-Encoding`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

pub struct Server {
    port: u16,
}

impl Server {
    /// Binds a free port and serves `dir` until the process ends.
    pub fn start(dir: &Path) -> std::io::Result<Server> {
        Server::start_on(dir, 0)
    }

    /// Binds `port` (0: a free one) and serves `dir` until the process ends.
    pub fn start_on(dir: &Path, port: u16) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let port = listener.local_addr()?.port();
        let dir = dir.to_path_buf();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dir = dir.clone();
                thread::spawn(move || {
                    let _ = handle(stream, &dir);
                });
            }
        });
        Ok(Server { port })
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // Only Accept-Encoding matters here.
    let mut accept_encoding = String::new();
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_ascii_lowercase();
            }
        }
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            true,
        );
    }
    let Some(path) = resolve(dir, target) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            true,
        );
    };
    let (file, encoding) = encoded(&path, &accept_encoding);
    match std::fs::read(&file) {
        Ok(body) => respond_encoded(&mut stream, mime(&path), encoding, &body, method == "GET"),
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            true,
        ),
    }
}

/// Whether an Accept-Encoding value allows a coding (`br`, `gzip`): listed, or `*`, and not
/// with `q=0`.
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let refused = parts.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f64>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (name == coding || name == "*") && !refused
    })
}

/// The file to send for `path` and its Content-Encoding: the build's `.br` copy when brotli is
/// accepted, else its `.gz` copy when gzip is, else the file itself.
fn encoded(path: &Path, accept_encoding: &str) -> (PathBuf, Option<&'static str>) {
    for (coding, ext) in [("br", "br"), ("gzip", "gz")] {
        if accepts(accept_encoding, coding) {
            let mut name = path.as_os_str().to_os_string();
            name.push(".");
            name.push(ext);
            let copy = PathBuf::from(name);
            if copy.is_file() {
                return (copy, Some(coding));
            }
        }
    }
    (path.to_path_buf(), None)
}

/// Whether the build writes compressed copies of files of this type (static/build/compress.mjs),
/// so a response for it depends on Accept-Encoding.
fn compressible(content_type: &str) -> bool {
    !content_type.starts_with("image/png")
        && !content_type.starts_with("image/x-icon")
        && !content_type.starts_with("font/")
        && content_type != "application/octet-stream"
}

/// The file for a request target; `/` and paths without a file are the page itself.
fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dir.join(relative);
    if file.is_file() {
        Some(file)
    } else if relative.extension().is_none() {
        Some(dir.join("index.html"))
    } else {
        None
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn respond_encoded(
    stream: &mut TcpStream,
    content_type: &str,
    encoding: Option<&str>,
    body: &[u8],
    send_body: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(coding) = encoding {
        head.push_str(&format!("Content-Encoding: {coding}\r\n"));
    }
    if compressible(content_type) {
        head.push_str("Vary: Accept-Encoding\r\n");
    }
    head.push_str("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    send_body: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn serves_files_with_types_and_refuses_escapes() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(dir.join("app_bg.wasm"), b"\0asm").unwrap();
        let server = Server::start(&dir).unwrap();
        let get = |target: &str| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
            write!(s, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).unwrap();
            out
        };
        let wasm = get("/app_bg.wasm");
        assert!(wasm.starts_with("HTTP/1.1 200"));
        assert!(wasm.contains("Content-Type: application/wasm"));
        let page = get("/?x=1");
        assert!(page.contains("text/html") && page.ends_with("<p>hi</p>"));
        assert!(get("/../etc/passwd").starts_with("HTTP/1.1 404"));
        assert!(get("/%2e%2e/etc/passwd").starts_with("HTTP/1.1 404"));
        assert!(get("/missing.js").starts_with("HTTP/1.1 404"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn sends_the_compressed_copy_the_browser_accepts() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-enc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<p>plain</p>").unwrap();
        std::fs::write(dir.join("index.html.br"), "BROTLI").unwrap();
        std::fs::write(dir.join("index.html.gz"), "GZIP").unwrap();
        std::fs::write(dir.join("a.js"), "plain js").unwrap();
        std::fs::write(dir.join("a.js.gz"), "GZ JS").unwrap();
        let server = Server::start(&dir).unwrap();
        let get = |target: &str, accept: &str| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
            write!(
                s,
                "GET {target} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\n\r\n"
            )
            .unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).unwrap();
            out
        };
        let br = get("/", "gzip, deflate, br, zstd");
        assert!(
            br.contains("Content-Encoding: br") && br.ends_with("BROTLI"),
            "{br}"
        );
        assert!(br.contains("Content-Type: text/html") && br.contains("Vary: Accept-Encoding"));
        let gz = get("/", "gzip");
        assert!(
            gz.contains("Content-Encoding: gzip") && gz.ends_with("GZIP"),
            "{gz}"
        );
        let refused = get("/", "br;q=0, gzip;q=0");
        assert!(!refused.contains("Content-Encoding") && refused.ends_with("<p>plain</p>"));
        assert!(refused.contains("Vary: Accept-Encoding"));
        // No .br copy of a.js: the .gz one, else the file.
        assert!(get("/a.js", "br, gzip").ends_with("GZ JS"));
        assert!(get("/a.js", "identity").ends_with("plain js"));
        assert!(accepts("gzip, deflate, br", "br") && !accepts("gzip", "br") && accepts("*", "br"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
