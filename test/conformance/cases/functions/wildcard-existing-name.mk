# case: wildcard of a plain existing or missing name
$(info [$(wildcard Makefile)] [$(wildcard missing)] [$(wildcard ./Makefile)])
all: ; @:
