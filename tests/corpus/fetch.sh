#!/bin/sh
# SPDX-License-Identifier: MIT
# fetch.sh DIR - downloads the development corpus: 12 real-world modules
# (0.1-18 MB; Rust + wasm-bindgen, Emscripten C/C++ with SIMD, Rust core
# modules taken from components) from the npm registry, at pinned versions,
# checked against sha256 sums.  Needs npm, tar and sha256sum.  Files already
# present with the right sum are kept.  Nothing fetched is committed.
set -eu
dir=${1:?usage: fetch.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name <TAB> package@version <TAB> path in the package <TAB> sha256
list='lightningcss.wasm	lightningcss-wasm@1.33.0	lightningcss_node.wasm	479c64bb651164b6fd9a834055e65ab507d3e39f8d8a8b683b7e83787a69e7b1
swc.wasm	@swc/wasm@1.16.18	wasm_bg.wasm	67659614a2ca8504a8b33f4e3f261489bd9b700dd12058894b22788a3c61eda5
tiktoken.wasm	tiktoken@1.0.22	tiktoken_bg.wasm	dedd9a7b5d8d98b44448bedb371ade1c5327f7bb5dd9effe159da816473a415f
tiktoken-lite.wasm	tiktoken@1.0.22	lite/tiktoken_bg.wasm	870fa4e0d8fe30a02b4703b2c4e24e7a8d99dcf6a1e8416c14b239f52a2eed55
brotli.wasm	brotli-wasm@3.0.1	pkg.node/brotli_wasm_bg.wasm	6d5e77ad86911b665421dc98e6cedecb0977637afe5cf73d574758d9a2cade90
webp-dec.wasm	@jsquash/webp@1.5.0	codec/dec/webp_dec.wasm	30fb52fa2a80166d25ba7debf902218904ba1f05ccce9f959f722beff9e2f344
webp-enc-simd.wasm	@jsquash/webp@1.5.0	codec/enc/webp_enc_simd.wasm	39c279269ec1163b987b6d69749458e3d5b03b9585f58b6ca5455b76b504a305
quickjs.wasm	@jitl/quickjs-wasmfile-release-sync@0.32.0	dist/emscripten-module.wasm	105c3bed22d457e43e3d1c3c1c6959fda62a8fe06f0fc8a985303c3a2be72232
vips.wasm	wasm-vips@0.0.19	lib/vips.wasm	36c25e290570757f911b45d67947e8262b01261028db438dadc09990ad978ff6
vips-resvg.wasm	wasm-vips@0.0.19	lib/vips-resvg.wasm	9c7c1c78260240c454cce7ff875dc8026985c433f27ea90e849f02d50cea8917
wasm-tools.core.wasm	@bytecodealliance/jco-transpile@0.15.0	vendor/wasm-tools.core.wasm	3fefaaa84d88c2e256f1313a333f9bd605cb0eab55658f178a6f469fc01a6d22
js-component-bindgen.core.wasm	@bytecodealliance/jco-transpile@0.15.0	vendor/js-component-bindgen-component.core.wasm	aa0681475ab02fa5a9ad05aa1ce5e700f9f8da0a9986b973c968545ad4816fa2'

have() { echo "$2  $dir/$1" | sha256sum -c --quiet - >/dev/null 2>&1; }

echo "$list" | while IFS='	' read -r name pkg path sum; do
	have "$name" "$sum" && continue
	key=$(echo "$pkg" | tr '/@' '__')
	if [ ! -d "$work/$key" ]; then
		mkdir -p "$work/$key"
		(cd "$work/$key" && npm pack --silent "$pkg" >/dev/null 2>&1 &&
		    tar xzf ./*.tgz) ||
		    { echo "fetch.sh: cannot fetch $pkg" >&2; exit 1; }
	fi
	cp "$work/$key/package/$path" "$dir/$name"
	have "$name" "$sum" ||
	    { echo "fetch.sh: $name: checksum mismatch" >&2; exit 1; }
done
echo "$list" | while IFS='	' read -r name pkg path sum; do
	printf '%10s %s (%s)\n' "$(wc -c <"$dir/$name")" "$name" "$pkg"
done
