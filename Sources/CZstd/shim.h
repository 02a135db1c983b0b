#ifndef LEDE_CZSTD_SHIM_H
#define LEDE_CZSTD_SHIM_H
// ZSTD_d_windowLogMax and friends are stable API; the static-only parts stay out.
#include <zstd.h>
#endif
