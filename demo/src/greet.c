#include <stdio.h>

#include "greet.h"
#include "version.h"

void greet(const char *name) {
  printf("Hello, %s! (greet %s)\n", name, GREET_VERSION);
}
