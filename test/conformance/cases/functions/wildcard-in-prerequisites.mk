# case: wildcard in a prerequisite list and in a variable
SRCS := $(wildcard *.in)
all: $(SRCS)
	@echo '$^'
--- b.in
--- a.in
