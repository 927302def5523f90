// libedit's readline-compatible API: line editing and history at the practice prompt.
#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>
