# case: a target never created is remade on every run
# run:
# run:
out:
	@echo making out
