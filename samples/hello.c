/* hello.c: a small wasm32-wasi command: string table, qsort, arithmetic, stdio; built with -g (DWARF) and -O2 (release). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct planet {
	const char	*name;
	double		 au;		/* mean distance from the sun */
	unsigned	 moons;
};

static const struct planet planets[] = {
	{ "Mercury",	 0.39,	 0 },
	{ "Venus",	 0.72,	 0 },
	{ "Earth",	 1.00,	 1 },
	{ "Mars",	 1.52,	 2 },
	{ "Jupiter",	 5.20,	95 },
	{ "Saturn",	 9.54,	146 },
	{ "Uranus",	19.19,	28 },
	{ "Neptune",	30.07,	16 },
};
#define NPLANETS (sizeof(planets) / sizeof(planets[0]))

static const char *const greetings[] = {
	"hello", "hallo", "bonjour", "hola", "ciao", "hej", "ahoj", "salut",
};
#define NGREETINGS (sizeof(greetings) / sizeof(greetings[0]))

static int
by_moons(const void *a, const void *b)
{
	const struct planet *pa = a, *pb = b;

	return (pa->moons > pb->moons) - (pa->moons < pb->moons);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct planet *)a)->name, ((const struct planet *)b)->name);
}

/* FNV-1a: something for the optimizer to inline or not */
static uint32_t
fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static uint64_t
gcd(uint64_t a, uint64_t b)
{
	while (b != 0) {
		uint64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

static double
mean_au(const struct planet *p, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += p[i].au;
	return n ? sum / (double)n : 0;
}

static void
print_table(const char *title, const struct planet *p, size_t n)
{
	printf("%s\n", title);
	for (size_t i = 0; i < n; i++)
		printf("  %-8s %6.2f AU %4u moons  hash %08x\n",
		    p[i].name, p[i].au, p[i].moons, (unsigned)fnv1a(p[i].name));
}

int
main(int argc, char **argv)
{
	struct planet	 sorted[NPLANETS];
	const char	*who = argc > 1 ? argv[1] : "world";

	printf("%s, %s!\n", greetings[fnv1a(who) % NGREETINGS], who);

	memcpy(sorted, planets, sizeof(sorted));
	qsort(sorted, NPLANETS, sizeof(sorted[0]), by_moons);
	print_table("by moons:", sorted, NPLANETS);
	qsort(sorted, NPLANETS, sizeof(sorted[0]), by_name);
	print_table("by name:", sorted, NPLANETS);

	printf("mean distance %.3f AU, gcd(1071, 462) = %llu\n",
	    mean_au(planets, NPLANETS), (unsigned long long)gcd(1071, 462));
	return 0;
}
