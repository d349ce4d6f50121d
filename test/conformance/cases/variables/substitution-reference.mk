# case: $(var:a=b) replaces suffixes of words
SRCS = a.c b.c c.h d.cc
all:
	@echo '$(SRCS:.c=.o)'
	@echo '${SRCS:c=x}'
