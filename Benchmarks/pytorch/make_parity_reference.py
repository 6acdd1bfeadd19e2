#!/usr/bin/env python3
"""Builds the PyTorch reference that sal's Swift Llama forward/backward and LoRA trainer are checked against.

Run by hand (not in CI), from anywhere:
    python3 Benchmarks/pytorch/make_parity_reference.py [--out Tests/TrainingTests/Fixtures/parity]
Needs: torch (the CPU wheel; a plain `pip install torch` pulls a multi-GB CUDA build), transformers, peft,
safetensors, numpy. Writes model.safetensors, config.json, adapter_config.json and reference.safetensors;
README.md beside this script documents every tensor name and convention.

Everything is computed in float64 from float32-representable values (weights, adapters and inputs are drawn
in float32 and widened), so the reference is the float32 inputs' exact answer up to float64 rounding, except
where transformers itself computes in float32 (RMSNorm's normalisation and the RoPE cos/sin tables).
"""

import argparse
import json
import math
import pathlib

import numpy
import peft
import safetensors.torch
import torch
import transformers
from transformers import LlamaConfig, LlamaForCausalLM

SEED = 20240611
BATCH, SEQUENCE = 2, 16
LORA_RANK, LORA_ALPHA = 4, 8
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
ADAMW = {"lr": 1e-2, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.01}
ADAMW_STEPS = 3
WEIGHT_STD, EMBEDDING_STD, NORM_JITTER, ADAPTER_STD = 0.1, 0.25, 0.1, 0.1

CONFIG = dict(
    vocab_size=300,
    hidden_size=64,
    intermediate_size=128,
    num_hidden_layers=2,
    num_attention_heads=4,
    num_key_value_heads=2,
    head_dim=16,
    max_position_embeddings=64,
    rms_norm_eps=1e-5,
    rope_theta=100000.0,
    tie_word_embeddings=True,
    hidden_act="silu",
    attention_bias=False,
    mlp_bias=False,
    bos_token_id=1,
    eos_token_id=2,
)


def float32_normal(generator, shape, std):
    return (torch.randn(shape, generator=generator, dtype=torch.float32) * std).to(torch.float32)


def build_base_model(generator):
    config = LlamaConfig(**CONFIG)
    config._attn_implementation = "eager"
    model = LlamaForCausalLM(config)
    weights = {}
    for name, parameter in model.named_parameters():
        if name.endswith("norm.weight"):
            value = 1.0 + float32_normal(generator, parameter.shape, NORM_JITTER)
        elif name == "model.embed_tokens.weight":
            value = float32_normal(generator, parameter.shape, EMBEDDING_STD)
        else:
            value = float32_normal(generator, parameter.shape, WEIGHT_STD)
        weights[name] = value
    model.load_state_dict(weights, strict=False)
    model.lm_head.weight = model.model.embed_tokens.weight  # tied, as in SmolLM2
    return model, weights, config


def inputs(generator):
    input_ids = torch.randint(0, CONFIG["vocab_size"], (BATCH, SEQUENCE), generator=generator)
    # loss_mask[b, t] = 1: token t is a target, predicted from positions < t. Column 0 never is.
    loss_mask = torch.zeros(BATCH, SEQUENCE)
    loss_mask[0, 5:] = 1
    loss_mask[1, 3:9] = 1
    loss_mask[1, 12] = 1
    return input_ids, loss_mask


def masked_loss(logits, input_ids, loss_mask):
    """Mean over supervised targets of -log softmax(logits[b, t-1])[input_ids[b, t]]."""
    log_probabilities = torch.log_softmax(logits[:, :-1, :], dim=-1)
    target_log_probabilities = log_probabilities.gather(-1, input_ids[:, 1:, None]).squeeze(-1)
    mask = loss_mask[:, 1:].to(logits.dtype)
    return -(target_log_probabilities * mask).sum() / mask.sum()


def lora_tensors(model, attribute):
    """LoRA A/B tensors under PEFT's saved-adapter names (adapter_model.safetensors), via `attribute`."""
    tensors = {}
    for name, module in model.named_modules():
        if isinstance(module, peft.tuners.lora.LoraLayer):
            prefix = name  # base_model.model.model.layers.{i}.self_attn.q_proj
            for matrix in ("A", "B"):
                weight = getattr(module, f"lora_{matrix}")["default"].weight
                tensors[f"{prefix}.lora_{matrix}.weight"] = attribute(weight)
    return tensors


def numpy_forward(weights, input_ids, adapter=None):
    """The forward pass exactly as README.md states the conventions, in float64 NumPy: run on the
    reference to show the README (weight layout, rotate-half RoPE, grouped heads, LoRA scaling) is right."""
    c = CONFIG
    w = {name: value.double().numpy() for name, value in weights.items()}
    a = {name: value.double().numpy() for name, value in (adapter or {}).items()}
    heads, kv_heads, head_dim = c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
    batch, length = input_ids.shape

    def rms_norm(x, weight):
        return x / numpy.sqrt((x * x).mean(-1, keepdims=True) + c["rms_norm_eps"]) * weight

    def linear(x, name):
        y = x @ w[f"{name}.weight"].T
        key = f"base_model.model.{name}"
        if f"{key}.lora_A.weight" in a:
            y = y + (LORA_ALPHA / LORA_RANK) * (x @ a[f"{key}.lora_A.weight"].T) @ a[f"{key}.lora_B.weight"].T
        return y

    inverse_frequencies = c["rope_theta"] ** (-numpy.arange(0, head_dim, 2) / head_dim)
    angles = numpy.arange(length)[:, None] * inverse_frequencies[None, :]
    cos, sin = numpy.cos(numpy.concatenate([angles, angles], -1)), numpy.sin(numpy.concatenate([angles, angles], -1))

    def rope(x):  # x: (batch, heads, length, head_dim); rotate-half pairs element i with i + head_dim/2
        half = head_dim // 2
        rotated = numpy.concatenate([-x[..., half:], x[..., :half]], -1)
        return x * cos + rotated * sin

    x = w["model.embed_tokens.weight"][input_ids.numpy()]
    causal = numpy.triu(numpy.full((length, length), -numpy.inf), 1)
    for layer in range(c["num_hidden_layers"]):
        p = f"model.layers.{layer}"
        h = rms_norm(x, w[f"{p}.input_layernorm.weight"])
        q = linear(h, f"{p}.self_attn.q_proj").reshape(batch, length, heads, head_dim).transpose(0, 2, 1, 3)
        k = linear(h, f"{p}.self_attn.k_proj").reshape(batch, length, kv_heads, head_dim).transpose(0, 2, 1, 3)
        v = linear(h, f"{p}.self_attn.v_proj").reshape(batch, length, kv_heads, head_dim).transpose(0, 2, 1, 3)
        q, k = rope(q), rope(k)
        group = heads // kv_heads  # query head j reads key/value head j // group
        k, v = numpy.repeat(k, group, axis=1), numpy.repeat(v, group, axis=1)
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head_dim) + causal
        scores = numpy.exp(scores - scores.max(-1, keepdims=True))
        attention = (scores / scores.sum(-1, keepdims=True)) @ v
        x = x + linear(attention.transpose(0, 2, 1, 3).reshape(batch, length, heads * head_dim), f"{p}.self_attn.o_proj")
        h = rms_norm(x, w[f"{p}.post_attention_layernorm.weight"])
        gate = linear(h, f"{p}.mlp.gate_proj")
        x = x + linear(gate / (1 + numpy.exp(-gate)) * linear(h, f"{p}.mlp.up_proj"), f"{p}.mlp.down_proj")
    return rms_norm(x, w["model.norm.weight"]) @ w["model.embed_tokens.weight"].T


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "TrainingTests" / "Fixtures" / "parity"
    parser.add_argument("--out", type=pathlib.Path, default=default_out)
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)

    torch.manual_seed(SEED)
    generator = torch.Generator().manual_seed(SEED)
    model, base_weights, config = build_base_model(generator)
    input_ids, loss_mask = inputs(generator)

    model = model.to(torch.float64).eval()
    with torch.no_grad():
        base_logits = model(input_ids=input_ids).logits

    lora_config = peft.LoraConfig(
        r=LORA_RANK, lora_alpha=LORA_ALPHA, lora_dropout=0.0, target_modules=TARGETS, bias="none",
        task_type="CAUSAL_LM", use_rslora=False, init_lora_weights=True,
    )
    model = peft.get_peft_model(model, lora_config)
    # PEFT starts B at zero, which would make every A gradient zero: draw both instead.
    with torch.no_grad():
        for name, module in model.named_modules():
            if isinstance(module, peft.tuners.lora.LoraLayer):
                for matrix in ("A", "B"):
                    weight = getattr(module, f"lora_{matrix}")["default"].weight
                    weight.copy_(float32_normal(generator, weight.shape, ADAPTER_STD).to(torch.float64))
    initial_adapter = lora_tensors(model, lambda weight: weight.detach().to(torch.float32).clone())

    independent_errors = []
    for expected, adapter in ((base_logits, None), (None, initial_adapter)):
        if expected is None:
            with torch.no_grad():
                expected = model(input_ids=input_ids).logits
        independent = numpy_forward(base_weights, input_ids, adapter)
        error = numpy.abs(independent - expected.numpy()).max()
        assert error < 1e-5, f"the README conventions disagree with transformers by {error}"
        independent_errors.append(float(error))

    model.train()  # dropout is 0, so train mode only enables gradients' bookkeeping
    logits = model(input_ids=input_ids).logits
    loss = masked_loss(logits, input_ids, loss_mask)
    labels = torch.where(loss_mask.bool(), input_ids, torch.full_like(input_ids, -100))
    transformers_loss = model(input_ids=input_ids, labels=labels).loss
    # transformers takes the loss in float32, hence the tolerance; the masking convention is what is checked.
    assert abs(loss.item() - transformers_loss.item()) < 1e-5 * loss.item(), (loss.item(), transformers_loss.item())
    loss.backward()
    gradients = lora_tensors(model, lambda weight: weight.grad.detach().to(torch.float32).clone())
    assert all(gradient.abs().max() > 0 for gradient in gradients.values()), "a LoRA gradient is zero"

    trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
    optimizer = torch.optim.AdamW(trainable, **ADAMW)
    losses = []
    for _ in range(ADAMW_STEPS):
        optimizer.zero_grad()
        step_loss = masked_loss(model(input_ids=input_ids).logits, input_ids, loss_mask)
        losses.append(step_loss.item())
        step_loss.backward()
        optimizer.step()
    with torch.no_grad():
        losses.append(masked_loss(model(input_ids=input_ids).logits, input_ids, loss_mask).item())
    final_adapter = lora_tensors(model, lambda weight: weight.detach().to(torch.float32).clone())

    config_dict = {key: value for key, value in config.to_dict().items() if not key.startswith("_")}
    config_dict.update({"architectures": ["LlamaForCausalLM"], "rope_theta": CONFIG["rope_theta"], "torch_dtype": "float32"})
    (arguments.out / "config.json").write_text(json.dumps(config_dict, indent=1, sort_keys=True) + "\n")
    adapter_config = {key: (sorted(value) if isinstance(value, set) else value) for key, value in lora_config.to_dict().items()}
    adapter_config = json.loads(json.dumps(adapter_config, default=str))
    (arguments.out / "adapter_config.json").write_text(json.dumps(adapter_config, indent=1, sort_keys=True) + "\n")

    metadata = {
        "format": "sal parity reference v1",
        "seed": str(SEED),
        "model": json.dumps(CONFIG, sort_keys=True),
        "lora": json.dumps({"r": LORA_RANK, "alpha": LORA_ALPHA, "scaling": LORA_ALPHA / LORA_RANK, "dropout": 0.0,
                            "targets": TARGETS, "rslora": False}),
        "adamw": json.dumps({"lr": ADAMW["lr"], "beta1": ADAMW["betas"][0], "beta2": ADAMW["betas"][1], "eps": ADAMW["eps"],
                             "weight_decay": ADAMW["weight_decay"], "steps": ADAMW_STEPS, "decoupled": True,
                             "bias_correction": True, "amsgrad": False, "gradient_clipping": None, "schedule": "constant"}),
        "loss": "mean over (b, t) with loss_mask[b, t] = 1 of -log softmax(logits[b, t - 1])[input_ids[b, t]]",
        "precision": "float64 compute from float32 values; stored as float32",
        "versions": json.dumps({"torch": torch.__version__, "transformers": transformers.__version__, "peft": peft.__version__}),
    }
    safetensors.torch.save_file({name: value.contiguous() for name, value in base_weights.items()},
                                str(arguments.out / "model.safetensors"), metadata={"format": "pt"})
    reference = {
        "input_ids": input_ids.to(torch.float32),
        "loss_mask": loss_mask.to(torch.float32),
        "base_logits": base_logits.to(torch.float32),
        "logits": logits.detach().to(torch.float32),
        "loss": loss.detach().to(torch.float32).reshape(1),
        "adamw_losses": torch.tensor(losses, dtype=torch.float32),
    }
    for prefix, tensors in (("initial", initial_adapter), ("gradient", gradients), ("final", final_adapter)):
        for name, value in tensors.items():
            reference[f"{prefix}.{name}"] = value
    safetensors.torch.save_file({name: value.contiguous() for name, value in reference.items()},
                                str(arguments.out / "reference.safetensors"), metadata=metadata)

    for path in arguments.out.iterdir():
        path.chmod(0o644)  # safetensors writes owner-only files
    total = sum(path.stat().st_size for path in arguments.out.iterdir())
    print(json.dumps({
        "out": str(arguments.out), "bytes": total, "loss": loss.item(), "adamw_losses": losses,
        "max_abs_logit": float(logits.detach().abs().max()), "lora_tensors": len(gradients),
        "gradient_norm": math.sqrt(sum(float((g.double() ** 2).sum()) for g in gradients.values())),
        "readme_forward_max_error": independent_errors,
    }, indent=1))


if __name__ == "__main__":
    main()
