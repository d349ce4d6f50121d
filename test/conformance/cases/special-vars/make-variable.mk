# case: MAKE is the path of the running make
all:
	@echo '$(MAKE) $(origin MAKE) $(flavor MAKE)'
	@echo '$(MAKE_COMMAND)'
