# case: automatic variables are empty in prerequisite lists
all: x$@y
	@echo 'all needs [$^]'
xy:
	@echo made xy
