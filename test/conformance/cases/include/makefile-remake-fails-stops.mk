# case: a makefile that exists but whose remaking fails stops the run, as any failed job; with -k the goals are built and the run fails
# sh: touch -d '2001-01-01 00:00' Makefile Makefile.in
# sh: touch Makefile.am
# run:
# run: -k
# run: -n
all: a.o
	@echo linking all
a.o:
	@echo compiling a.o
Makefile: Makefile.in
	@echo regenerating Makefile
Makefile.in: Makefile.am
	@echo running automake; exit 63
--- Makefile.am
