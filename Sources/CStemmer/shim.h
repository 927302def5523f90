#ifndef REHEARSE_CSTEMMER_SHIM_H
#define REHEARSE_CSTEMMER_SHIM_H

// Snowball's stemmers, from Debian's libstemmer-dev.
#include <libstemmer.h>

#endif
