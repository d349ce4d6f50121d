# case: -include ignores a missing file
-include missing.mk
all:
	@echo ok
