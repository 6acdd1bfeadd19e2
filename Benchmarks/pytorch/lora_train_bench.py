#!/usr/bin/env python3
"""PyTorch's LoRA training speed on the SmolLM2-135M shape: the CPU baseline sal's Swift trainer is compared to.

Run by hand (not in CI); a step takes 15-60 s on 2 shared cores, about 4.5 GB peak RSS:
    python3 Benchmarks/pytorch/lora_train_bench.py --threads 2 [--steps 3]
Needs: torch (the CPU wheel; a plain `pip install torch` pulls a multi-GB CUDA build), transformers, peft.
No model download: the weights are random (speed does not depend on their values).

Setup: LlamaForCausalLM with SmolLM2-135M's shape (30 layers, hidden 576, 9 heads / 3 KV heads, MLP 1536,
vocabulary 49152, tied embeddings, RoPE theta 100000), fp32, eager attention; PEFT LoRA r=32, alpha=64,
dropout 0 on all seven projections; batch 4 x 256 tokens, loss on every position, AdamW lr 1e-4.
One warm-up step is not timed. Prints one JSON object: tokens/s (wall) and tokens per CPU-second over the
timed steps, and peak RSS.
"""

import argparse
import json
import platform
import resource
import time

import peft
import torch
import transformers
from transformers import LlamaConfig, LlamaForCausalLM

SMOLLM2_135M = dict(
    vocab_size=49152,
    hidden_size=576,
    intermediate_size=1536,
    num_hidden_layers=30,
    num_attention_heads=9,
    num_key_value_heads=3,
    head_dim=64,
    max_position_embeddings=8192,
    rms_norm_eps=1e-5,
    rope_theta=100000.0,
    tie_word_embeddings=True,
    hidden_act="silu",
)
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, required=True, help="torch intra-op threads")
    parser.add_argument("--steps", type=int, default=3, help="timed optimizer steps (after one warm-up)")
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--sequence", type=int, default=256)
    parser.add_argument("--rank", type=int, default=32)
    parser.add_argument("--alpha", type=int, default=64)
    arguments = parser.parse_args()

    torch.set_num_threads(arguments.threads)
    torch.manual_seed(0)
    config = LlamaConfig(**SMOLLM2_135M)
    config._attn_implementation = "eager"
    model = LlamaForCausalLM(config).to(torch.float32)
    model = peft.get_peft_model(model, peft.LoraConfig(
        r=arguments.rank, lora_alpha=arguments.alpha, lora_dropout=0.0, target_modules=TARGETS,
        bias="none", task_type="CAUSAL_LM"))
    model.train()
    trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=1e-4)
    input_ids = torch.randint(0, config.vocab_size, (arguments.batch, arguments.sequence))

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = model(input_ids=input_ids, labels=input_ids).loss
        loss.backward()
        optimizer.step()
        return loss.item()

    warm_up_start = time.perf_counter()
    step()
    warm_up_seconds = time.perf_counter() - warm_up_start
    step_seconds = []
    step_cpu_seconds = []
    losses = []
    for _ in range(arguments.steps):
        start, cpu_start = time.perf_counter(), time.process_time()
        losses.append(step())
        step_seconds.append(time.perf_counter() - start)
        step_cpu_seconds.append(time.process_time() - cpu_start)

    tokens = arguments.batch * arguments.sequence
    peak_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({
        "benchmark": "pytorch-lora-train",
        "shape": "SmolLM2-135M",
        "dtype": "float32",
        "threads": arguments.threads,
        "batch": arguments.batch,
        "sequence": arguments.sequence,
        "lora_rank": arguments.rank,
        "lora_alpha": arguments.alpha,
        "trainable_parameters": sum(parameter.numel() for parameter in trainable),
        "warm_up_seconds": round(warm_up_seconds, 3),
        "step_seconds": [round(seconds, 3) for seconds in step_seconds],
        "tokens_per_second": round(tokens * len(step_seconds) / sum(step_seconds), 2),
        "step_cpu_seconds": [round(seconds, 3) for seconds in step_cpu_seconds],
        "tokens_per_cpu_second": round(tokens * len(step_cpu_seconds) / sum(step_cpu_seconds), 2),
        "peak_rss_mib": round(peak_rss_kib / 1024, 1),
        "losses": [round(loss, 4) for loss in losses],
        "versions": {"torch": torch.__version__, "transformers": transformers.__version__, "peft": peft.__version__,
                     "python": platform.python_version()},
    }))


if __name__ == "__main__":
    main()
