# case: some built-in variables
all:
	@echo '$(CC) | $(CXX) | $(AR) | $(ARFLAGS) | $(RM) | $(LEX) | $(YACC)'
	@echo '$(COMPILE.c) | $(LINK.o)'
