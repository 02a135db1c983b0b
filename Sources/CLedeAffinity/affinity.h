#ifndef LEDE_AFFINITY_H
#define LEDE_AFFINITY_H
#include <stddef.h>
// Glibc declares these only under _GNU_SOURCE, which Swift's Glibc module is
// built without; the asm labels bind the same libc symbols under names that
// cannot clash with glibc's own declarations. Linux only: `mask` is a cpu_set_t.
extern int lede_sched_getaffinity(int pid, size_t size, void *mask) __asm__("sched_getaffinity");
extern int lede_sched_setaffinity(int pid, size_t size, const void *mask) __asm__("sched_setaffinity");
#endif
