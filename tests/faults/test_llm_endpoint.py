"""An OpenAI-compatible endpoint that misbehaves: it accepts the request and never answers, it
closes the stream halfway, it answers 200 with an error body. Each time the run ends `failed`
with the endpoint's fault named, no process is left, and a `--resume` (here with a scripted
provider standing in for the repaired endpoint) finishes the iterations that never got a reply."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from faultkit import parevo, programs, query, start, survivors, write_config, write_script

ITERATIONS = 3  # three LLM errors in a row stop a run (agent.MAX_CONSECUTIVE_LLM_ERRORS)


class BadEndpoint:
    """/v1/chat/completions doing one kind of wrong: hang, half, error200."""

    def __init__(self, behaviour: str):
        self.calls = 0
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers.get("content-length", 0)))
                outer.calls += 1
                if behaviour == "hang":  # accepted, never answered (until the test ends)
                    outer.release.wait(60)
                    return
                body = json.dumps({"id": "x", "object": "chat.completion", "created": int(time.time()), "model": "m",
                                   "choices": [{"index": 0, "finish_reason": "stop",
                                                "message": {"role": "assistant", "content": "no code " * 200}}]})
                if behaviour == "error200":
                    body = json.dumps({"error": {"message": "model is overloaded, try later", "type": "server_error"}})
                data = body.encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                if behaviour == "half":  # the connection drops halfway through the body
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


EXPECTED = {"hang": "no reply within 2 s", "half": "connection dropped in the middle of the reply", "error200": "model is overloaded"}


@pytest.mark.parametrize("behaviour", ["hang", "half", "error200"])
def test_misbehaving_endpoint_fails_the_run_clearly_and_resume_finishes(tmp_path, monkeypatch, behaviour):
    monkeypatch.setenv("OPENAI_API_KEY", "not-needed")
    endpoint = BadEndpoint(behaviour)
    try:
        cfg = write_config(tmp_path, iterations=ITERATIONS, llm_timeout=2.0)
        driver = start(tmp_path, "histogram", "--llm", f"openai:m@{endpoint.url}", "--config", str(cfg), "--name", "ep")
        code = driver.wait(timeout=120)
    finally:
        endpoint.close()
    out = driver.text()
    assert code == 1, out[-3000:]
    assert "failed" in out and "the LLM failed 3 times in a row" in out
    store = tmp_path / "parevo-runs" / "ep" / "run.sqlite"
    errors = [r[0] for r in query(store, "SELECT json_extract(data, '$.error') FROM events WHERE kind='llm_error'")]
    assert len(errors) == ITERATIONS and all(EXPECTED[behaviour] in e.lower() for e in errors), errors
    assert endpoint.calls == ITERATIONS  # one attempt each (max_attempts = 1): nothing hidden retried
    assert survivors({}, [tmp_path]) == []
    assert query(store, "SELECT status FROM runs")[0][0] == "failed"
    # the endpoint is repaired (a scripted stand-in): the iterations that got no reply are done now
    script = write_script(tmp_path, ["I have no code for this."] * ITERATIONS)
    r = parevo(tmp_path, "evolve", "--resume", "ep", "--llm", f"scripted:{script}")
    assert r.returncode == 0, r.stdout + r.stderr
    assert [(p[1], p[3]) for p in programs(store)] == [(i, "no_code") for i in range(1, ITERATIONS + 1)]
    assert query(store, "SELECT status FROM runs")[0][0] == "finished"
