# case: MAKELEVEL grows with each level and shows in messages
all:
	@echo 'top $(MAKELEVEL)'
	@$(MAKE) -C one
--- one/Makefile
all:
	@echo 'one $(MAKELEVEL)'
	@$(MAKE) -C two
--- one/two/Makefile
all:
	@echo 'two $(MAKELEVEL)'
