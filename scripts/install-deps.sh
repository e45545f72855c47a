#!/usr/bin/env bash
# Installs the Debian 12 packages tgvc-bench needs to build, test and run its demo.
# Idempotent: asks apt only for what is missing. No other downloads.
#   --fuzz  also the fuzzing toolchain of the `fuzz` preset (`make fuzz`, docs/reliability.md)
set -euo pipefail

fuzz=0
for arg in "$@"; do
  case "$arg" in
    --fuzz) fuzz=1 ;;
    *) echo "install-deps: unknown option $arg (known: --fuzz)" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential cmake ninja-build pkg-config git bc
  chromium fonts-dejavu-core
  libx265-dev libaom-dev libdav1d-dev
  # the command-line encoders of the configs/codecs/ presets (`type: external`, docs/codecs.md)
  x265 aom-tools svt-av1
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
  ffmpeg
  libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libopencv-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # the format check (ctest `format`: clang-format --dry-run -Werror with the repo's .clang-format)
  clang-format
  opencv-doc
  # Learned metrics (LibTorch) and `tgvc-bench models fetch` (libcurl); python3-torch only
  # writes the small TorchScript modules the learned-metric tests load.
  libtorch-dev libopenblas0-openmp libcurl4-openssl-dev
  python3-torch
  # omegaconf: tools/models/export_dynamicrafter.py reads DynamiCrafter's config with it; its test
  # (unit_tgvc_torch) runs the script on a fake DynamiCrafter tree at build time.
  python3-omegaconf
  # `--executor slurm` and its ctest (label slurm), which starts a single-node cluster in a temp
  # dir (tests/slurm/start-cluster.sh); installing them starts no daemon.
  munge slurmctld slurmd slurm-client
)
if [ "$fuzz" -eq 1 ]; then
  # clang 14, its libFuzzer and sanitizer runtimes (libclang_rt.fuzzer-x86_64.a; only
  # recommended by clang-14, so named here) and llvm-symbolizer for readable crash reports.
  packages+=(clang-14 libclang-rt-14-dev llvm-14)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
apt_opts=(-o DPkg::Lock::Timeout=600 -y --no-install-recommends)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update
"${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install "${missing[@]}"
