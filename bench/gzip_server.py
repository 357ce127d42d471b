"""A static file server for the benchmark: python's http.server, plus gzip for text files when
the browser accepts it (as GitHub Pages and most hosts do). Usage: gzip_server.py PORT FOLDER"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(TEXT):
            return super().send_head()
        try:
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read(), 6)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)
        return None


if __name__ == "__main__":
    port, folder = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(GzipHandler, directory=folder)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
