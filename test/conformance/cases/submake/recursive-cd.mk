# case: cd dir && $(MAKE)
all:
	@cd sub && $(MAKE)
--- sub/Makefile
all:
	@echo in sub
