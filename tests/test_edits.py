"""Reply extraction and SEARCH/REPLACE edits (parevo/llm/extract.py, parevo/evolve/edits.py):
the reply shapes LLMs actually send, and the feedback an edit that does not apply gives back."""

from __future__ import annotations

import pytest

from parevo.evolve.edits import (
    NO_CODE,
    Block,
    SearchReplace,
    apply_edits,
    apply_reply,
    ensure_markers,
    evolve_blocks,
    has_diff,
    parse_diff,
    validate_markers,
)
from parevo.llm.extract import extract_code, fenced_blocks, strip_reasoning

FUNCTION = "bfs_levels"

PROGRAM = """\
#include <vector>
#include <cstdint>

// EVOLVE-BLOCK-START
std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  std::vector<std::int32_t> level(g.n, -1);
  if (g.n == 0) return level;
  std::vector<std::int32_t> queue;
  level[source] = 0;
  queue.push_back(source);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    std::int32_t u = queue[head];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      std::int32_t v = g.targets[k];
      if (level[v] < 0) {
        level[v] = level[u] + 1;
        queue.push_back(v);
      }
    }
  }
  return level;
}
// EVOLVE-BLOCK-END
"""
# PROGRAM's line numbers, as the LLM would count them.
BODY = (5, 22)
INNER_LOOP = 13

HELPER = """\
static inline bool claim(std::vector<std::int32_t>& level, std::int32_t v, std::int32_t d) {
  if (level[v] >= 0) return false;
  level[v] = d;
  return true;
}
"""


def fence(code: str, lang: str = "cpp") -> str:
    return f"```{lang}\n{code.rstrip()}\n```"


def sr(search: str, replace: str, n: int = 7) -> str:
    return f"{'<' * n} SEARCH\n{search}\n{'=' * n}\n{replace}\n{'>' * n} REPLACE"


# --- extract_code ----------------------------------------------------------------------------


def test_prose_around_one_fenced_block():
    reply = f"Here is a parallel version.\n\n{fence(PROGRAM)}\n\nIt uses a frontier per level."
    got = extract_code(reply, function=FUNCTION)
    assert got is not None
    assert got.code == PROGRAM
    assert (got.how, got.blocks_seen) == ("fenced", 1)


@pytest.mark.parametrize("lang", ["cpp", "c++", "C++", "cc", "", "cxx"])
def test_fence_languages(lang):
    got = extract_code(f"Answer:\n{fence(PROGRAM, lang)}\n", function=FUNCTION)
    assert got is not None and got.code == PROGRAM


def test_tilde_fence_and_indented_list_fence():
    assert extract_code(f"~~~cpp\n{PROGRAM}~~~\n").code == PROGRAM
    indented = "1. The code:\n   ```cpp\n" + "".join(f"   {ln}\n" if ln else "\n" for ln in PROGRAM.splitlines()) + "   ```\n"
    assert extract_code(indented, function=FUNCTION).code == PROGRAM


def test_unterminated_final_fence_keeps_what_was_written():
    cut = PROGRAM[: PROGRAM.index("      if (level[v] < 0)")]
    reply = f"Sure.\n```cpp\n{cut}"
    got = extract_code(reply, function=FUNCTION)
    assert got is not None
    assert got.code == cut.rstrip() + "\n"
    assert got.how == "fenced"


def test_blocks_with_other_languages_are_not_code():
    reply = (
        "Compile with\n```bash\ng++ -O3 -fopenmp cand.cpp -o cand\n```\n"
        f"The program:\n{fence(PROGRAM)}\nOutput:\n```text\nlevels: 0 1 1 2\n```\n"
    )
    got = extract_code(reply, function=FUNCTION)
    assert got.code == PROGRAM and got.blocks_seen == 1


def test_two_blocks_prefers_the_one_defining_the_function():
    usage = "int main() {\n  auto l = bfs_levels(g, 0);\n  return 0;\n}\n"
    reply = f"The function:\n{fence(PROGRAM)}\nCall it like this:\n{fence(usage)}\n"
    got = extract_code(reply, function=FUNCTION)
    assert got.code == PROGRAM and got.blocks_seen == 2
    reply = f"Call it like this:\n{fence(usage)}\nThe function:\n{fence(PROGRAM)}\n"
    assert extract_code(reply, function=FUNCTION).code == PROGRAM


def test_draft_then_final_version_takes_the_last():
    final = PROGRAM.replace("queue.push_back(v);", "queue.push_back(v);  // final")
    reply = f"Original:\n{fence(PROGRAM)}\nImproved version:\n{fence(final)}\n"
    assert extract_code(reply, function=FUNCTION).code == final


def test_parts_of_one_file_are_concatenated():
    includes = "#include <vector>\n#include <atomic>\n"
    function = PROGRAM[PROGRAM.index("// EVOLVE-BLOCK-START") :]
    reply = f"Headers:\n{fence(includes)}\nA helper:\n{fence(HELPER)}\nAnd the function:\n{fence(function)}\n"
    got = extract_code(reply, function=FUNCTION)
    assert got.code == "\n\n".join([includes.strip(), HELPER.strip(), function.strip()]) + "\n"
    assert got.blocks_seen == 3


def test_a_quoted_pragma_is_not_part_of_the_file():
    reply = f"The key line is\n{fence('#pragma omp parallel for')}\nin\n{fence(PROGRAM)}\n"
    assert extract_code(reply, function=FUNCTION).code == PROGRAM


def test_without_function_the_longest_block_wins_when_not_parts():
    short = "level[v] = level[u] + 1;"
    reply = f"Change\n{fence(short)}\nThe whole thing:\n{fence(PROGRAM)}\n"
    assert extract_code(reply).code == PROGRAM


def test_unfenced_code_between_prose():
    reply = f"Here is my solution:\n\n{PROGRAM}\nThis runs in O(n + m) work; it's level-synchronous.\n"
    got = extract_code(reply, function=FUNCTION)
    assert got is not None
    assert got.code == PROGRAM  # markers included: comment lines hug the code
    assert (got.how, got.blocks_seen) == ("unfenced", 0)


def test_unfenced_from_a_signature_line():
    body = PROGRAM[PROGRAM.index("std::vector<std::int32_t> bfs_levels") : PROGRAM.index("// EVOLVE-BLOCK-END")]
    reply = f"The function bfs_levels(g, s) returns the levels.\n{body}\nDone. Each level is one round (it's a frontier)."
    got = extract_code(reply, function=FUNCTION)
    assert got.code.startswith("std::vector<std::int32_t> bfs_levels(")
    assert "Done" not in got.code  # ends at the last closing brace at depth 0
    assert got.code.rstrip().endswith("return level;\n}")


def test_unfenced_prose_using_code_words_is_not_code():
    assert extract_code("We keep using the frontier approach; a class of algorithms.") is None


def test_think_sections_are_ignored():
    draft = PROGRAM.replace("queue.push_back(v);", "queue.push_back(v);  // draft")
    reply = f"<think>\nLet me try:\n{fence(draft)}\nHmm, no.\n</think>\nFinal:\n{fence(PROGRAM)}"
    assert extract_code(reply, function=FUNCTION).code == PROGRAM
    # A template that opened the section itself: only the closing tag is in the reply.
    assert extract_code(f"Let me try:\n{fence(draft)}\n</think>\n{fence(PROGRAM)}", function=FUNCTION).code == PROGRAM
    # Reasoning that never ended has no answer.
    assert extract_code(f"<think>\n{fence(draft)}\nand then") is None


def test_strip_reasoning_variants():
    assert strip_reasoning("<THINKING>x</THINKING>answer") == "answer"
    assert strip_reasoning("a<think>x</think>b<think>y</think>c") == "abc"


@pytest.mark.parametrize(
    "reply",
    ["", "I cannot help with that.", "Use a parallel frontier. Then call bfs(x).", "```\n\n```", "```bash\nmake\n```"],
)
def test_no_code_at_all(reply):
    assert extract_code(reply, function=FUNCTION) is None


def test_a_fenced_edit_is_not_a_program():
    edit = sr("  return level;", "  return level;  // x")
    assert extract_code(f"```cpp\n{edit}\n```") is None
    assert extract_code(f"```cpp\n{edit}\n```\nor the whole thing:\n{fence(PROGRAM)}").code == PROGRAM


def test_fenced_blocks_closing_rules():
    blocks = fenced_blocks("````md\n```cpp\nint x;\n```\n````\n~~~\nint y;\n")
    assert [(b.lang, b.closed) for b in blocks] == [("md", True), ("", False)]
    assert blocks[0].text == "```cpp\nint x;\n```"


# --- markers ---------------------------------------------------------------------------------


def test_evolve_blocks_line_numbers():
    (block,) = evolve_blocks(PROGRAM)
    assert (block.start, block.end, block.marked) == (*BODY, True)
    assert block.text.splitlines()[0].startswith("std::vector<std::int32_t> bfs_levels(")
    assert block.text.splitlines()[-1] == "}"


def test_evolve_blocks_several_and_empty():
    code = "a\n// EVOLVE-BLOCK-START\nb\n// EVOLVE-BLOCK-END\nc\n// EVOLVE-BLOCK-START\n// EVOLVE-BLOCK-END\n"
    assert evolve_blocks(code) == [Block(3, 3, "b"), Block(7, 6, "")]


def test_no_markers_is_one_block_over_the_file():
    assert evolve_blocks("int x;\nint y;\n") == [Block(1, 2, "int x;\nint y;", marked=False)]


@pytest.mark.parametrize(
    "code, expected",
    [
        ("x\n// EVOLVE-BLOCK-END\n", "line 2: EVOLVE-BLOCK-END without an EVOLVE-BLOCK-START before it"),
        ("// EVOLVE-BLOCK-START\nx\n", "line 1: EVOLVE-BLOCK-START is never closed"),
        (
            "// EVOLVE-BLOCK-START\nx\n// EVOLVE-BLOCK-START\n// EVOLVE-BLOCK-END\n",
            "line 3: EVOLVE-BLOCK-START inside the block opened at line 1",
        ),
        (
            "// EVOLVE-BLOCK-END\n// EVOLVE-BLOCK-START\n",
            "line 1: EVOLVE-BLOCK-END without an EVOLVE-BLOCK-START before it",
        ),
        ("// EVOLVE-BLOCK-START EVOLVE-BLOCK-END\n", "line 1: EVOLVE-BLOCK-START and EVOLVE-BLOCK-END on the same line"),
    ],
)
def test_validate_markers_errors(code, expected):
    assert validate_markers(code).startswith(expected)
    with pytest.raises(ValueError, match="malformed EVOLVE-BLOCK markers"):
        evolve_blocks(code)


def test_validate_markers_ok():
    assert validate_markers(PROGRAM) == ""
    assert validate_markers("int x;\n") == ""


def test_ensure_markers_wraps_after_includes():
    bare = "#include <vector>\n#include <atomic>\n\nint f() {\n  return 1;\n}\n\n"
    assert ensure_markers(bare) == (
        "#include <vector>\n#include <atomic>\n// EVOLVE-BLOCK-START\n\nint f() {\n  return 1;\n}\n"
        "// EVOLVE-BLOCK-END\n"
    )
    assert ensure_markers("int f();\n") == "// EVOLVE-BLOCK-START\nint f();\n// EVOLVE-BLOCK-END\n"
    assert ensure_markers(PROGRAM) == PROGRAM
    broken = "#include <vector>\n// EVOLVE-BLOCK-START\nint f();\n"
    assert ensure_markers(broken) == "#include <vector>\n// EVOLVE-BLOCK-START\nint f();\n// EVOLVE-BLOCK-END\n"
    assert validate_markers(ensure_markers(broken)) == ""


# --- parse_diff ------------------------------------------------------------------------------


def test_parse_diff_plain_and_fenced_and_marker_lengths():
    reply = (
        "Two changes.\n"
        + sr("a\nb", "c")
        + "\nand\n```cpp\n"
        + sr("d", "e\nf", n=5)
        + "\n```\n"
        + sr("g", "", n=9)
    )
    assert parse_diff(reply) == [SearchReplace("a\nb", "c"), SearchReplace("d", "e\nf"), SearchReplace("g", "")]


def test_parse_diff_fences_inside_sections_and_think():
    reply = "<think>\n" + sr("x", "y") + "\n</think>\n<<<<<<< SEARCH\n```cpp\n  a;\n```\n=======\n```cpp\n  b;\n```\n>>>>>>> REPLACE\n"
    assert parse_diff(reply) == [SearchReplace("  a;", "  b;")]


def test_parse_diff_leaves_out_an_unfinished_block():
    assert parse_diff(sr("a", "b") + "\n<<<<<<< SEARCH\nc\n=======\nd") == [SearchReplace("a", "b")]
    assert parse_diff("<<<< SEARCH\na\n====\nb\n>>>> REPLACE") == []  # 4 is too few
    assert has_diff("x\n<<<<<<< SEARCH\n") and not has_diff("no edits")


# --- apply_edits -----------------------------------------------------------------------------


def test_exact_edit():
    result = apply_edits(PROGRAM, [SearchReplace("  return level;", "  return level;  // done")])
    assert result.error == "" and result.applied == 1
    assert result.code == PROGRAM.replace("  return level;\n", "  return level;  // done\n")


def test_whitespace_tolerant_edit_keeps_the_files_indentation():
    search = "for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {   \nstd::int32_t v = g.targets[k];"
    replace = "for (std::int64_t k = g.offsets[u], e = g.offsets[u + 1]; k < e; ++k) {\n  const std::int32_t v = g.targets[k];"
    result = apply_edits(PROGRAM, [SearchReplace(search, replace)])
    assert result.error == ""
    lines = result.code.splitlines()
    assert lines[INNER_LOOP - 1] == "    for (std::int64_t k = g.offsets[u], e = g.offsets[u + 1]; k < e; ++k) {"
    assert lines[INNER_LOOP] == "      const std::int32_t v = g.targets[k];"


def test_ambiguous_edit_names_the_count():
    result = apply_edits(PROGRAM, [SearchReplace("queue.push_back(source);\n", "x")])
    assert result.error == ""  # unique
    # Only whitespace-tolerant matches: "}" closes lines 18, 19 and 20, at three indentations.
    result = apply_edits(PROGRAM, [SearchReplace("}\n}", "}")])
    assert result.code is None
    assert result.error == (
        "edit 1 of 1: its SEARCH text matches 2 places (lines 18-19, lines 19-20); it must match exactly "
        "once. Add surrounding lines to SEARCH to make it unique."
    )
    twice = PROGRAM.replace("  return level;", "  level[source] = 0;\n  return level;")
    assert "matches 2 places (line 9, line 21)" in apply_edits(twice, [SearchReplace("  level[source] = 0;", "")]).error


def test_no_match_quotes_the_closest_lines_with_numbers():
    search = "for (std::int64_t k = g.offsets[u]; k < g.offsets[u+1]; k++) {\n  std::int32_t w = g.targets[k];"
    result = apply_edits(PROGRAM, [SearchReplace("  return level;", "  return level;"), SearchReplace(search, "x")])
    assert result.code is None and result.applied == 0
    error = result.error
    assert error.startswith("edit 2 of 2: its SEARCH text was not found in the EVOLVE-BLOCK.")
    assert "    for (std::int64_t k = g.offsets[u]; k < g.offsets[u+1]; k++) {" in error  # the SEARCH, quoted
    assert f"Closest match, lines {INNER_LOOP}-{INNER_LOOP + 1} (" in error
    assert "% similar):\n        for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {" in error
    percent = int(error.split("% similar")[0].rsplit("(", 1)[1])
    assert 80 <= percent < 100


def test_no_match_line_numbers_refer_to_the_parent_after_an_earlier_edit():
    grow = SearchReplace("  level[source] = 0;", "  // seed\n  // the source\n  level[source] = 0;")
    miss = SearchReplace("      std::int32_t v = g.targets[k]; // x", "y")
    result = apply_edits(PROGRAM, [grow, miss])
    assert f"Closest match, line {INNER_LOOP + 1} (" in result.error


def test_closest_match_in_a_large_program_samples_windows():
    body = "".join(f"  acc[{i % 97}] += data[{i}] * {i % 13};\n" for i in range(1200))
    parent = f"// EVOLVE-BLOCK-START\nvoid f() {{\n{body}}}\n// EVOLVE-BLOCK-END\n"
    wanted = parent.splitlines()[900:930]
    search = "\n".join(wanted).replace("data[910]", "data[911]")
    result = apply_edits(parent, [SearchReplace(search, "")])
    assert "Closest match, lines 901-930 (99% similar)" in result.error


def test_every_failing_edit_is_reported():
    result = apply_edits(PROGRAM, [SearchReplace("nothing like it", "x"), SearchReplace("nor this one", "y")])
    assert "edit 1 of 2" in result.error and "edit 2 of 2" in result.error


def test_edit_outside_the_block_is_refused():
    result = apply_edits(PROGRAM, [SearchReplace("#include <cstdint>", "#include <atomic>")])
    assert result.code is None
    assert "matches line 2" in result.error
    assert f"outside the EVOLVE-BLOCK (editable: lines {BODY[0]}-{BODY[1]})" in result.error
    # Deleting a marker is touching outside text too.
    result = apply_edits(PROGRAM, [SearchReplace("  return level;\n}\n// EVOLVE-BLOCK-END", "  return level;\n}")])
    assert result.code is None and "outside the EVOLVE-BLOCK" in result.error


def test_unchanged_context_outside_the_block_is_fine():
    search = "  return level;\n}\n// EVOLVE-BLOCK-END"
    result = apply_edits(PROGRAM, [SearchReplace(search, "  return std::move(level);\n}\n// EVOLVE-BLOCK-END")])
    assert result.error == ""
    assert result.code.endswith("  return std::move(level);\n}\n// EVOLVE-BLOCK-END\n")
    # Inserting right after START is inside the block; right before it is not.
    result = apply_edits(PROGRAM, [SearchReplace("// EVOLVE-BLOCK-START", "// EVOLVE-BLOCK-START\n#include <atomic>")])
    assert result.error == "" and "// EVOLVE-BLOCK-START\n#include <atomic>\nstd::vector" in result.code
    result = apply_edits(PROGRAM, [SearchReplace("// EVOLVE-BLOCK-START", "#include <atomic>\n// EVOLVE-BLOCK-START")])
    assert "outside the EVOLVE-BLOCK" in result.error


def test_a_match_outside_does_not_make_an_inside_match_ambiguous():
    parent = "int f();\n// EVOLVE-BLOCK-START\nint f();\n// EVOLVE-BLOCK-END\n"
    result = apply_edits(parent, [SearchReplace("int f();", "int g();")])
    assert result.code == "int f();\n// EVOLVE-BLOCK-START\nint g();\n// EVOLVE-BLOCK-END\n"


def test_several_edits_apply_in_order_on_the_result_of_the_previous():
    edits = [
        SearchReplace("  return level;", "  return result;"),
        SearchReplace("  return result;", "  auto result = level;\n  return result;"),
        SearchReplace("  level[source] = 0;", "  level[source] = 0;  // seed"),
    ]
    result = apply_edits(PROGRAM, edits)
    assert result.error == "" and result.applied == 3
    assert "  auto result = level;\n  return result;\n}" in result.code
    assert "  level[source] = 0;  // seed\n" in result.code
    assert validate_markers(result.code) == ""


def test_edits_may_add_a_helper_to_an_empty_block_and_never_add_markers():
    parent = "#include <vector>\n// EVOLVE-BLOCK-START\n// EVOLVE-BLOCK-END\nint main();\n"
    result = apply_edits(parent, [SearchReplace("// EVOLVE-BLOCK-START\n// EVOLVE-BLOCK-END", "// EVOLVE-BLOCK-START\nint h();\n// EVOLVE-BLOCK-END")])
    assert result.code == "#include <vector>\n// EVOLVE-BLOCK-START\nint h();\n// EVOLVE-BLOCK-END\nint main();\n"
    result = apply_edits(PROGRAM, [SearchReplace("  return level;", "  return level;\n// EVOLVE-BLOCK-END\n// EVOLVE-BLOCK-START")])
    assert "adds an EVOLVE-BLOCK marker" in result.error
    search = "  return level;\n}\n// EVOLVE-BLOCK-END"
    result = apply_edits(PROGRAM, [SearchReplace(search, "  return level;\n// EVOLVE-BLOCK-END\n}\n// EVOLVE-BLOCK-END")])
    assert result.code is None and "EVOLVE-BLOCK" in result.error


def test_empty_search_is_explained():
    result = apply_edits(PROGRAM, [SearchReplace("", "int x;")])
    assert "SEARCH section is empty" in result.error


def test_unmarked_parent_can_be_edited_anywhere():
    parent = "#include <vector>\nint f() { return 1; }\n"
    result = apply_edits(parent, [SearchReplace("#include <vector>", "#include <atomic>")])
    assert result.code == "#include <atomic>\nint f() { return 1; }\n"
    assert "not found in the program" in apply_edits(parent, [SearchReplace("zzz", "")]).error


def test_malformed_parent_is_a_programmer_error():
    with pytest.raises(ValueError, match="parent has malformed"):
        apply_edits("// EVOLVE-BLOCK-START\n", [SearchReplace("a", "b")])


# --- apply_reply -----------------------------------------------------------------------------


def test_reply_with_diff():
    reply = "I'll hoist the bound.\n```cpp\n" + sr("  return level;", "  return level;  // ok") + "\n```\n"
    out = apply_reply(PROGRAM, reply, mode="diff", function=FUNCTION)
    assert (out.kind, out.error, out.edits_applied) == ("diff", "", 1)
    assert "return level;  // ok" in out.code


def test_reply_with_failing_diff():
    out = apply_reply(PROGRAM, sr("  return levels;", "x"), mode="diff", function=FUNCTION)
    assert out.code is None and out.kind == "diff" and out.edits_applied == 0
    assert "Closest match, line 21 (" in out.error


def test_reply_with_cut_off_diff():
    out = apply_reply(PROGRAM, sr("  return level;", "x") + "\n<<<<<<< SEARCH\n  level[source] = 0;\n=======\n  lev", mode="diff")
    assert out.code is None and out.kind == "diff"
    assert "edit 2 (SEARCH at reply line 6) is cut off: no >>>>>>> REPLACE line" in out.error


def test_diff_mode_accepts_a_full_program_as_rewrite():
    rewritten = PROGRAM.replace("queue.push_back(v);", "queue.push_back(v);  // new")
    out = apply_reply(PROGRAM, f"Rewrote it:\n{fence(rewritten)}", mode="diff", function=FUNCTION)
    assert (out.code, out.kind, out.error, out.edits_applied) == (rewritten, "rewrite", "", 0)


def test_diff_mode_rejects_a_snippet():
    out = apply_reply(PROGRAM, f"Change the loop to\n{fence('level[v] = level[u] + 1;')}", mode="diff", function=FUNCTION)
    assert out.code is None and out.kind == "none" and out.error.startswith(NO_CODE)
    assert "`bfs_levels`" in out.error and "SEARCH/REPLACE" in out.error


def test_diff_mode_without_a_function_name_needs_some_function_definition():
    assert apply_reply(PROGRAM, fence(PROGRAM), mode="diff").kind == "rewrite"
    snippet = "#pragma omp parallel for\nfor (int i = 0; i < n; ++i) {\n  a[i] = 0;\n}"
    assert apply_reply(PROGRAM, fence(snippet), mode="diff").kind == "none"


@pytest.mark.parametrize("mode", ["diff", "rewrite"])
def test_reply_without_code(mode):
    out = apply_reply(PROGRAM, "I think the current version is optimal.", mode=mode, function=FUNCTION)
    assert (out.code, out.kind, out.edits_applied) == (None, "none", 0)
    assert out.error.startswith(NO_CODE)


def test_rewrite_mode_re_adds_dropped_markers():
    bare = PROGRAM.replace("// EVOLVE-BLOCK-START\n", "").replace("// EVOLVE-BLOCK-END\n", "")
    out = apply_reply(PROGRAM, f"<think>plan</think>\n{fence(bare)}", mode="rewrite", function=FUNCTION)
    assert out.kind == "rewrite" and out.error == ""
    assert validate_markers(out.code) == ""
    (block,) = evolve_blocks(out.code)
    assert block.marked and out.code.startswith("#include <vector>\n#include <cstdint>\n// EVOLVE-BLOCK-START\n")


def test_rewrite_mode_keeps_valid_markers_and_applies_a_diff_sent_instead():
    out = apply_reply(PROGRAM, fence(PROGRAM), mode="rewrite", function=FUNCTION)
    assert out.code == PROGRAM and out.kind == "rewrite"
    out = apply_reply(PROGRAM, sr("  return level;", "  return level; // d"), mode="rewrite", function=FUNCTION)
    assert out.kind == "diff" and out.edits_applied == 1


def test_apply_reply_rejects_an_unknown_mode():
    with pytest.raises(ValueError, match="mode must be"):
        apply_reply(PROGRAM, "", mode="patch")  # type: ignore[arg-type]
