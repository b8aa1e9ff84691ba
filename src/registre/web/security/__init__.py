"""Cross-cutting defences of the web layer: refused actions as French pages (never a 500),
login lock-outs, secrets kept out of logs, the client address behind a proxy, the
production settings' checks. See docs/security.md."""
