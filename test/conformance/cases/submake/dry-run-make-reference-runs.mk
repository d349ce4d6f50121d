# case: under -n any line mentioning $(MAKE) runs
# run: -n
all:
	@echo 'MAKE is $(MAKE)'
	@echo 'not run'
