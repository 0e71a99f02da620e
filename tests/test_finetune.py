"""`parevo finetune` on a tiny randomly initialised Llama and a tokenizer trained here: no download."""

from __future__ import annotations

import json
import os
import sys
import time

import pytest
import typer
from typer.testing import CliRunner

from parevo.errors import ParevoError

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may reach a hub: the model and tokenizer are local
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

TASKS = [
    ("Sum the array `a` of length n in parallel with OpenMP.",
     "long sum(const int* a, int n) {\n  long s = 0;\n#pragma omp parallel for reduction(+:s)\n"
     "  for (int i = 0; i < n; ++i) s += a[i];\n  return s;\n}"),
    ("Count the even values of `a` in parallel with OpenMP.",
     "int evens(const int* a, int n) {\n  int c = 0;\n#pragma omp parallel for reduction(+:c)\n"
     "  for (int i = 0; i < n; ++i) c += a[i] % 2 == 0;\n  return c;\n}"),
    ("Find the maximum of `a` in parallel with OpenMP.",
     "int maxv(const int* a, int n) {\n  int m = a[0];\n#pragma omp parallel for reduction(max:m)\n"
     "  for (int i = 0; i < n; ++i) m = a[i] > m ? a[i] : m;\n  return m;\n}"),
]


def _records(n: int) -> list[dict]:
    return [{"id": f"r{i}", "instruction": TASKS[i % len(TASKS)][0], "solution": TASKS[i % len(TASKS)][1]}
            for i in range(n)]


def _write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))


# --- no extra needed --------------------------------------------------------------------------

def test_records_become_cpp_replies_and_bad_lines_name_the_fix(tmp_path):
    from parevo.train import load_splits, to_prompt_completion

    ex = to_prompt_completion({"instruction": "do it", "solution": "int f();", "system": "be fast"})
    assert ex["prompt"] == [{"role": "system", "content": "be fast"}, {"role": "user", "content": "do it"}]
    assert ex["completion"] == [{"role": "assistant", "content": "```cpp\nint f();\n```"}]
    fenced = to_prompt_completion({"instruction": "x", "solution": "```cpp\nint g();\n```\n"})
    assert fenced["completion"][0]["content"] == "```cpp\nint g();\n```"

    with pytest.raises(ParevoError, match=r"train.jsonl: no such file \(parevo corpus generate"):
        load_splits(tmp_path)
    (tmp_path / "train.jsonl").write_text(json.dumps({"instruction": "x", "solution": "y"}) + "\n"
                                          + json.dumps({"prompt": "p", "chosen": "a", "rejected": "b"})
                                          + "\n")
    with pytest.raises(ParevoError, match=r"train.jsonl:2: no instruction, solution .*preference files"):
        load_splits(tmp_path)


def _blocked(monkeypatch, name: str) -> None:
    # None in sys.modules makes `import name` raise ModuleNotFoundError, as when it is not installed
    monkeypatch.setitem(sys.modules, name, None)


def test_missing_extra_is_one_line_naming_the_fix(monkeypatch, tmp_path, capsys):
    from parevo import cli
    from parevo.cli.train import register
    from parevo.train import require_train_extra

    _blocked(monkeypatch, "trl")
    with pytest.raises(ParevoError) as info:
        require_train_extra()
    assert str(info.value).startswith(
        "parevo finetune needs the train extra: pip install 'parevo[train]' (missing:")
    assert "trl" in str(info.value) and "\n" not in str(info.value)

    # through the real entry point: main() prints ParevoError without a traceback and exits 2
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps `finetune` a subcommand
    monkeypatch.setattr(cli, "app", app)
    monkeypatch.setattr(sys, "argv", ["parevo", "finetune", "--data", str(tmp_path), "--base-model", "x",
                                      "--out", str(tmp_path / "out")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "parevo finetune needs the train extra: pip install 'parevo[train]'" in " ".join(err.split())
    assert "Traceback" not in err


def test_installed_but_broken_package_is_told_apart(monkeypatch):
    import parevo.train as train

    def fake_import(name):
        if name == "trl":  # trl is there, but something it imports is not (a version that does not fit)
            raise ImportError("cannot import name 'Thing' from 'transformers'", name="transformers")

    monkeypatch.setattr(train.importlib, "import_module", fake_import)
    with pytest.raises(ParevoError, match=r"^parevo finetune: trl is installed but does not import "
                                          r"\(cannot import name 'Thing' from 'transformers'\): "
                                          r"pip install -U 'parevo\[train\]'$"):
        train.require_train_extra()


def test_bench_after_prints_commands_without_a_server(tmp_path, capsys):
    from parevo.cli.train import bench_after_training, bench_commands

    merged = tmp_path / "ft" / "merged"
    cmds = bench_commands(merged, "bfs,spmv", None)
    assert cmds.serve == ["vllm", "serve", str(merged), "--served-model-name", "parevo-ft", "--port", "8000"]
    assert cmds.bench == ["parevo", "bench", "--suite", "builtin", "--tasks", "bfs,spmv",
                          "--llm", "openai:parevo-ft@http://127.0.0.1:8000/v1", "--name", "finetune-ft"]
    bench_after_training(merged, "bfs,spmv", None)
    printed = capsys.readouterr().out
    assert f"vllm serve {merged} --served-model-name parevo-ft --port 8000" in printed
    assert ("parevo bench --suite builtin --tasks bfs,spmv "
            "--llm openai:parevo-ft@http://127.0.0.1:8000/v1") in printed


def test_bench_after_runs_the_bench_against_a_given_server(tmp_path, monkeypatch):
    from parevo.cli import train as cli_train

    calls = []
    monkeypatch.setattr(cli_train.subprocess, "call", lambda argv: calls.append(argv) or 3)
    with pytest.raises(typer.Exit) as info:  # the bench's exit status is passed on
        cli_train.bench_after_training(tmp_path / "ft" / "merged", "bfs", "http://127.0.0.1:9000/v1", "mine")
    assert info.value.exit_code == 3
    assert calls == [[sys.executable, "-m", "parevo.cli", "bench", "--suite", "builtin", "--tasks", "bfs",
                      "--llm", "openai:mine@http://127.0.0.1:9000/v1", "--name", "finetune-ft"]]


# --- the real training path -------------------------------------------------------------------

def _tiny_model_and_tokenizer(root, texts):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE(unk_token="<unk>"))
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    bpe.train_from_iterator(texts, trainers.BpeTrainer(
        vocab_size=400, special_tokens=["<unk>", "<pad>", "<eos>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tok = PreTrainedTokenizerFast(tokenizer_object=bpe, unk_token="<unk>", pad_token="<pad>",
                                  eos_token="<eos>")
    config = LlamaConfig(vocab_size=len(tok), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512,
                         pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id, bos_token_id=None,
                         tie_word_embeddings=False, initializer_range=0.2)
    import torch

    torch.manual_seed(0)
    LlamaForCausalLM(config).save_pretrained(root)
    tok.save_pretrained(root)


def test_finetune_tiny_llama_end_to_end(tmp_path):
    for name in ("torch", "transformers", "trl", "peft", "datasets", "tokenizers"):
        pytest.importorskip(name, reason=f"{name} not installed (train extra: pip install 'parevo[train]')")
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from parevo.train import PLAIN_CHAT_TEMPLATE, FinetuneConfig, finetune

    data, base, out = tmp_path / "corpus", tmp_path / "base", tmp_path / "ft"
    data.mkdir()
    _write_jsonl(data / "train.jsonl", _records(36))
    _write_jsonl(data / "eval.jsonl", _records(3))
    texts = [t for pair in TASKS for t in pair]
    texts += ["### System\n", "### User\n", "### Assistant\n", "```cpp\n"]
    _tiny_model_and_tokenizer(base, texts * 4)

    from parevo.cli.train import register

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps `finetune` a subcommand
    started = time.time()
    run = CliRunner().invoke(app, [
        "finetune", "--data", str(data), "--base-model", str(base), "--out", str(out), "--lora-r", "8",
        "--lora-alpha", "16", "--lora-dropout", "0", "--max-steps", "30", "--lr", "1e-2", "--batch-size", "4",
        "--max-length", "256", "--logging-steps", "1", "--seed", "0", "--bench-after", "bfs"])
    seconds = time.time() - started
    assert run.exit_code == 0, run.output + repr(run.exception)
    assert "parameters trained" in run.output and "finetuned 30 steps" in run.output
    assert f"vllm serve {out / 'merged'}" in run.output  # no --serve-url: the commands are printed

    s = json.loads((out / "train_summary.json").read_text())
    assert s["steps"] == 30 and len(s["losses"]) == 30
    assert s["loss_last"] < s["loss_first"] / 2, s["losses"]
    assert s["eval_loss_after"] < s["eval_loss_before"]
    assert s["data"] == {"dir": str(data), "train": 36, "eval": 3}
    assert s["chat_template"] == "plain" and s["completion_only_loss"] is True
    assert s["target_modules"] == ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj",
                                   "down_proj"]
    assert 0 < s["params_trained"] < s["params_total"]
    assert s["versions"]["trl"] and s["versions"]["peft"] and s["versions"]["parevo"]
    assert seconds < 60

    # The adapter loads back onto the base model and agrees with the merged model.
    tok = AutoTokenizer.from_pretrained(out / "merged")
    assert tok.chat_template == PLAIN_CHAT_TEMPLATE  # a server renders chats as training did
    prompt = tok.apply_chat_template([{"role": "user", "content": TASKS[0][0]}], add_generation_prompt=True,
                                     tokenize=False)
    ids = tok(prompt, return_tensors="pt").input_ids
    adapted = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base), out / "adapter").eval()
    merged = AutoModelForCausalLM.from_pretrained(out / "merged").eval()
    plain = AutoModelForCausalLM.from_pretrained(base).eval()
    with torch.no_grad():
        a, m, p = (model(ids).logits for model in (adapted, merged, plain))
    assert torch.allclose(a, m, atol=1e-4)
    assert not torch.allclose(m, p, atol=1e-3)  # the adapter changed something

    generated = merged.generate(ids, max_new_tokens=8, do_sample=False, pad_token_id=tok.pad_token_id)
    assert generated.shape[1] > ids.shape[1]
    # trained on the reply's shape: greedy decoding starts the ```cpp block
    assert tok.decode(generated[0, ids.shape[1]:]).startswith("```"), tok.decode(generated[0, ids.shape[1]:])

    with pytest.raises(ParevoError, match="already holds a fine-tune"):
        finetune(FinetuneConfig(data_dir=data, base_model=str(base), out=out, max_steps=1))
