#include <counter.h>

#define LIMIT 100

static struct counter stats = COUNTER_INIT;

int record(int hit)
{
	if (counter_total(&stats) >= LIMIT)
		return -1;
	if (hit)
		count_hit(&stats);
	else
		stats.misses++;
	return 0;
}
