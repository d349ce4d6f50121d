# case: MAKE_VERSION says 4.3
all:
	@echo '$(MAKE_VERSION)'
