#ifndef COUNTER_H
#define COUNTER_H

struct counter {
	unsigned long hits;
	unsigned long misses;
};

#define COUNTER_INIT { .hits = 0, .misses = 0 }
#define count_hit(c) ((c)->hits++)

static inline unsigned long counter_total(const struct counter *c)
{
	return c->hits + c->misses;
}

#endif
