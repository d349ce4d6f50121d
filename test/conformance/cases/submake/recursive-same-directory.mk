# case: a sub-make in the same directory also announces it
all:
	$(MAKE) -f other.mk
--- other.mk
all:
	@echo other makefile
