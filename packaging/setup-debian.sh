#!/usr/bin/env bash
# Set up, build and run or test Tagbench on a fresh Debian 12 (bookworm) machine.
#
#   packaging/setup-debian.sh run    install what is missing, build, open the GUI on the
#                                    bundled Chinese car-news sample
#   packaging/setup-debian.sh test   install what is missing, build, run every test
#
# Builds into ./build (Release, Ninja, all cores, ccache). Runs apt-get (through sudo when not
# root) only when a package below is missing, so a machine that has everything never touches
# the network. TAGBENCH_BUILD_TYPE overrides the build type (default Release).
set -euo pipefail

# Every Debian package the build, the tests and the app need: the one list to keep up to date.
readonly PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config dpkg-dev file
  # libraries
  libtorch-dev qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools libqcustomplot-dev
  libsentencepiece-dev sentencepiece libsimdjson-dev nlohmann-json3-dev libsqlite3-dev
  libicu-dev liblinear-dev
  libgl1-mesa-dev
  # runtime: CJK glyphs for the Chinese UI and data, the SVG icon engine for the app icon,
  # Qt's own translations of standard dialogs
  fonts-noto-cjk libqt6svg6 qt6-translations-l10n
  # tests and reference runs: headless X, fastText, PyTorch and scikit-learn baselines, .desktop
  # validation
  xvfb xauth fasttext python3-torch python3-sklearn desktop-file-utils
)

usage() {
  echo "usage: $0 run|test" >&2
  exit 2
}

log() {
  echo "setup-debian: $*"
}

install_missing_packages() {
  local installed missing=() package
  # One dpkg-query for all names; unknown names make it exit 1, which is fine here.
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)
  for package in "${PACKAGES[@]}"; do
    if ! grep -qx "${package} installed" <<<"${installed}"; then
      missing+=("${package}")
    fi
  done
  if ((${#missing[@]} == 0)); then
    log "all ${#PACKAGES[@]} packages are installed"
    return
  fi

  local sudo=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null; then
      echo "setup-debian: missing packages (${missing[*]}) and not root; install sudo or run as root" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  log "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  local jobs
  jobs=$(nproc)
  # ccache hashes paths relative to the checkout, so another clone at another path (CI) reuses
  # this one's objects.
  export CCACHE_BASEDIR="${ROOT}"
  log "configuring ${BUILD_DIR} (${BUILD_TYPE})"
  cmake -S "${ROOT}" -B "${BUILD_DIR}" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE}"
  log "building with ${jobs} jobs"
  cmake --build "${BUILD_DIR}" --parallel "${jobs}"
}

run_gui() {
  local sample="${ROOT}/resources/samples/car-news-zh/train.jsonl"
  if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "setup-debian: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it from a desktop" \
         "session, or under 'xvfb-run -a' to start it headless" >&2
    exit 1
  fi
  log "starting ${BUILD_DIR}/bin/tagbench ${sample}"
  exec "${BUILD_DIR}/bin/tagbench" "${sample}"
}

run_tests() {
  log "running the tests"
  QT_QPA_PLATFORM=offscreen ctest --test-dir "${BUILD_DIR}" --output-on-failure -j2
}

(($# == 1)) || usage
case "$1" in
  run | test) ;;
  *) usage ;;
esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly BUILD_DIR="${ROOT}/build"
readonly BUILD_TYPE="${TAGBENCH_BUILD_TYPE:-Release}"

install_missing_packages
build
case "$1" in
  run) run_gui ;;
  test) run_tests ;;
esac
