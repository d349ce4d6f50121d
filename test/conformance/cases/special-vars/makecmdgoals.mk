# case: MAKECMDGOALS lists the goals given on the command line
# run:
# run: b a
# run: X=1 a
all a b:
	@echo '$@ [$(MAKECMDGOALS)]'
