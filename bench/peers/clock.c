/* The clock a core runs at now, from a loop of 10^9 dependent one-cycle adds: prints GHz to two decimals.
 * bench/peers/cm.sh runs it before and after its timings, because this shared host's cores run anywhere between about
 * 3.1 and 3.8 GHz from hour to hour (measured 2026-12-03), which moves every MB/s figure by as much. */
#include <stdio.h>
#include <time.h>

int main(void)
{
    struct timespec a, b;
    unsigned long x = 0;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < 1000000000L; i++) __asm__ volatile("add $1, %0" : "+r"(x));
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
    printf("%.2f\n", (double)x / s / 1e9);
    return 0;
}
