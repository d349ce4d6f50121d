# case: a suffix rule with prerequisites is an ordinary rule
.SUFFIXES: .in .out
.in.out: dep
	@echo 'made $@'
dep:
	@echo dep
