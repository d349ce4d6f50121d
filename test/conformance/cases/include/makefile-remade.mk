# case: the makefile itself is remade from a template, then re-read
# sh: touch -d '2001-01-01 00:00' Makefile
# sh: touch -d '2002-01-01 00:00' Makefile.in
# run:
# run:
all:
	@echo old makefile
Makefile: Makefile.in
	@echo regenerating
	@cp Makefile.in Makefile
--- Makefile.in
all:
	@echo new makefile
