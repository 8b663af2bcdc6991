/* Times htscodecs' static rANS (rANS32x16, the 32-way interleaved coder) on one file, in memory, like `xent bench rans`:
 * one warm-up, then the fastest of RUNS encodes and decodes of the whole file as one block.
 * Build: cc -O2 -o htscodecs_rans htscodecs_rans.c -lhtscodecs      Usage: htscodecs_rans FILE ORDER(0|1) [RUNS]
 * Prints JSON with the same keys as `xent bench rans --json`: MB = 10^6 bytes. */
#include <htscodecs/rANS_static4x16.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s FILE ORDER(0|1) [RUNS]\n", argv[0]); return 2; }
    int order = atoi(argv[2]), runs = argc > 3 ? atoi(argv[3]) : 7;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *in = malloc(n ? n : 1), *back = malloc(n ? n : 1);
    if (fread(in, 1, n, f) != (size_t)n) { perror("read"); return 2; }
    fclose(f);
    int mode = (order ? 1 : 0) | RANS_ORDER_X32; /* -o4 / -o5 in htscodecs' own test tool */
    unsigned int bound = rans_compress_bound_4x16((unsigned int)n, mode);
    unsigned char *out = malloc(bound);
    double enc = 1e30, dec = 1e30;
    unsigned int size = 0;
    for (int r = 0; r <= runs; r++) {
        size = bound;
        double t0 = now();
        if (!rans_compress_to_4x16(in, (unsigned int)n, out, &size, mode)) { fprintf(stderr, "compress failed\n"); return 1; }
        double t1 = now();
        unsigned int back_size = (unsigned int)n;
        if (!rans_uncompress_to_4x16(out, size, back, &back_size)) { fprintf(stderr, "uncompress failed\n"); return 1; }
        double t2 = now();
        if (back_size != (unsigned int)n || memcmp(in, back, n)) { fprintf(stderr, "round trip differs\n"); return 1; }
        if (r == 0) continue;
        if (t1 - t0 < enc) enc = t1 - t0;
        if (t2 - t1 < dec) dec = t2 - t1;
    }
    printf("{\"file\":\"%s\",\"order\":%d,\"bytes\":%ld,\"compressed_bytes\":%u,\"encode_mb_per_s\":%.1f,\"decode_mb_per_s\":%.1f}\n",
           argv[1], order, n, size, n / 1e6 / enc, n / 1e6 / dec);
    return 0;
}
