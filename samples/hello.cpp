// hello.cpp - C++ without its standard library (Debian has no libc++ for
// WASI): namespaces, templates, operators, virtual functions, an anonymous
// namespace and a lambda, so that names demangle to C++ paths.
#include <stdio.h>
#include <stdlib.h>

#define KEEP __attribute__((noinline))

// The deleting destructor of Shape needs it, and libc++ is not there.
void operator delete(void *p) noexcept { free(p); }

namespace geo {
template <class T> struct Vec {
	T x, y;
	KEEP T dot(const Vec &o) const { return x * o.x + y * o.y; }
	KEEP Vec operator+(const Vec &o) const { return { x + o.x, y + o.y }; }
};

struct Shape {
	virtual ~Shape() {}
	virtual double area() const = 0;
};

struct Rect : Shape {
	double w, h;
	Rect(double w, double h) : w(w), h(h) {}
	KEEP double area() const override { return w * h; }
};
} // namespace geo

namespace text {
namespace detail {
KEEP unsigned hash(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}
} // namespace detail

KEEP unsigned fingerprint(const char *s) { return detail::hash(s) ^ 0x9e3779b9u; }
} // namespace text

namespace {
KEEP int twice(int v) { return 2 * v; }
} // namespace

template <class F> KEEP int apply(F f, int v) { return f(v); }

KEEP double total_area(const geo::Shape *const *shapes, int n)
{
	double sum = 0;
	for (int i = 0; i < n; i++)
		sum += shapes[i]->area();
	return sum;
}

int main(int argc, char **argv)
{
	geo::Vec<int> a{ 1, argc }, b{ 3, 4 };
	geo::Vec<double> c{ 0.5, 1.5 }, d{ 2, argc * 1.0 };
	geo::Rect r(2, argc);
	const geo::Shape *shapes[] = { &r };
	int k = apply([](int v) { return v + 1; }, twice(argc));

	printf("%d %g %g %u %d %g\n", a.dot(b), (c + d).dot(c),
	    total_area(shapes, 1), text::fingerprint(argv[0]), k,
	    (a + b).x * 1.0);
	return 0;
}
