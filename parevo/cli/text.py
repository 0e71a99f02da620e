"""The terminal report of one evaluation: a stage table, the timing table, the feedback."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from ..verify.result import EvalResult

STATUS_STYLE = {"ok": "green", "fail": "red", "error": "magenta", "skipped": "dim"}


def _stage_summary(stage) -> str:
    m = stage.metrics
    if stage.status != "ok":
        return stage.detail or stage.feedback.splitlines()[0] if (stage.detail or stage.feedback) else ""
    if stage.stage == "build":
        return "cached" if m.get("cached") else f"built in {m.get('build_s', 0):.1f} s"
    if stage.stage == "correctness":
        p = stage.params
        return f"{len(p['families'])} families x threads {p['threads']} at size {p['size']:,}"
    if stage.stage == "race":
        if m.get("by_construction"):
            return stage.detail
        return f"{m.get('runs', 0)} ThreadSanitizer runs at threads {stage.params['threads']}, no race" + (
            f"; {stage.detail}" if stage.detail else "")
    if stage.stage == "timing":
        return f"speedup {m['speedup']:.2f}x at {m['threads_max']} threads (efficiency {m['efficiency']:.2f})"
    if stage.stage == "profile":
        c = m.get("counters", {})
        bits = [f"{k} {v:,.0f}" for k, v in c.items() if k in ("context-switches", "cpu-migrations", "page-faults")]
        if "ipc" in m:
            bits.insert(0, f"IPC {m['ipc']:.2f}")
        return ", ".join(bits) + (f" ({stage.detail})" if stage.detail else "")
    return ""


def print_eval(console: Console, r: EvalResult) -> None:
    table = Table(title=f"{r.task} / {r.model} / {r.candidate_sha256[:12]}")
    for col in ("stage", "status", "time", "summary"):
        table.add_column(col, overflow="fold")
    for s in r.stages:
        table.add_row(s.stage, f"[{STATUS_STYLE[s.status]}]{s.status}[/]", f"{s.seconds:.1f}s" if s.seconds else "",
                      escape(_stage_summary(s)))
    console.print(table)
    timing = r.stage("timing")
    if timing and timing.status == "ok":
        m = timing.metrics
        threads = [str(t) for t in timing.params["threads"]]
        ci = timing.params.get("target_ci")
        reps = f"up to {timing.params['reps']}, until +-{ci:.0%}" if ci else f"{timing.params['reps']}"
        tt = Table(title=f"timing (median of {reps}, size {timing.params['size']:,})")
        tt.add_column("family")
        tt.add_column("baseline")
        for t in threads:
            tt.add_column(f"{t} thr (speedup)")
        tt.add_column("spread")
        if "speedup_vs_reference" in m:
            tt.add_column(f"reference ({m['reference_model']})")
        for fam, row in m["families"].items():
            cells = [fam, f"{row['baseline_s'] * 1e3:.2f} ms"]
            cells += [f"{row['candidate_s'][t] * 1e3:.2f} ms ({row['speedup'][t]:.2f}x)" for t in threads]
            cells.append(f"{max(row['spread'].values()) * 100:.1f}%")
            if "speedup_vs_reference" in m:
                cells.append(f"{row.get('reference_s', 0) * 1e3:.2f} ms (cand {row.get('speedup_vs_reference', 0):.2f}x)")
            tt.add_row(*cells)
        console.print(tt)
        eff = ", ".join(f"{t} thr {m['efficiency_by_threads'][t]:.2f}" for t in threads)
        console.print(f"efficiency: {eff}")
    if r.race_free is None:
        race = r.stage("race")
        if race and race.detail and race.status == "skipped" and "unavailable" in race.detail:
            console.print(f"[yellow]race check UNAVAILABLE:[/] {escape(race.detail)}")
    if r.feedback:
        console.print(Panel(escape(r.feedback), title="feedback (as given to the LLM)", border_style="red"))
    for note in r.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")
    verdict = {"ok": "[green bold]PASSED[/]", "fail": "[red bold]FAILED[/]", "error": "[magenta bold]ERROR[/]"}[r.status]
    console.print(f"{verdict} at stage '{r.stage_reached}' in {r.seconds:.1f} s")
