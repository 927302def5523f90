#ifndef REHEARSE_CPCRE2_SHIM_H
#define REHEARSE_CPCRE2_SHIM_H

// The 8-bit library only: answers and patterns are UTF-8.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#endif
