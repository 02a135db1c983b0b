#ifndef LEDE_SYSTEM_H
#define LEDE_SYSTEM_H
#include <stddef.h>
// Linux and glibc calls that Swift's Glibc module does not import: the affinity
// calls and sync_file_range are declared only under _GNU_SOURCE, which the module
// is built without, and malloc_trim lives in <malloc.h>, which it leaves out. The
// asm labels bind the same libc symbols under names that cannot clash with glibc's
// own declarations. Linux only: `mask` is a cpu_set_t.
extern int lede_sched_getaffinity(int pid, size_t size, void *mask) __asm__("sched_getaffinity");
extern int lede_sched_setaffinity(int pid, size_t size, const void *mask) __asm__("sched_setaffinity");
extern int lede_malloc_trim(size_t pad) __asm__("malloc_trim");
// `offset` and `count` are off64_t, 64 bits on every Linux ABI Swift runs on.
extern int lede_sync_file_range(int fd, long long offset, long long count, unsigned int flags)
    __asm__("sync_file_range");
#endif
