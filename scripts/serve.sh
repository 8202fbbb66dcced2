#!/usr/bin/env bash
# Sets up, builds the page and serves dist/ on this machine only, with the sample story loaded:
#   scripts/serve.sh            -> http://127.0.0.1:8000/?sample   (Ctrl-C stops)
# Env: PORT (default 8000; the next free port is used if it is taken), HOST (default 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --no-browser
bash scripts/build-web.sh

exec node - "${HOST:-127.0.0.1}" "${PORT:-8000}" <<'NODE'
// A static server for dist/: correct types (application/wasm), no caching, nothing outside dist/.
const http = require("http");
const fs = require("fs");
const path = require("path");
const [host, firstPort] = [process.argv[2], Number(process.argv[3])];
const root = path.resolve("dist");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".png": "image/png" };
const server = http.createServer((req, res) => {
  let file;
  try {
    file = path.normalize(path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (file !== root && !file.startsWith(root + path.sep)) return void res.writeHead(403).end();
  if (file === root || req.url.split("?")[0].endsWith("/")) file = path.join(file, "index.html");
  fs.readFile(file, (err, body) => {
    if (err) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream",
      "cache-control": "no-cache", "x-content-type-options": "nosniff" });
    res.end(body);
  });
});
let port = firstPort;
server.on("error", (e) => {
  if (e.code === "EADDRINUSE" && port < firstPort + 20) server.listen(++port, host);
  else { console.error("[serve] " + e.message); process.exit(1); }
});
server.on("listening", () => {
  const base = `http://${host.includes(":") ? "[" + host + "]" : host}:${port}/`;
  console.log(`[serve] whosaid with the sample story: ${base}?sample`);
  console.log(`[serve] empty page: ${base}   (Ctrl-C to stop)`);
});
server.listen(port, host);
NODE
