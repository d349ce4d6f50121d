# case: -t creates missing targets and reports them
# run: -t
all: a b
a b:
	@echo making $@
