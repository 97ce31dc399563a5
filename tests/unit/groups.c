/* SPDX-License-Identifier: MIT */
/*
 * groups.c - unit tests of the group keys read off demangled names: Rust
 * crates (paths, <T as Trait> impls, primitives, closures, legacy hashes)
 * and C++ namespaces (return types, templates, operators, special names,
 * anonymous namespaces), and that hostile names end in a key or none.
 */
#include <string.h>

#include "analysis/dwarf_crates.h"
#include "analysis/groups.h"
#include "tap.h"

static void
expect(enum ws_group_by by, const char *name, const char *want)
{
	struct ws_str k = ws_group_key((struct ws_str){ name, strlen(name) },
	    by);

	ok(k.len == strlen(want) && (k.len == 0 || memcmp(k.s, want,
	    k.len) == 0),
	    "%s of '%s' is '%s' (got '%.*s')", ws_group_by_name(by), name,
	    want, (int)k.len, k.s ? k.s : "");
}

static void
crates(void)
{
	static const char *const cases[][2] = {
		{ "core::fmt::write", "core" },
		{ "core::fmt::write::h0123456789abcdef", "core" },
		{ "alloc::raw_vec::RawVec<T,A>::grow_one", "alloc" },
		{ "<alloc::vec::Vec<u8> as core::clone::Clone>::clone",
		    "alloc" },
		{ "<&T as core::fmt::Debug>::fmt", "core" },
		{ "<&mut serde_json::de::Deserializer<R> as "
		    "serde::de::Deserializer>::deserialize_any", "serde_json" },
		{ "<u8 as core::fmt::Display>::fmt", "core" },
		{ "<[T] as alloc::slice::SpecCloneIntoVec<T,A>>::clone_into",
		    "alloc" },
		{ "<str as regex::Replacer>::replace_append", "regex" },
		{ "<alloc::string::String>::push_str", "alloc" },
		{ "<u8>::is_ascii_digit", "core" },
		{ "<*const T as core::fmt::Pointer>::fmt", "core" },
		{ "<dyn core::any::Any>::is", "core" },
		{ "<<std::io::stdio::StdoutLock as std::io::Write>::"
		    "write_fmt::Adapter<T> as core::fmt::Write>::write_str",
		    "std" },
		{ "<fn() -> u8 as core::ops::Fn<()>>::call", "core" },
		{ "std::rt::lang_start::{{closure}}", "std" },
		{ "mycrate::run::{closure#0}", "mycrate" },
		{ "dlmalloc", "" },
		{ "memcpy", "" },
		{ "", "" },
		{ "::leading", "" },
		{ "<unclosed as", "" },
		{ "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "" },
		{ "<>::f", "" },
		{ ">>>>::x", "" },
		{ "unsigned long long js::pbl::ICInterpretOps<false>(unsigned "
		    "long long)", "js" },
		{ "vtable for icu::UnicodeString", "" },
		{ "main", "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect(WS_GROUP_CRATE, cases[i][0], cases[i][1]);
}

static void
namespaces(void)
{
	static const char *const cases[][2] = {
		{ "std::__2::basic_string<char, std::__2::char_traits<char>, "
		    "std::__2::allocator<char>>::append(char const*)", "std" },
		{ "vips::VImage::new_from_file(char const*, vips::VOption*)",
		    "vips" },
		{ "void std::__2::__sort<std::__2::__less<int, int>&, int*>"
		    "(int*, int*, std::__2::__less<int, int>&)", "std" },
		{ "std::__2::basic_ostream<char, std::__2::char_traits<char>>& "
		    "std::__2::operator<<<std::__2::char_traits<char>>"
		    "(std::__2::basic_ostream<char, std::__2::char_traits<char>>&"
		    ", char const*)", "std" },
		{ "cv::Mat::operator()(cv::Range, cv::Range) const", "cv" },
		{ "foo::Bar::operator<(foo::Bar const&) const", "foo" },
		{ "operator new(unsigned long)", "" },
		{ "operator delete[](void*)", "" },
		{ "(anonymous namespace)::Parser::parse()",
		    "(anonymous namespace)" },
		{ "vtable for icu::UnicodeString", "icu" },
		{ "non-virtual thunk to v8::internal::Heap::Collect()", "v8" },
		{ "typeinfo name for std::exception", "std" },
		{ "main", "" },
		{ "compress2", "" },
		{ "foo()::$_0::operator()() const", "" },
		{ "unsigned long long absl::hash_internal::Mix(int)", "absl" },
		{ "", "" },
		{ "((((((((", "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect(WS_GROUP_NAMESPACE, cases[i][0], cases[i][1]);
}

static void
expect_str(struct ws_str k, const char *what, const char *want)
{
	ok(k.len == strlen(want) && (k.len == 0 || memcmp(k.s, want,
	    k.len) == 0), "crate of %s is '%s' (got '%.*s')", what, want,
	    (int)k.len, k.s ? k.s : "");
}

/* Crates from DWARF: a source file's package root, a unit's name. */
static void
dwarf_crates(void)
{
	static const char *const paths[][2] = {
		{ "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/"
		    "core/src/fmt/mod.rs", "core" },
		{ "/usr/src/rustc-1.63.0/library/std/src/alloc.rs", "std" },
		{ "/home/u/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/"
		    "lib/rustlib/src/rust/library/alloc/src/vec/mod.rs",
		    "alloc" },
		{ "/home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f"
		    "/serde_json-1.0.108/src/de.rs", "serde_json" },
		{ "/home/u/.cargo/git/checkouts/wasm-bindgen-1a2b3c4d5e6f7a8b/"
		    "abc1234/src/lib.rs", "wasm-bindgen" },
		{ "/usr/src/rustc-1.63.0/vendor/dlmalloc/src/dlmalloc.rs",
		    "dlmalloc" },
		{ "./rustlib.rs", "" },
		{ "/home/u/project/library/foo.rs", "" },
		{ "/home/u/trusty/library/x/y.rs", "" },
		{ "/library/", "" },
		{ "", "" },
	};
	static const char *const units[][2] = {
		{ "rustlib.rs/@/rustlib.e9f170e5-cgu.0", "rustlib" },
		{ "src/lib.rs/@/my_crate.3b1d-cgu.12", "my_crate" },
		{ "hello.c", "" },
		{ "x/@/", "" },
		{ "x/@/.y", "" },
	};

	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		expect_str(ws_crate_of_path(paths[i][0], strlen(paths[i][0])),
		    paths[i][0], paths[i][1]);
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		expect_str(ws_crate_of_unit(units[i][0], strlen(units[i][0])),
		    units[i][0], units[i][1]);
}

int
main(void)
{
	crates();
	namespaces();
	dwarf_crates();
	return tap_done();
}
