# case: wildcard characters in prerequisite lists are expanded
all: *.in
	@echo '$^'
--- z.in
--- a.in
