# case: no rule to make a prerequisite
all: dep
dep: missing.h
	@echo dep
