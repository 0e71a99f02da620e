"""Static integrity checks (parevo.verify.integrity) on real compiles: every class of attack is
refused by at least two programs, and an honest program of every model passes every check."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

from parevo.toolchain.probe import find_parlay_include
from parevo.verify import integrity as I

FIXTURES = Path(__file__).parent / "fixtures" / "integrity_static"
CXX = shutil.which("g++")
PARLAY = find_parlay_include()
TBB = Path("/usr/include/oneapi/tbb.h").exists()
STD = "-std=c++20"

pytestmark = pytest.mark.skipif(not (CXX and shutil.which("nm") and shutil.which("c++filt")),
                                reason="needs g++ and binutils (nm, c++filt)")


def model_args(model: str) -> list[str]:
    return {"serial": [], "openmp": ["-fopenmp"], "threads": ["-pthread"], "tbb": ["-pthread"],
            "parlay": ["-pthread", *([f"-I{PARLAY}"] if PARLAY else [])]}[model]


class Built(NamedTuple):
    obj: Path
    deps: list[Path]
    preprocessed: str
    work: Path
    args: list[str]


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Compiles a candidate as the build stage does (-O3, model flags, -MD) and preprocesses it."""
    root = tmp_path_factory.mktemp("integrity")
    count = 0

    def _build(source: str, model: str, opt: tuple[str, ...] = ("-O3",), args: list[str] | None = None) -> Built:
        nonlocal count
        count += 1
        work = root / f"c{count}"
        work.mkdir()
        (work / "candidate.cpp").write_text(source)
        flags = [STD, *(model_args(model) if args is None else args)]
        proc = subprocess.run([CXX, *flags, *opt, "-MD", "-MF", "candidate.d", "-c", "candidate.cpp", "-o", "candidate.o"],
                              cwd=work, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-3000:]
        deps = I.included_files((work / "candidate.d").read_text())
        return Built(work / "candidate.o", deps, I.preprocess(source, flags, CXX, work), work, flags)

    return _build


def allowed_roots() -> list[Path]:
    return I.default_allowed_roots([PARLAY] if PARLAY else [])


def every_check(b: Built, source: str, model: str) -> list[I.Problem]:
    return [
        *I.sanitizer_symbols(b.obj),
        *I.sanitizer_attributes(b.preprocessed),
        *I.line_directives(source),
        *I.inline_asm(b.preprocessed),
        *I.raw_syscalls(b.preprocessed),
        *I.macro_dependent(source, b.args, CXX, b.work),
        *I.forbidden_includes(b.deps, allowed_roots()),
        *I.compiled_model_use(b.obj, model),
    ]


def kinds(problems: list[I.Problem]) -> set[str]:
    return {p.kind for p in problems}


def text(problems: list[I.Problem]) -> str:
    return "\n".join(p.message for p in problems)


# ---------------------------------------------------------------------------------------------
# No false positives: an honest program of every model passes every check
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("model", ["serial", "openmp", "threads", "tbb", "parlay"])
def test_honest_candidate_passes_every_check(build, model):
    if model == "tbb" and not TBB:
        pytest.skip("oneTBB headers missing (apt-get install libtbb-dev)")
    if model == "parlay" and not PARLAY:
        pytest.skip("ParlayLib not found: set PARLAYLIB_INCLUDE to a parlaylib/include directory")
    source = (FIXTURES / f"honest_{model}.cpp").read_text()
    b = build(source, model)
    assert every_check(b, source, model) == []


def test_race_object_excuses_only_the_compilers_instrumentation(build):
    source = (FIXTURES / "honest_threads.cpp").read_text()
    race = build(source, "threads", opt=("-fsanitize=thread", "-g", "-O1"))
    assert I.sanitizer_symbols(race.obj, instrumented=True) == []
    assert "__tsan_func_entry" in text(I.sanitizer_symbols(race.obj))  # the optimised object is the one to check
    attack = build('extern "C" const char* __tsan_default_options() { return "report_bugs=0"; }\n'
                   "int f(int* p) { return *p; }\n", "serial", opt=("-fsanitize=thread", "-g", "-O1"))
    assert "defines `__tsan_default_options`" in text(I.sanitizer_symbols(attack.obj, instrumented=True))


# ---------------------------------------------------------------------------------------------
# 1. Detector symbols and strings in the object
# ---------------------------------------------------------------------------------------------

RACY_BODY = "void add(long* total, const long* a, long n) { for (long i = 0; i < n; ++i) *total += a[i]; }\n"

SYMBOL_ATTACKS = {
    "tsan_default_options": ('extern "C" const char* __tsan_default_options() { return "report_bugs=0"; }\n' + RACY_BODY,
                             "defines `__tsan_default_options`"),
    "tsan_default_suppressions": ('extern "C" const char* __tsan_default_suppressions() { return "race:add"; }\n'
                                  + RACY_BODY, "defines `__tsan_default_suppressions`"),
    "weak_tsan_init": ('extern "C" void __tsan_init() __attribute__((weak));\n'
                       "void add(long* total, const long* a, long n) {\n"
                       "  if (&__tsan_init) { long s = 0; for (long i = 0; i < n; ++i) s += a[i]; *total = s; return; }\n"
                       "  for (long i = 0; i < n; ++i) *total += a[i];\n}\n", "holds a weak reference to `__tsan_init`"),
    "annotate_weak": ('extern "C" void AnnotateIgnoreWritesBegin(const char*, int) __attribute__((weak));\n'
                      "void add(long* total, const long* a, long n) {\n"
                      "  if (AnnotateIgnoreWritesBegin) AnnotateIgnoreWritesBegin(__FILE__, __LINE__);\n"
                      "  for (long i = 0; i < n; ++i) *total += a[i];\n}\n", "`AnnotateIgnoreWritesBegin`"),
    "annotate_cxx_mangled": ("void AnnotateHappensBefore(const char*, int, const volatile void*);\n"
                             "void add(long* total, const long* a, long n) {\n"
                             "  AnnotateHappensBefore(__FILE__, __LINE__, total);\n"
                             "  for (long i = 0; i < n; ++i) *total += a[i];\n}\n",
                             "`AnnotateHappensBefore(char const*, int, void const volatile*)`"),
    "tsan_namespace_cxx": ("namespace __tsan { void ignore(); }\n"
                           "void add(long* total, const long* a, long n) { __tsan::ignore(); *total += a[0] * n; }\n",
                           "`__tsan::ignore()`"),
    "dlsym_probe": ("#include <dlfcn.h>\n"
                    "void add(long* total, const long* a, long n) {\n"
                    "  if (dlsym(RTLD_DEFAULT, \"__tsan_ignore_thread_begin\")) *total = 0;\n"
                    "  for (long i = 0; i < n; ++i) *total += a[i];\n}\n", "references `dlsym`"),
    "ompt_tool": ('extern "C" void* ompt_start_tool(unsigned, const char*) { return nullptr; }\n' + RACY_BODY,
                  "defines `ompt_start_tool`"),
    "raw_syscall": ("#include <sys/syscall.h>\n#include <unistd.h>\n"
                    "void add(long* total, const long* a, long n) {\n"
                    "  if (syscall(SYS_gettid) > 0) for (long i = 0; i < n; ++i) *total += a[i];\n}\n",
                    "references `syscall`"),
    "environ_scan": ("extern char** environ;\n"
                     "void add(long* total, const long* a, long n) {\n"
                     "  for (char** e = environ; *e; ++e) if (**e == 'T') return;\n"
                     "  for (long i = 0; i < n; ++i) *total += a[i];\n}\n", "references `environ`"),
}


@pytest.mark.parametrize("name", sorted(SYMBOL_ATTACKS))
def test_detector_symbols_are_refused(build, name):
    source, expected = SYMBOL_ATTACKS[name]
    problems = I.sanitizer_symbols(build(source, "serial").obj)
    assert "sanitizer_symbol" in kinds(problems)
    assert expected in text(problems)


STRING_ATTACKS = {
    "tsan_options_env": ("#include <cstdlib>\n"
                         "void add(long* total, const long* a, long n) {\n"
                         "  if (std::getenv(\"TSAN_OPTIONS\")) { *total = 0; return; }\n"
                         "  for (long i = 0; i < n; ++i) *total += a[i];\n}\n", "TSAN_OPTIONS"),
    "proc_self_maps": ("#include <cstdio>\n#include <cstring>\n"
                       "void add(long* total, const long* a, long n) {\n"
                       "  char line[512]; bool race = false;\n"
                       "  if (FILE* f = std::fopen(\"/proc/self/maps\", \"r\")) {\n"
                       "    while (std::fgets(line, sizeof line, f)) race |= std::strstr(line, \"libt\" \"san\") != nullptr;\n"
                       "    std::fclose(f);\n  }\n"
                       "  for (long i = 0; i < n; ++i) *total += race ? 0 : a[i];\n}\n", "/proc/self/maps"),
    "archer_wide": ("#include <cwchar>\n"
                    "void add(long* total, const long* a, long n) {\n"
                    "  static const wchar_t* tool = L\"ARCHER_OPTIONS\";\n"
                    "  if (std::wcslen(tool) > n) return;\n"
                    "  for (long i = 0; i < n; ++i) *total += a[i];\n}\n", "archer"),
}


@pytest.mark.parametrize("name", sorted(STRING_ATTACKS))
def test_detector_strings_are_refused(build, name):
    source, expected = STRING_ATTACKS[name]
    problems = I.sanitizer_symbols(build(source, "serial").obj)
    assert "detector_string" in kinds(problems)
    assert expected.lower() in text(problems).lower()


def test_own_syscall_is_refused_even_beside_libstdcxx_futex_wait(build):
    source = ("#include <atomic>\n#include <sys/syscall.h>\n#include <unistd.h>\n"
              "void add(std::atomic<int>& flag, long* total) {\n"
              "  flag.wait(0);\n"
              "  *total += syscall(SYS_gettid);\n}\n")
    b = build(source, "serial")
    assert I.sanitizer_symbols(b.obj) == []  # the reference cannot be told from libstdc++'s futex wait
    problems = I.raw_syscalls(b.preprocessed)
    assert [p.line for p in problems] == [6] and "raw system call" in problems[0].message


# ---------------------------------------------------------------------------------------------
# 2. Attributes and pragmas (on the preprocessed tokens of the candidate's own file)
# ---------------------------------------------------------------------------------------------

ATTRIBUTE_ATTACKS = {
    "no_sanitize_helper": ('__attribute__((no_sanitize("thread"))) static void bump(long* t, long v) { *t += v; }\n'
                           "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) bump(t, a[i]); }\n",
                           1, "`no_sanitize`"),
    "macro_built": ("#define CAT(a, b) a##b\n#define NOSAN __attribute__((CAT(no_, sanitize)(\"thread\")))\n"
                    "NOSAN static void bump(long* t, long v) { *t += v; }\n"
                    "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) bump(t, a[i]); }\n",
                    3, "`no_sanitize`"),
    "gnu_spelling": ("[[gnu::no_sanitize_thread]] static void bump(long* t, long v) { *t += v; }\n"
                     "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) bump(t, a[i]); }\n",
                     1, "`no_sanitize_thread`"),
    "double_underscore": ("static void __attribute__((__no_sanitize__(\"thread\"))) bump(long* t, long v) { *t += v; }\n"
                          "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) bump(t, a[i]); }\n",
                          1, "`__no_sanitize__`"),
    "pragma_via_macro": ("#define FAST _Pragma(\"GCC optimize(\\\"O0\\\")\")\nFAST\n"
                         "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) *t += a[i]; }\n",
                         2, "#pragma GCC optimize"),
    "push_options": ("#pragma GCC push_options\n#pragma GCC optimize(\"O0\")\n"
                     "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) *t += a[i]; }\n"
                     "#pragma GCC pop_options\n", 1, "#pragma GCC push_options"),
    "using_gnu_optimize": ("[[using gnu: optimize(\"O0\")]] void add(long* t, const long* a, long n) {\n"
                           "  for (long i = 0; i < n; ++i) *t += a[i];\n}\n", 1, "`optimize`"),
    "constructor": ("static long* g_total;\n__attribute__((constructor)) static void early() { g_total = nullptr; }\n"
                    "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) *t += a[i]; }\n",
                    2, "`constructor`"),
    "init_array_section": ("static void early() {}\n"
                           "__attribute__((section(\".init_array\"), used)) static void (*hook)() = early;\n"
                           "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) *t += a[i]; }\n",
                           2, "`section`"),
    "no_instrument_function": ("__attribute__((no_instrument_function)) void add(long* t, const long* a, long n) {\n"
                               "  for (long i = 0; i < n; ++i) *t += a[i];\n}\n", 1, "`no_instrument_function`"),
}


@pytest.mark.parametrize("name", sorted(ATTRIBUTE_ATTACKS))
def test_sanitizer_attributes_are_refused(build, name):
    source, line, expected = ATTRIBUTE_ATTACKS[name]
    problems = I.sanitizer_attributes(build(source, "serial").preprocessed)
    assert problems, "not refused"
    assert problems[0].line == line and expected in problems[0].message
    assert f"candidate.cpp:{line}:" in problems[0].message


def test_words_in_comments_and_dead_code_are_not_attributes(build):
    source = ("// __attribute__((no_sanitize(\"thread\"))) is only a comment here\n"
              "#if 0\n__attribute__((constructor, no_sanitize(\"thread\"))) void never();\n#endif\n"
              "#define UNUSED __attribute__((no_sanitize(\"thread\")))\n"
              "[[nodiscard]] static long twice(long v) { return 2 * v; }\n"
              "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) *t += twice(a[i]); }\n")
    assert I.sanitizer_attributes(build(source, "serial").preprocessed) == []


def test_line_directives_that_hide_code_are_refused(build):
    hidden = ('# 1 "/usr/include/stdio.h" 1 3 4\n'
              '__attribute__((no_sanitize("thread"))) static void bump(long* t, long v) { *t += v; }\n'
              '# 4 "candidate.cpp" 2\n'
              "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) bump(t, a[i]); }\n")
    b = build(hidden, "serial")
    assert I.sanitizer_attributes(b.preprocessed) == []  # the token check is blind here by design ...
    assert [p.line for p in I.line_directives(hidden)] == [1]  # ... which is why line_directives exists
    renamed = ('#line 1 "/usr/include/stdlib.h"\n'
               '__attribute__((no_sanitize("thread"))) static void bump(long* t, long v) { *t += v; }\n'
               "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) bump(t, a[i]); }\n")
    assert "line_directive" in kinds(I.sanitizer_attributes(build(renamed, "serial").preprocessed))
    assert [p.line for p in I.line_directives("int a;\n/* x */ %\\\n: line 7\n")] == [2]


# ---------------------------------------------------------------------------------------------
# 3. Code that differs between the race build and the timing build
# ---------------------------------------------------------------------------------------------

MACRO_ATTACKS = {
    "ifdef_sanitize_thread": ("#include <atomic>\n"
                              "void add(long* t, const long* a, long n) {\n"
                              "#ifdef __SANITIZE_THREAD__\n"
                              "  std::atomic_ref<long> r(*t); for (long i = 0; i < n; ++i) r += a[i];\n"
                              "#else\n"
                              "  for (long i = 0; i < n; ++i) *t += a[i];\n"
                              "#endif\n}\n", 4, "`__SANITIZE_THREAD__` (tested at candidate.cpp:3)"),
    "indirect_macro": ("#define IN_RACE_BUILD (__SANITIZE_THREAD__ + 0)\n"
                       "void add(long* t, const long* a, long n) {\n"
                       "#if IN_RACE_BUILD\n  *t = 0;\n#endif\n"
                       "  for (long i = 0; i < n; ++i) *t += a[i];\n}\n", 4, "`__SANITIZE_THREAD__`"),
    "pasted_name": ("#define CAT(a, b) a##b\n#define RACE CAT(__SANITIZE_, THREAD__)\n"
                    "void add(long* t, const long* a, long n) {\n"
                    "#if RACE\n  *t = 0;\n#endif\n"
                    "  for (long i = 0; i < n; ++i) *t += a[i];\n}\n", 5, "__SANITIZE_THREAD__"),
    "error_under_tsan": ("#ifdef __SANITIZE_THREAD__\n#error not in the race build\n#endif\n" + RACY_BODY,
                         2, "fails in the race build"),
}


@pytest.mark.parametrize("name", sorted(MACRO_ATTACKS))
def test_macro_dependent_code_is_refused(tmp_path, name):
    source, line, expected = MACRO_ATTACKS[name]
    problems = I.macro_dependent(source, [STD], CXX, tmp_path)
    assert problems and all(p.kind == "macro_dependent" for p in problems)
    first = problems[0]
    assert first.line == line and expected in first.message
    assert "without -fsanitize=thread" in first.message or "race build" in first.message


def test_code_that_tests_a_race_only_define_differs_from_the_timing_build(tmp_path):
    # ParlayLib's race recipe adds -DPARLAY_ELASTIC_PARALLELISM=false: a candidate can test for it.
    source = ("void add(long* t, const long* a, long n) {\n"
              "#ifdef PARLAY_ELASTIC_PARALLELISM\n  *t = 0;\n#endif\n"
              "  for (long i = 0; i < n; ++i) *t += a[i];\n}\n")
    race = [*I.TSAN, STD, "-pthread", "-DPARLAY_ELASTIC_PARALLELISM=false", "-Wno-tsan"]
    problems = I.macro_dependent(source, [STD, "-pthread"], CXX, tmp_path, race_args=race)
    assert [p.line for p in problems] == [3]
    assert "-O3 build" in problems[0].message and "`PARLAY_ELASTIC_PARALLELISM`" in problems[0].message
    assert I.macro_dependent(RACY_BODY, [STD, "-pthread"], CXX, tmp_path, race_args=race) == []


# ---------------------------------------------------------------------------------------------
# 4. Included files and assembler inclusion
# ---------------------------------------------------------------------------------------------

def test_absolute_include_of_trusted_files_is_refused(build, tmp_path):
    task = tmp_path / "task dir"
    task.mkdir()
    (task / "baseline.cpp").write_text("static long baseline_sum(const long* a, long n) "
                                       "{ long s = 0; for (long i = 0; i < n; ++i) s += a[i]; return s; }\n")
    (task / "task.hpp").write_text("#pragma once\nstruct Secret { long seed; };\n")
    source = (f'#include "{task}/baseline.cpp"\n#include "{task}/task.hpp"\n'
              "void add(long* t, const long* a, long n) { *t += baseline_sum(a, n); }\n")
    problems = I.forbidden_includes(build(source, "serial").deps, allowed_roots())
    assert [p.kind for p in problems] == ["forbidden_include", "forbidden_include"]
    assert f"`{task}/baseline.cpp`" in problems[0].message and f"`{task}/task.hpp`" in problems[1].message


def test_detector_headers_are_refused_inside_the_system_roots(build):
    source = ("#include <sanitizer/tsan_interface.h>\n"
              "void add(long* t, const long* a, long n) { for (long i = 0; i < n; ++i) *t += a[i]; }\n")
    problems = I.forbidden_includes(build(source, "serial").deps, allowed_roots())
    assert kinds(problems) == {"detector_include"} and "sanitizer/tsan_interface.h`" in problems[0].message


def test_forbidden_includes_resolves_paths(tmp_path):
    inc = tmp_path / "inc"
    inc.mkdir()
    (inc / "ok.h").write_text("")
    (tmp_path / "secret.h").write_text("")
    (inc / "link.h").symlink_to(tmp_path / "secret.h")
    included = [inc / "ok.h", inc / "link.h", inc / ".." / "secret.h", Path("/proc/self/environ"), Path("/etc/passwd"),
                Path("local.h"), Path("/usr/include/stdio.h"), Path("/usr/include/../../etc/passwd")]
    problems = I.forbidden_includes(included, [inc, Path("/usr/include")])
    refused = [p.message.split("`")[1] for p in problems]
    assert refused == [str(p) for p in included if p not in (inc / "ok.h", Path("/usr/include/stdio.h"))]


def test_included_files_parses_gcc_depfiles():
    depfile = ("candidate.o: candidate.cpp /usr/include/stdio.h \\\n"
               " /tmp/task\\ dir/baseline.cpp /usr/include/stdio.h \\\n  /work/a$$b.h\n"
               "/usr/include/stdio.h:\n/tmp/task\\ dir/baseline.cpp:\n")
    assert I.included_files(depfile) == [Path("/usr/include/stdio.h"), Path("/tmp/task dir/baseline.cpp"),
                                         Path("/work/a$b.h")]


ASM_ATTACKS = {
    "incbin": ('asm(".section .rodata\\n.global blob\\nblob:\\n.incbin \\"{path}\\"\\n.text");\n'
               'extern "C" const char blob[];\n'
               "void add(long* t, const long* a, long n) { *t += blob[0] + a[n - 1]; }\n", 1, "`.incbin`"),
    "escaped_incbin": ("void add(long* t, const long* a, long n) {\n"
                       '  __asm__ volatile(".pushsection .rodata\\n\\x2e" "incbin \\"{path}\\"\\n.popsection");\n'
                       "  *t += a[n - 1];\n}\n", 2, "`.incbin`"),
    "assembler_macro": ('asm(".macro pull what\\n .\\\\what \\"{path}\\"\\n.endm\\n.section .rodata\\npull incbin\\n.text");\n'
                        "void add(long* t, const long* a, long n) { *t += a[n - 1]; }\n", 1, "`.macro`"),
    "syscall_instruction": ("void add(long* t, const long* a, long n) {\n  long r;\n"
                            '  asm volatile("syscall" : "=a"(r) : "a"(186L) : "rcx", "r11", "memory");\n'
                            "  *t += a[n - 1] + r;\n}\n", 3, "raw system call"),
    "memory_write_in_asm": ("void add(long* t, const long* a, long n) {\n"
                            "  for (long i = 0; i < n; ++i) {\n"
                            '    long v = *t + a[i];\n    asm volatile("movq %1, %0" : "=m"(*t) : "r"(v));\n  }\n}\n',
                            4, "race detector cannot see"),
    "asm_label": ('extern "C" void start_quietly() asm("__interceptor_pthread_create");\n'
                  "void add(long* t, const long* a, long n) { start_quietly(); *t += a[n - 1]; }\n",
                  1, "race detector cannot see"),
}


@pytest.mark.parametrize("name", sorted(ASM_ATTACKS))
def test_inline_asm_escapes_are_refused(build, tmp_path, name):
    """Assembler inclusion, assembler macros, raw syscalls, and memory the detector cannot see."""
    secret = tmp_path / "baseline.cpp"
    secret.write_text("long baseline;\n")
    template, line, expected = ASM_ATTACKS[name]
    problems = I.inline_asm(build(template.replace("{path}", str(secret)), "serial").preprocessed)
    assert [p.line for p in problems] == [line] and expected in problems[0].message


# ---------------------------------------------------------------------------------------------
# 5. The declared model, witnessed in what was compiled
# ---------------------------------------------------------------------------------------------

OMP_LOOP = "  for (long i = 0; i < n; ++i) t[i] = 2 * a[i];\n"


def test_openmp_pragma_in_dead_code_or_comment_compiles_to_nothing(build):
    dead = "void twice(long* t, const long* a, long n) {\n#if 0\n#pragma omp parallel for\n#endif\n" + OMP_LOOP + "}\n"
    comment = "void twice(long* t, const long* a, long n) {\n  // #pragma omp parallel for\n" + OMP_LOOP + "}\n"
    real = "void twice(long* t, const long* a, long n) {\n#pragma omp parallel for\n" + OMP_LOOP + "}\n"
    for source in (dead, comment):
        problems = I.compiled_model_use(build(source, "openmp").obj, "openmp")
        assert kinds(problems) == {"model_not_compiled"} and "no OpenMP construct was compiled" in problems[0].message
    without_flag = I.compiled_model_use(build(real, "openmp", args=[]).obj, "openmp")
    assert "no OpenMP construct was compiled" in text(without_flag)
    assert I.compiled_model_use(build(real, "openmp").obj, "openmp") == []


FOREIGN = {
    "openmp_via_std_thread": ("openmp", "#include <thread>\n"
                              "void twice(long* t, const long* a, long n) {\n"
                              "  int entered = 0;\n#pragma omp parallel\n#pragma omp atomic\n  entered += 1;\n"
                              "  std::thread w([&] { for (long i = 0; i < n / 2; ++i) t[i] = 2 * a[i]; });\n"
                              "  for (long i = n / 2; i < n; ++i) t[i] = 2 * a[i];\n  w.join();\n}\n",
                              "declared openmp but does its work through std::thread", set()),
    "threads_via_gomp": ("threads", "void twice(long* t, const long* a, long n) {\n#pragma omp parallel for\n"
                         + OMP_LOOP + "}\n", "declared threads but does its work through OpenMP", {"model_not_compiled"}),
    "serial_with_async": ("serial", "#include <future>\n"
                          "void twice(long* t, const long* a, long n) {\n"
                          "  auto h = std::async(std::launch::async, [&] { for (long i = 0; i < n / 2; ++i) t[i] = 2 * a[i]; });\n"
                          "  for (long i = n / 2; i < n; ++i) t[i] = 2 * a[i];\n  h.get();\n}\n",
                          "declared serial but does its work through std::thread", set()),
    "parlay_via_std_thread": ("parlay", "#include <thread>\n"
                              "void twice(long* t, const long* a, long n) {\n"
                              "  std::thread w([&] { for (long i = 0; i < n; ++i) t[i] = 2 * a[i]; });\n  w.join();\n}\n",
                              "declared parlay but does its work through std::thread", {"model_not_compiled"}),
}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_work_through_another_models_runtime_is_refused(build, name):
    model, source, expected, also = FOREIGN[name]
    args = ["-fopenmp", "-pthread"] if name == "threads_via_gomp" else None
    problems = I.compiled_model_use(build(source, model, args=args).obj, model)
    assert kinds(problems) == {"foreign_model", *also}
    assert expected in text(problems)


def test_a_model_that_is_only_named_is_not_used(build):
    source = ("#include <vector>\n// tbb::parallel_for would go here\n"
              "void twice(long* t, const long* a, long n) {\n" + OMP_LOOP + "}\n")
    obj = build(source, "serial").obj
    assert I.compiled_model_use(obj, "serial") == []
    for model in ("tbb", "threads", "parlay"):
        assert kinds(I.compiled_model_use(obj, model)) == {"model_not_compiled"}
