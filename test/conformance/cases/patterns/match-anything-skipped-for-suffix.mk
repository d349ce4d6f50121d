# case: a match-anything rule is not used for a name with a known suffix
all: foo.c bar
%:
	@echo 'catch-all $@'
