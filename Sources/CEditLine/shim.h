// libedit's readline-compatible API: line editing and history at the practice prompt.
#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>

// Swift 6 cannot assign libedit's global hook (shared mutable state); this sets it once, at start-up.
static inline void rehearse_set_getc_function(int (*function)(FILE *)) { rl_getc_function = function; }
