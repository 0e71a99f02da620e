"""Pure functions: source stripping, model usage checks, diagnostics, TSan parsing, stats."""

from __future__ import annotations

import pytest

from parevo.toolchain.models import MODELS
from parevo.verify import diagnostics, races, source
from parevo.verify.timing import TimingStats, geomean


def usage(model: str, code: str) -> str:
    return MODELS[model].check_usage(source.strip_comments_and_strings(code))


def test_strip_keeps_lines_and_blanks_comments_and_strings():
    code = 'int a; // #pragma omp parallel\n/* std::thread t; */ const char* s = "#pragma omp for";\nint b;'
    stripped = source.strip_comments_and_strings(code)
    assert stripped.count("\n") == code.count("\n")
    assert "pragma" not in stripped and "std::thread" not in stripped


@pytest.mark.parametrize(
    "model,code,ok",
    [
        ("openmp", "void f(){\n#pragma omp parallel for\nfor(;;){}}", True),
        ("openmp", "void f(){ // #pragma omp parallel\n}", False),
        ("openmp", 'const char* s = "#pragma omp parallel";', False),
        ("threads", "void f(){ std::thread t([]{}); t.join(); }", True),
        ("threads", "int n = std::thread::hardware_concurrency();", False),
        ("threads", "auto f = std::async(std::launch::async, g);", True),
        ("parlay", "auto s = parlay::tabulate(n, [](long i){return i;});", True),
        ("parlay", "parlay::sequence<int> s;", False),
        ("tbb", "tbb::parallel_for(0, n, [](int i){});", True),
        ("serial", "int f(){ return 1; }", True),
        ("serial", "void f(){\n#pragma omp parallel\n{}}", False),
    ],
)
def test_model_usage_checks(model, code, ok):
    assert (usage(model, code) == "") is ok


def test_usage_messages_say_what_is_missing():
    assert "#pragma omp" in usage("openmp", "int f();")
    assert "never" in usage("threads", "int f();")
    assert "parlay::" in usage("parlay", "int f();")
    assert "candidate.cpp:2" in usage("serial", "int x;\nstd::thread t(f);")


def test_defines_function_needs_a_body():
    assert source.defines_function("std::vector<int> bfs_levels(const G& g, int s) {", "bfs_levels")
    assert not source.defines_function("std::vector<int> bfs_levels(const G& g, int s);", "bfs_levels")


GCC_OUTPUT = """candidate.cpp: In function 'std::vector<int> bfs_levels(const CSRGraph&, int32_t)':
candidate.cpp:12:9: error: 'frontir' was not declared in this scope; did you mean 'frontier'?
   12 |         frontir.push_back(v);
      |         ^~~~~~~
      |         frontier
candidate.cpp:20:3: error: expected ';' before '}' token
   20 |   }
/tmp/x/build-1/types.hpp:5:3: note: declared here
"""


def test_diagnostics_first_errors_with_lines():
    text = diagnostics.summarize(GCC_OUTPUT)
    assert text.startswith("candidate.cpp:12: error: 'frontir' was not declared")
    assert "frontir.push_back(v);" in text
    assert "candidate.cpp:20: error" in text
    assert "/tmp/x" not in text


def test_diagnostics_link_error_names_signature():
    text = diagnostics.summarize("/usr/bin/ld: in1.o: undefined reference to `bfs_levels(CSRGraph const&, int)'\n"
                                 "collect2: error: ld returned 1 exit status", "std::vector<int> bfs_levels(...)")
    assert "undefined reference to `bfs_levels(CSRGraph const&, int)`" in text
    assert "must define exactly" in text


def test_diagnostics_caps_error_count():
    many = "".join(f"candidate.cpp:{i}:1: error: bad thing {i}\n" for i in range(1, 10))
    text = diagnostics.summarize(many)
    assert "bad thing 3" in text and "bad thing 4" not in text
    assert "6 more error(s)" in text


TSAN = """==================
WARNING: ThreadSanitizer: data race (pid=2)
  Write of size 4 at 0x7b0c00000010 by thread T2:
    #0 bfs_levels._omp_fn.0 /build/candidate.cpp:14 (prog+0x1208)
    #1 <null> <null> (libomp.so.5+0xb76a6)

  Previous write of size 4 at 0x7b0c00000010 by main thread:
    #0 bfs_levels._omp_fn.0 /build/candidate.cpp:14 (prog+0x121e)
    #1 GOMP_parallel <null> (libomp.so.5+0xbf544)

SUMMARY: ThreadSanitizer: data race /build/candidate.cpp:14 in bfs_levels._omp_fn.0
==================
==================
WARNING: ThreadSanitizer: thread leak (pid=2)
  Thread T1 (tid=4, finished) created by main thread at:
    #0 pthread_create <null> (libtsan.so.2+0x5e686)
==================
"""


def test_tsan_reports_map_to_candidate_lines():
    reports = races.parse(TSAN)
    assert [r.kind for r in reports] == ["data race", "thread leak"]
    assert reports[0].fails and not reports[1].fails
    lines = [""] * 13 + ["      level[v] = depth + 1;"]
    text = races.summarize(reports, lines)
    assert "write of size 4 by thread T2 at candidate.cpp:14" in text
    assert "previous write of size 4 by main thread at candidate.cpp:14" in text
    assert "`level[v] = depth + 1;`" in text


def test_tsan_duplicate_reports_fold():
    reports = races.parse(TSAN + TSAN)
    assert len(races.distinct(reports)) == 1


def test_timing_stats_and_geomean():
    s = TimingStats.of([1.0, 1.1, 0.9, 1.0, 1.0])
    assert s.median == 1.0 and abs(s.spread - 0.2) < 1e-9
    assert abs(geomean([2.0, 8.0]) - 4.0) < 1e-12
    with pytest.raises(ValueError):
        TimingStats.of([])
