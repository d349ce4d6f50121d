# case: a grouped rule runs its recipe once for all targets
all: a b c
a b c &:
	@echo 'making a b c (triggered by $@)'
	@touch a b c
