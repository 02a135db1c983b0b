#ifndef LEDE_PREFETCH_H
#define LEDE_PREFETCH_H
// Swift has no prefetch: the perceptron decoder asks for its weight rows while it
// still hashes the features of a region, so that the rows' cache misses overlap.
static inline __attribute__((always_inline)) void lede_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
#endif
